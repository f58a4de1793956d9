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
 * vetted, over HTTP on 127.0.0.1, each answer held to the node:http listener's:
 * - a segment of several parameters (`{a}-{b}-{c}-{d}.json`) was registered with Fastify's router
 *   as the regular expression `^(.+?)-(.+?)-(.+?)-(.+?)\.json$`, which backtracked polynomially:
 *   405 `-` in one segment held the server 0.8 s a request. The adapter registers no regular
 *   expression now: each such segment is one plain parameter, and router.ts (the listener's
 *   router, a linear scan) decides which endpoint answers;
 * - a handler's header HTTP cannot carry (a line break it took from the request) made Fastify
 *   answer its own 500, naming the error (`ERR_INVALID_CHAR`, "Invalid character in header
 *   content"); it is the generic 500 now, on the API's routes and the webhook receiver's;
 * - Fastify decodes path parameters, so an encoded comma (`%2C`) became a delimiter of an array
 *   parameter: the adapter reads the path as the request spelled it.
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
  /names/{name}:
    get:
      operationId: getNamed
      parameters:
        - { name: name, in: path, required: true, schema: { type: string } }
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
  // a header named by the request
  getNamed: ({ path }: { path: { name: string } }) => ({
    status: 200,
    headers: { [path.name]: "1" },
    body: { op: "getNamed", path },
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

/** What a client sees of an answer: its status, `Allow`, and its JSON body unless a 404. */
async function seen(base: string, method: string, path: string) {
  const response = await fetch(base + path, { method });
  const text = await response.text();
  return {
    status: response.status,
    allow: response.headers.get("allow"),
    // a 404 is the app's on Fastify (its not-found handler), the listener's own on node:http
    body: response.status === 404 || text === "" ? undefined : JSON.parse(text),
  };
}

/** 405 `-` in one segment: 0.7 to 0.85 s a request for the old regular expression. */
const ATTACK = "-".repeat(405);

const TABLE: [method: string, path: string][] = [
  ["GET", "/files/a-b-c-d.json"],
  ["GET", "/files/a-b-c.json"],
  ["GET", "/files/a--b-c-d.json"],
  ["GET", "/files/report.json"],
  ["GET", "/files/report"],
  ["GET", "/files/-.json"],
  ["GET", "/files/.json"],
  ["GET", `/files/${ATTACK}`],
  ["GET", `/files/${ATTACK}.json`],
  ["GET", `/files/${ATTACK}json`],
  ["GET", `/files/${"a-".repeat(200)}json`],
  ["GET", "/files/a%2Db-c-d.json"],
  ["GET", "/files/a%2Fb.json"],
  ["GET", "/files/a%0Ab-c-d.json"],
  ["GET", "/files/"],
  ["HEAD", "/files/report"],
  ["POST", "/files/report"],
  ["GET", "/range/3-9"],
  ["GET", "/range/3--9"],
  ["GET", "/range/3-"],
  ["GET", "/range/-9"],
  ["GET", "/range/a%2Db-c"],
  ["DELETE", "/range/1-2"],
  ["GET", "/deep/foo.json/c"],
  ["GET", "/deep/foo/c"],
  ["GET", "/deep/foo.json/d"],
  ["GET", "/deep/foo/d"],
  ["GET", `/deep/${ATTACK}/d`],
  ["GET", `/deep/${ATTACK}.json/d`],
  ["POST", "/models/gpt:predict"],
  ["POST", "/models/gpt"],
  ["GET", "/models/gpt:predict"],
  ["GET", "/tags/a,b"],
  ["GET", "/tags/a%2Cb,c"],
  ["GET", "/tags/a%252Cb"],
  ["GET", "/nothing"],
];

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

describe("a segment of several parameters on Fastify", () => {
  it("is registered as one plain parameter, no regular expression, and routed as node:http routes it", async () => {
    // Fastify's defaults, as an app has them: what its router is given
    const urls: string[] = [];
    await startFastify({ prefix: "/api" }, urls);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) {
      // no regular expression at all (`:p0(.+?)`), so none of lazy or greedy groups
      expect(url, url).not.toContain("(");
      // every parameter a whole segment: nothing beside it for Fastify to match
      for (const segment of url.split("/"))
        if (segment.replaceAll("::", "").includes(":"))
          expect(segment, url).toMatch(/^:p\d+$/);
    }
    // one route per path shape, whatever text shares a segment with its parameter
    expect(urls.filter((url) => url === "/api/files/:p0")).toHaveLength(1);
    expect(urls).toContain("/api/models/:p0");

    // a segment longer than Fastify's maxParamLength (100) is its own 414: the table's let in
    for (const [prefix, basePath] of [
      ["", ""],
      ["/api/", "/v2"],
    ] as const) {
      const fastify = await startFastify({
        prefix,
        basePath,
        maxParamLength: 1000,
      });
      const node = await startNode(`${prefix.replace(/\/$/, "")}${basePath}`);
      const under = `${prefix.replace(/\/$/, "")}${basePath}`;
      for (const [method, path] of TABLE)
        expect(
          await seen(fastify, method, under + path),
          `${method} ${under}${path}`,
        ).toEqual(await seen(node, method, under + path));
    }
    // the table's answers are the endpoints', each with its parameters by name
    const fastify = await startFastify({ maxParamLength: 1000 });
    expect(await seen(fastify, "GET", "/files/a--b-c-d.json")).toEqual({
      status: 200,
      allow: null,
      body: { op: "getQuad", path: { a: "a", b: "-b", c: "c", d: "d" } },
    });
    expect((await seen(fastify, "GET", "/deep/foo.json/c")).body).toEqual({
      op: "getDeep",
      path: { x: "foo", z: "c" },
    });
    expect((await seen(fastify, "GET", `/files/${ATTACK}json`)).body).toEqual({
      op: "getFile",
      path: { name: `${ATTACK}json` },
    });
    expect((await seen(fastify, "GET", `/deep/${ATTACK}/d`)).status).toBe(404);
  });
});

describe("an encoded delimiter in a path parameter on Fastify", () => {
  it("stays part of its item, as on node:http (the path as the request spelled it)", async () => {
    for (const [prefix, basePath] of [
      ["", ""],
      ["/api", "/v2"],
    ] as const) {
      const fastify = await startFastify({ prefix, basePath });
      const node = await startNode(prefix + basePath);
      for (const [path, ids] of [
        ["/tags/a%2Cb,c", ["a,b", "c"]],
        ["/tags/a%252Cb", ["a%2Cb"]],
        ["/tags/a%2Fb", ["a/b"]],
      ] as const) {
        const answer = await seen(fastify, "GET", prefix + basePath + path);
        expect(answer.body, path).toEqual({ op: "getTags", path: { ids } });
        expect(answer).toEqual(
          await seen(node, "GET", prefix + basePath + path),
        );
      }
    }
  });
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
    expect(JSON.stringify(answer.headers)).not.toMatch(/pwn|cookie|SECRET/i);
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

  it("refuses exactly the header names and values node:http refuses", async () => {
    const fastify = await startFastify({});
    const node = await startNode("");
    const targets = [
      // values: tab and Latin-1 text go out; other controls, DEL and text past Latin-1 do not
      ...[
        "a%09b",
        "caf%C3%A9",
        "a%00b",
        "a%7Fb",
        "a%0Bb",
        "%E2%82%AC",
        "a%20b",
      ].map((id) => `/items/${id}`),
      // names: a token goes out; a space, a colon, a quote or a non-ASCII letter does not
      ...["x-ok", "x%20bad", "x:bad", "x%22bad", "x%C3%A9", "x~ok!"].map(
        (name) => `/names/${name}`,
      ),
    ];
    const statuses: Record<string, [number, number]> = {};
    for (const target of targets)
      statuses[target] = [
        (await rawRequest(fastify, "GET", target)).status,
        (await rawRequest(node, "GET", target)).status,
      ];
    expect(statuses).toEqual({
      "/items/a%09b": [200, 200],
      "/items/caf%C3%A9": [200, 200],
      "/items/a%00b": [500, 500],
      "/items/a%7Fb": [500, 500],
      "/items/a%0Bb": [500, 500],
      "/items/%E2%82%AC": [500, 500],
      "/items/a%20b": [200, 200],
      "/names/x-ok": [200, 200],
      "/names/x%20bad": [500, 500],
      "/names/x:bad": [500, 500],
      "/names/x%22bad": [500, 500],
      "/names/x%C3%A9": [500, 500],
      "/names/x~ok!": [200, 200],
    });
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
