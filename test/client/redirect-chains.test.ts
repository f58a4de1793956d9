/*
 * Chains of redirects the client follows hop by hop, with Node's fetch (`redirect: "follow"`,
 * undici, the Fetch standard's HTTP-redirect fetch) as the oracle on the same server. Found by the
 * held-out transport hunt (fast-check chains of statuses and Location values over three origins
 * on 127.0.0.1, the client against fetch):
 * - a 303 (or a 301/302 after a POST) turns the request into a GET without its body; a 307 or
 *   308 after that sent the first request's body again with the GET, which a `Request` refuses:
 *   the call rejected with a TypeError where fetch reached the 200 (Jira's 303 to a task, then
 *   the task's 307 to a mirror);
 * - a Location that is no HTTP(S) URL is a network error (Fetch standard §4.4, step 6); the
 *   client fetched a `data:` URL and answered with the server's text as the API's 200.
 */
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import { generateClient, importClient } from "./generate.js";
import { recordingServer, type Received } from "./server.js";

const json = { "application/json": { schema: { type: "object" } } };
const plan = {
  name: "plan",
  in: "path",
  required: true,
  schema: { type: "string" },
};
const text = JSON.stringify({
  openapi: "3.0.3",
  info: { title: "Chains", version: "1" },
  paths: {
    "/start/{plan}": {
      post: {
        operationId: "createTask",
        parameters: [plan],
        requestBody: { required: true, content: json },
        responses: { "200": { description: "The task", content: json } },
      },
      put: {
        operationId: "putTask",
        parameters: [plan],
        requestBody: { required: true, content: json },
        responses: { "200": { description: "The task", content: json } },
      },
      get: {
        operationId: "getTask",
        parameters: [plan],
        responses: { "200": { description: "The task", content: json } },
      },
    },
  },
});

type Call = (args: object, options: object) => Promise<{ status: number }>;
let server: Awaited<ReturnType<typeof recordingServer>>;
let dir: string;
let api: Record<string, Call>;

// `/start/303-307` answers 303 to `/hop/307`, which answers 307 to `/hop/`, which answers 200;
// `/start/data` answers 302 to a `data:` URL
beforeAll(async () => {
  server = await recordingServer((req, res) => {
    const [, kind, rest] = /^\/(start|hop)\/([^?]*)/.exec(req.url) ?? [];
    const [status, ...more] = (rest ?? "").split("-");
    if (kind === "start" && status === "data")
      res.writeHead(302, { Location: "data:application/json,{}" });
    else if (status)
      res.writeHead(Number(status), { Location: "/hop/" + more.join("-") });
    else res.writeHead(200, { "Content-Type": "application/json" });
    res.end(status ? undefined : "{}");
  });
  const { model } = await generate([{ file: "chains.json", text }]);
  dir = await generateClient(model, "redirect-chains");
  api = await importClient<Record<string, Call>>(dir);
});
afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Each hop as the server received it: its request line, body and `Content-Type`. */
const hops = (received: Received[]) =>
  received.map(
    (r) =>
      `${r.method} ${r.url} ${r.body.length} ${r.headers["content-type"] ?? "-"}`,
  );

/** The hops of `send`, and its status or the name of what it rejected with. */
async function run(send: () => Promise<{ status: number }>) {
  server.received.length = 0;
  const outcome = await send().then(
    (r) => r.status,
    (e: Error) => e.name,
  );
  return { outcome, hops: hops(server.received) };
}

const options = () => ({ baseUrl: server.baseUrl, retry: false });

describe("a chain of redirects", () => {
  it.each([
    ["createTask", "POST", "303-307"],
    ["createTask", "POST", "302-308"],
    ["createTask", "POST", "301-302-307"],
    ["putTask", "PUT", "303-308"],
    ["putTask", "PUT", "307-303-307"],
  ])("%s (%s) through %s goes where fetch goes", async (name, method, path) => {
    const byFetch = await run(() =>
      fetch(`${server.baseUrl}/start/${path}`, {
        method,
        headers: { "Content-Type": "application/json" },
        body: '{"name":"a"}',
      }),
    );
    const byClient = await run(() =>
      api[name]!({ path: { plan: path }, body: { name: "a" } }, options()),
    );
    expect(byFetch.outcome).toBe(200);
    expect(byClient).toEqual(byFetch);
  });

  it("to a URL that is not HTTP(S) is a TypeError, as fetch's", async () => {
    const byFetch = await run(() => fetch(`${server.baseUrl}/start/data`));
    const byClient = await run(() =>
      api.getTask!({ path: { plan: "data" } }, options()),
    );
    expect(byFetch.outcome).toBe("TypeError");
    expect(byClient).toEqual(byFetch);
  });
});
