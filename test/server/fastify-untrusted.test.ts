import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadModel } from "../../src/pipeline.js";
import { emitted } from "../emitted.js";
import { outDir, writeFiles } from "./generated.js";
import { listen, type RunningServer } from "./http.js";
import { rawRequest } from "./raw-socket.js";

/*
 * The Fastify adapter (templates/server/fastify.ts, webhook-fastify.ts) against requests nobody
 * vetted, over HTTP on 127.0.0.1, each answer held to the node:http listener's: a handler's
 * header HTTP cannot carry (a line break it took from the request) made Fastify answer its own
 * 500, naming the error (`ERR_INVALID_CHAR`, "Invalid character in header content"); it is the
 * generic 500 now, on the API's routes and the webhook receiver's.
 */

const SPEC = `openapi: 3.1.0
info: { title: Untrusted paths, version: "1" }
paths:
  /files/{a}-{b}-{c}-{d}.json:
    get:
      operationId: getQuad
      parameters:
        - { name: a, in: path, required: true, schema: { type: string } }
        - { name: b, in: path, required: true, schema: { type: string } }
        - { name: c, in: path, required: true, schema: { type: string } }
        - { name: d, in: path, required: true, schema: { type: string } }
      responses: { "200": { description: ok } }
  /files/{name}.json:
    get:
      operationId: getJson
      parameters:
        - { name: name, in: path, required: true, schema: { type: string } }
      responses: { "200": { description: ok } }
  /files/{name}:
    get:
      operationId: getFile
      parameters:
        - { name: name, in: path, required: true, schema: { type: string } }
      responses: { "200": { description: ok } }
  /range/{from}-{to}:
    get:
      operationId: getRange
      parameters:
        - { name: from, in: path, required: true, schema: { type: string } }
        - { name: to, in: path, required: true, schema: { type: string } }
      responses: { "200": { description: ok } }
  /deep/{x}.json/{z}:
    get:
      operationId: getDeep
      parameters:
        - { name: x, in: path, required: true, schema: { type: string } }
        - { name: z, in: path, required: true, schema: { type: string } }
      responses: { "200": { description: ok } }
  /deep/{y}/c:
    get:
      operationId: getC
      parameters:
        - { name: y, in: path, required: true, schema: { type: string } }
      responses: { "200": { description: ok } }
  /models/{model}:predict:
    post:
      operationId: predict
      parameters:
        - { name: model, in: path, required: true, schema: { type: string } }
      responses: { "200": { description: ok } }
  /tags/{ids}:
    get:
      operationId: getTags
      parameters:
        - name: ids
          in: path
          required: true
          schema: { type: array, items: { type: string } }
      responses: { "200": { description: ok } }
  /items/{id}:
    get:
      operationId: getItem
      parameters:
        - { name: id, in: path, required: true, schema: { type: string } }
      responses: { "200": { description: ok } }
webhooks:
  note.sent:
    post:
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [to]
              properties: { to: { type: string } }
      responses: { "204": { description: received } }
`;

/** Each handler says which endpoint answered and with what. */
const echo =
  (op: string) =>
  ({ path }: { path: object }) => ({ status: 200, body: { op, path } });

const handlers = {
  getQuad: echo("getQuad"),
  getJson: echo("getJson"),
  getFile: echo("getFile"),
  getRange: echo("getRange"),
  getDeep: echo("getDeep"),
  getC: echo("getC"),
  predict: echo("predict"),
  getTags: echo("getTags"),
  // a handler that puts request text in a header (an echoed id, a redirect target)
  getItem: ({ path }: { path: { id: string } }) => ({
    status: 200,
    headers: { "set-cookie": "session=SECRET-SESSION", "x-id": path.id },
    body: { op: "getItem", path },
  }),
};

const GENERIC_500 = JSON.stringify({ error: "internal server error" });

let dir: string;
const closing: (() => Promise<unknown>)[] = [];
const logs: string[] = [];

/** The API on Fastify: `prefix` and `basePath` as given, every route's URL kept in `urls`. */
async function startFastify(
  options: { prefix?: string; basePath?: string; maxParamLength?: number },
  urls: string[] = [],
): Promise<string> {
  const { apiRoutes } = await import(
    pathToFileURL(join(dir, "server/fastify.ts")).href
  );
  const { maxParamLength, ...plugin } = options;
  const app: FastifyInstance = Fastify({
    logger: { level: "error", stream: { write: (line) => logs.push(line) } },
    ...(maxParamLength === undefined
      ? {}
      : { routerOptions: { maxParamLength } }),
  });
  app.addHook("onRoute", (route) => {
    urls.push(route.url);
  });
  await app.register(apiRoutes, { handlers, ...plugin });
  const url = await app.listen({ host: "127.0.0.1", port: 0 });
  closing.push(() => app.close());
  return url;
}

