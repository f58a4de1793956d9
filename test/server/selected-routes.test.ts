/*
 * Endpoints whose keys one URL matches, told apart by a parameter each requires with one value:
 * AWS's JSON protocol (`POST /#X-Amz-Target=Svc.A`, a required `X-Amz-Target` header of one enum
 * value) and its query protocol (`GET /#Action=A`, a required `Action` query parameter), as 150
 * of APIs.guru's documents write them; or by a `name=value` the key itself writes into its query
 * (Flickr's `/rest?method=flickr.photos.get`, Okta's `?tempPassword=true`), where one key with
 * no such value (formapi's `/templates` beside `/templates?desc=html`) takes the values the
 * others do not name. The generated server picks the endpoint by that value, over real HTTP on
 * 127.0.0.1: from the generated client on node:http, and on every adapter and the fetch handler.
 * A tie no such parameter decides is still `server/ambiguous-route`, its first endpoint served.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import { outDir, writeFiles } from "./generated.js";
import { listen } from "./http.js";
import { emitEveryAdapter, startEvery } from "./adapter-servers.js";

type Fn = (args?: object) => Promise<{ status: number; data?: unknown }>;

const target = (value: string) => `
      parameters:
        - { name: X-Amz-Target, in: header, required: true, schema: { type: string, enum: [${value}] } }
      responses: { "200": { description: ok, content: { application/json: { schema: { type: string } } } } }`;
const action = (value: string) => `
      parameters:
        - { name: Action, in: query, required: true, schema: { type: string, enum: [${value}] } }
        - { name: Version, in: query, required: true, schema: { type: string, enum: ["2011-01-01"] } }
      responses: { "200": { description: ok, content: { application/json: { schema: { type: string } } } } }`;
const text = `openapi: 3.0.3
info: { title: t, version: "1" }
paths:
  /#X-Amz-Target=Svc.GetThing:
    post:
      operationId: getThing${target("Svc.GetThing")}
  /#X-Amz-Target=Svc.PutThing:
    post:
      operationId: putThing${target("Svc.PutThing")}
  /#Action=Attach:
    get:
      operationId: attach${action("Attach")}
  /#Action=Detach:
    get:
      operationId: detach${action("Detach")}
  /rest?method=photos.get:
    get:
      operationId: photosGet
      responses: { "200": { description: ok, content: { application/json: { schema: { type: string } } } } }
  /rest?method=photos.search&format=json:
    get:
      operationId: photosSearch
      parameters:
        - { name: text, in: query, schema: { type: string } }
      responses: { "200": { description: ok, content: { application/json: { schema: { type: string } } } } }
  /templates:
    post:
      operationId: createTemplate
      responses: { "200": { description: ok, content: { application/json: { schema: { type: string } } } } }
  /templates?desc=html:
    post:
      operationId: createHtmlTemplate
      responses: { "200": { description: ok, content: { application/json: { schema: { type: string } } } } }
  /files/a b:
    get:
      operationId: spaced
      responses: { "200": { description: ok, content: { application/json: { schema: { type: string } } } } }
  /files/a%20b:
    get:
      operationId: encoded
      responses: { "200": { description: ok, content: { application/json: { schema: { type: string } } } } }
`;

const NAMES = [
  "getThing",
  "putThing",
  "attach",
  "detach",
  "photosGet",
  "photosSearch",
  "createTemplate",
  "createHtmlTemplate",
  "spaced",
  "encoded",
];
let made: Awaited<ReturnType<typeof generate>>;
let dir: string;
let server: { createRequestListener: Function };
const handlers = Object.fromEntries(
  NAMES.map((name) => [name, () => ({ status: 200, body: name })]),
);

beforeAll(async () => {
  made = await generate([{ file: "aws.yaml", text }], {
    artifacts: ["client", "server"],
  });
  dir = outDir("selected-routes");
  writeFiles(dir, made.files);
  server = await import(pathToFileURL(join(dir, "server/index.ts")).href);
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("endpoints one URL matches", () => {
  it("are told apart by a required header or query parameter of one value", async () => {
    const running = await listen(server.createRequestListener(handlers));
    try {
      const { createClient } = (await import(
        pathToFileURL(join(dir, "client/index.ts")).href
      )) as { createClient: (config: object) => Record<string, Fn> };
      const api = createClient({ baseUrl: running.baseUrl });
      const answers = [
        await api["putThing"]!({ headers: { "X-Amz-Target": "Svc.PutThing" } }),
        await api["getThing"]!({ headers: { "X-Amz-Target": "Svc.GetThing" } }),
        await api["detach"]!({
          query: { Action: "Detach", Version: "2011-01-01" },
        }),
        await api["attach"]!({
          query: { Action: "Attach", Version: "2011-01-01" },
        }),
        await api["photosSearch"]!({ query: { text: "a b" } }),
        await api["photosGet"]!(),
        await api["createHtmlTemplate"]!(),
        await api["createTemplate"]!(),
        await api["encoded"]!(),
      ];
      expect(answers.map((a) => [a.status, a.data])).toEqual([
        [200, "putThing"],
        [200, "getThing"],
        [200, "detach"],
        [200, "attach"],
        [200, "photosSearch"],
        [200, "photosGet"],
        [200, "createHtmlTemplate"],
        // the one key with no such value takes the values the others do not name
        [200, "createTemplate"],
        // a tie nothing decides: the first endpoint is served
        [200, "spaced"],
      ]);
      // a value no endpoint declares: the first one's checks answer 400
      const unknown = await fetch(`${running.baseUrl}/`, {
        method: "POST",
        headers: { "x-amz-target": "Svc.Nothing" },
      });
      expect(unknown.status).toBe(400);
      expect(await unknown.text()).toContain("X-Amz-Target");
      const other = await fetch(`${running.baseUrl}/templates?desc=pdf`, {
        method: "POST",
      });
      expect(await other.json()).toBe("createTemplate");
    } finally {
      await running.close();
    }
  });

  it("are picked alike by every adapter (Express, Fastify, Hono) and the fetch handler", async () => {
    const every = await emitEveryAdapter(
      "selected-routes-adapters",
      made.model,
    );
    const servers = await startEvery(every, handlers);
    try {
      for (const [name, server] of servers) {
        const put = await fetch(`${server.url}/`, {
          method: "POST",
          headers: { "X-Amz-Target": "Svc.PutThing" },
        });
        const attach = await fetch(
          `${server.url}/?Action=Attach&Version=2011-01-01`,
        );
        const search = await fetch(
          `${server.url}/rest?method=photos.search&format=json`,
        );
        const [html, plain] = await Promise.all(
          ["?desc=html", "?desc=pdf"].map((q) =>
            fetch(`${server.url}/templates${q}`, { method: "POST" }),
          ),
        );
        expect([
          name,
          await put.json(),
          await attach.json(),
          await search.json(),
          await html!.json(),
          await plain!.json(),
        ]).toEqual([
          name,
          "putThing",
          "attach",
          "photosSearch",
          "createHtmlTemplate",
          "createTemplate",
        ]);
      }
    } finally {
      for (const server of servers.values()) await server.close();
      rmSync(every, { recursive: true, force: true });
    }
  });

  it("are ambiguous only where no such parameter tells them apart", () => {
    expect(
      made.diagnostics
        .filter((d) => d.code === "server/ambiguous-route")
        .map((d) => d.message.split(" matches")[0]),
    ).toEqual(["GET /files/a%20b (encoded)"]);
  });
});
