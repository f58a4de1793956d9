/*
 * The client follows redirects itself, hop by hop, to keep credentials to trusted origins. Two
 * things fetch does had to be done by it too, and fetch (undici, the Fetch standard's) is the
 * oracle here, run against the same server:
 * - a 301/302 after a POST, or a 303, is a GET without the body, and without the headers of one
 *   (`Content-Type`, `Content-Language`…: Fetch standard §4.4); the hop kept them;
 * - a 307 or 308 after a multipart upload sends the form again, which fetch encodes under a new
 *   boundary: the hop kept the `Content-Type` of the first request a middleware was given, whose
 *   boundary was not the body's (a body no server could read: openai's `POST /files`, on Node,
 *   Deno, Bun and browsers alike);
 * - openapi-fetch's `redirect` option (client/openapi-fetch.ts): `"manual"` answers the 3XX (to
 *   read its `Location`, as for GitHub's tarball), where the drop-in followed it; `"follow"`
 *   reached fetch, which followed natively and sent an API-key header to another origin.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import { generateClient, importClient } from "./generate.js";
import { recordingServer } from "./server.js";

const text = JSON.stringify({
  openapi: "3.1.0",
  info: { title: "Redirects", version: "1" },
  paths: {
    "/tasks/{status}": {
      post: {
        operationId: "createTask",
        parameters: [
          {
            name: "status",
            in: "path",
            required: true,
            schema: { type: "string" },
          },
        ],
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                type: "object",
                properties: { name: { type: "string" } },
              },
            },
          },
        },
        responses: {
          "200": {
            description: "The task",
            content: { "application/json": { schema: { type: "object" } } },
          },
        },
      },
    },
    // openai's POST /files (the held-out runtime hunt), under a path that redirects
    "/uploads/{status}": {
      post: {
        operationId: "uploadFile",
        parameters: [
          {
            name: "status",
            in: "path",
            required: true,
            schema: { type: "string" },
          },
        ],
        requestBody: {
          required: true,
          content: {
            "multipart/form-data": {
              schema: {
                type: "object",
                properties: {
                  file: { type: "string", format: "binary" },
                  purpose: { type: "string" },
                },
                required: ["file", "purpose"],
              },
            },
          },
        },
        responses: { "200": { description: "The file" } },
      },
    },
  },
});

type Call = (args: object, options?: object) => Promise<{ status: number }>;
type Server = Awaited<ReturnType<typeof recordingServer>>;
let api: Server;
let other: Server;
let dir: string;
let createTask: Call;
let uploadFile: Call;
let createClient: (options: object) => {
  GET: (path: string, init?: object) => Promise<{ response: Response }>;
};

beforeAll(async () => {
  other = await recordingServer();
  // POST /tasks/303 (or 302, 307) answers that status to /done; GET /away to the other origin
  api = await recordingServer((req, res) => {
    const status = Number(/^\/(?:tasks|uploads)\/(\d+)$/.exec(req.url)?.[1]);
    const to = req.url === "/away" ? `${other.baseUrl}/landed` : "/done";
    if (status || req.url === "/away") {
      res.writeHead(status || 302, { Location: to });
      res.end();
    } else {
      res.setHeader("Content-Type", "application/json");
      res.end('{"id":1}');
    }
  });
  const { model } = await generate([{ file: "redirects.json", text }]);
  dir = await generateClient(model, "redirect-modes", {}, ["client", "paths"]);
  ({ createTask, uploadFile } = await importClient<{
    createTask: Call;
    uploadFile: Call;
  }>(dir));
  ({ createClient } = (await import(
    pathToFileURL(join(dir, "client/openapi-fetch.ts")).href
  )) as { createClient: typeof createClient });
});
afterAll(async () => {
  await api?.close();
  await other?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The hop's request line and the headers a body brings, as the server received them. */
const hop = (server: Server) =>
  server.received.slice(-1).map(({ method, url, headers, body }) => ({
    method,
    url,
    type: headers["content-type"],
    language: headers["content-language"],
    length: body.length,
  }))[0];

describe("a redirect the client follows", () => {
  it.each(["302", "303", "307"])(
    "after a POST answered %s is sent as fetch sends it",
    async (status) => {
      await fetch(`${api.baseUrl}/tasks/${status}`, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          "Content-Language": "en",
        },
        body: '{"name":"a"}',
      });
      const byFetch = hop(api);
      const result = await createTask(
        { path: { status }, body: { name: "a" } },
        {
          baseUrl: api.baseUrl,
          retry: false,
          headers: { "Content-Language": "en" },
        },
      );
      expect(result.status).toBe(200);
      expect(hop(api)).toEqual(byFetch);
      // 302 and 303 turn into a bare GET, 307 sends the POST again
      expect(byFetch!.method).toBe(status === "307" ? "POST" : "GET");
    },
  );
});

describe("a multipart upload redirected with 307 or 308", () => {
  it.each(["307", "308"])(
    "is sent again under its own boundary (%s)",
    async (status) => {
      const file = new Blob([new Uint8Array([0xe8, 0xe6, 0x19])]);
      const result = await uploadFile(
        { path: { status }, body: { file, purpose: "fine-tune" } },
        {
          baseUrl: api.baseUrl,
          retry: false,
          // a middleware gets a Request, whose Content-Type fetch gave the first boundary
          middleware: [
            {
              onRequest: ({ request }: { request: Request }) =>
                void request.headers.set("x-trace", "1"),
            },
          ],
        },
      );
      expect(result.status).toBe(200);
      const { url, headers, body } = api.received.at(-1)!;
      expect(url).toBe("/done");
      const form = await new Response(new Uint8Array(body), {
        headers: { "content-type": headers["content-type"]! },
      }).formData();
      expect(form.get("purpose")).toBe("fine-tune");
      expect(
        new Uint8Array(await (form.get("file") as Blob).arrayBuffer()),
      ).toEqual(new Uint8Array([0xe8, 0xe6, 0x19]));
    },
  );
});

describe("openapi-fetch's redirect option on the drop-in", () => {
  it('"manual" answers the redirect itself, as openapi-fetch does', async () => {
    const client = createClient({ baseUrl: api.baseUrl });
    const { response } = await client.GET("/away", { redirect: "manual" });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`${other.baseUrl}/landed`);
    expect(other.received).toEqual([]);
  });

  it('"follow" keeps an API key to its origin', async () => {
    const client = createClient({
      baseUrl: api.baseUrl,
      headers: { "X-Api-Key": "secret" },
    });
    const { response } = await client.GET("/away", { redirect: "follow" });
    expect(response.status).toBe(200);
    expect(api.received.at(-1)!.headers["x-api-key"]).toBe("secret");
    expect(other.received.at(-1)!.url).toBe("/landed");
    expect(other.received.at(-1)!.headers["x-api-key"]).toBeUndefined();
  });
});