/** The API on the node:http listener, under `basePath`. */
async function startNode(basePath: string): Promise<string> {
  const { createRequestListener } = await import(
    pathToFileURL(join(dir, "server/index.ts")).href
  );
  const server: RunningServer = await listen(
    createRequestListener(handlers, { basePath, onError: () => {} }),
  );
  closing.push(() => server.close());
  return server.baseUrl;
}

beforeAll(async () => {
  dir = outDir("fastify-untrusted");
  writeFileSync(join(dir, "spec.yaml"), SPEC);
  const model = loadModel(["spec.yaml"], { cwd: dir });
  writeFiles(
    dir,
    await emitted("server", model, { server: { adapters: ["fastify"] } }),
  );
}, 60_000);

afterAll(async () => {
  await Promise.all(closing.map((close) => close()));
});

describe("a header HTTP cannot carry on Fastify", () => {
  const ATTACK_ID = "/items/a%0D%0ASet-Cookie:%20pwn=1";

  it("answers the generic 500, with none of the handler's headers, as node:http does", async () => {
    const fastify = await startFastify({});
    const node = await startNode("");
    const before = logs.length;
    const answer = await rawRequest(fastify, "GET", ATTACK_ID);
    expect(answer.status).toBe(500);
    expect(answer.body).toBe(GENERIC_500);
    expect(answer.headers["content-type"]).toMatch(/^application\/json\b/);
    expect(answer.headers["set-cookie"]).toBeUndefined();
    expect(answer.headers["x-id"]).toBeUndefined();
    expect(Object.keys(answer.headers).join()).not.toMatch(/pwn|cookie/i);
    // the error is the server's to see: Fastify's logger has it
    expect(logs.slice(before).join()).toContain("ERR_INVALID_CHAR");
    const listener = await rawRequest(node, "GET", ATTACK_ID);
    expect([listener.status, listener.body]).toEqual([500, GENERIC_500]);

    // a header that HTTP can carry goes out as before
    const fine = await rawRequest(fastify, "GET", "/items/a%20b");
    expect(fine.status).toBe(200);
    expect(fine.headers["x-id"]).toBe("a b");
    expect(fine.headers["set-cookie"]).toBe("session=SECRET-SESSION");
  });

  it("takes a header it cannot send off its 500, whatever set it (an app's hook)", async () => {
    const { apiRoutes } = await import(
      pathToFileURL(join(dir, "server/fastify.ts")).href
    );
    const app = Fastify();
    app.addHook("onRequest", async (_request, reply) => {
      reply.header("x-trace", "a\r\nSet-Cookie: pwn=1");
    });
    await app.register(apiRoutes, { handlers });
    const url = await app.listen({ host: "127.0.0.1", port: 0 });
    closing.push(() => app.close());
    const answer = await rawRequest(url, "GET", "/items/a");
    expect(answer.status).toBe(500);
    expect(answer.body).toBe(GENERIC_500);
    expect(answer.headers["x-trace"]).toBeUndefined();
    expect(answer.headers["set-cookie"]).toBeUndefined();
  });

  it("answers the webhook receiver's generic 500 too, the error to onError", async () => {
    const { apiWebhooks } = await import(
      pathToFileURL(join(dir, "server/webhook-fastify.ts")).href
    );
    const errors: unknown[] = [];
    const app = Fastify();
    await app.register(apiWebhooks, {
      // a delivery's signature is not what this test is about
      verify: async () => ({ id: undefined, timestamp: undefined }),
      secret: "unused",
      onError: (error: unknown) => errors.push(error),
      prefix: "/hooks",
      handlers: {
        noteSent: ({ body }: { body: { to: string } }) => ({
          status: 204,
          headers: {
            "set-cookie": "session=SECRET-SESSION",
            location: body.to,
          },
        }),
      },
    });
    const url = await app.listen({ host: "127.0.0.1", port: 0 });
    closing.push(() => app.close());
    const post = (to: string) =>
      rawRequest(
        url,
        "POST",
        "/hooks/note.sent",
        { "content-type": "application/json" },
        JSON.stringify({ to }),
      );
    const answer = await post("/a\r\nSet-Cookie: pwn=1");
    expect(answer.status).toBe(500);
    expect(answer.body).toBe(GENERIC_500);
    expect(answer.headers["set-cookie"]).toBeUndefined();
    expect(answer.headers.location).toBeUndefined();
    expect(errors).toHaveLength(1);
    expect((errors[0] as { code?: unknown }).code).toBe("ERR_INVALID_CHAR");
    const fine = await post("/a");
    expect([fine.status, fine.headers.location]).toEqual([204, "/a"]);
  });
});
