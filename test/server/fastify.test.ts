import { emitted } from "../emitted.js";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEndpoint, createParameter } from "../../src/model/factories.js";
import { loadModel } from "../../src/pipeline.js";
import { chatModel } from "../fixtures/server/chat-model.js";
import { outDir, writeFiles } from "./generated.js";
import { CORPUS_DIR, CORPUS_FILES, describeCorpus } from "../shared-corpus.js";

describe("generated Fastify adapter over HTTP", () => {
  let app: FastifyInstance;
  let baseUrl: string;
  const calls: unknown[] = [];

  beforeAll(async () => {
    const dir = outDir("fastify");
    writeFiles(
      dir,
      await emitted("server", chatModel(), {
        server: { adapters: ["fastify"] },
      }),
    );
    const { apiRoutes } = await import(
      pathToFileURL(join(dir, "server/fastify.ts")).href
    );
    app = Fastify();
    await app.register(apiRoutes, {
      prefix: "/api",
      bodyLimit: 100,
      handlers: {
        listBotMessages: async () => ({ status: 200, body: ["bot"] }),
        getRecentMessages: async (request: { query: unknown }) => {
          calls.push(request.query);
          return { status: 200, body: ["recent"] };
        },
        getMessage: async (request: { path: unknown }) => ({
          status: 200,
          body: request.path,
        }),
        sendMessage: async (request: { body: unknown }) => ({
          status: 201,
          body: request.body,
          headers: { "x-created": "yes" },
        }),
        getAppModule: async (request: { path: unknown }) => ({
          status: 200,
          body: request.path,
        }),
        putAttachment: async (request: { body: Blob }) => ({
          status: 200,
          body: request.body,
        }),
      },
    });
    // a route of the user's own beside the plugin keeps Fastify's JSON parser
    app.post("/own", async (request) => ({ echo: request.body }));
    baseUrl = await app.listen({ host: "127.0.0.1", port: 0 });
  });
  afterAll(() => app?.close());

  const call = (path: string, init?: RequestInit) =>
    fetch(`${baseUrl}${path}`, init);

  it("routes the static segment before the parameter", async () => {
    expect(await (await call("/api/message/recent?limit=2")).json()).toEqual([
      "recent",
    ]);
    expect(calls.at(-1)).toEqual({ limit: 2 });
    expect(await (await call("/api/message/7")).json()).toEqual({
      messageId: 7,
    });
  });

  it("matches literal colons", async () => {
    expect(await (await call("/api/app/chat:bot:messages")).json()).toEqual([
      "bot",
    ]);
    expect(await (await call("/api/app/chat:glance")).json()).toEqual({
      key: "chat:glance",
    });
  });

  it("decodes JSON bodies and sends the handler's status and headers", async () => {
    const response = await call("/api/message", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: "hi" }),
    });
    expect(response.status).toBe(201);
    expect(response.headers.get("x-created")).toBe("yes");
    expect(await response.json()).toEqual({ text: "hi" });
  });

  it("answers 400 like the plain listener", async () => {
    const badJson = await call("/api/message", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{",
    });
    expect(badJson.status).toBe(400);
    expect(await badJson.json()).toEqual({
      error: "the request body is not valid JSON",
    });
    const missing = await call("/api/message/recent");
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({
      error: 'missing required query parameter "limit"',
    });
    expect((await call("/api/message/abc")).status).toBe(400);
  });

  it("answers 413 over the body limit and 501 without a handler", async () => {
    const big = await call("/api/message", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: "x".repeat(200) }),
    });
    expect(big.status).toBe(413);
    const missing = await call("/api/message/3", { method: "DELETE" });
    expect(missing.status).toBe(501);
    expect(await missing.json()).toEqual({
      error: "deleteMessage is not implemented",
    });
  });

  it("reads a body in chunks as Fastify's own reader: Fastify's 413 past the limit, none declared", async () => {
    const chunked = (text: string) =>
      call("/api/message", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: new ReadableStream({
          start(controller) {
            for (const part of [text.slice(0, 5), text.slice(5)])
              controller.enqueue(new TextEncoder().encode(part));
            controller.close();
          },
        }),
        duplex: "half",
      } as RequestInit);
    const big = await chunked(JSON.stringify({ text: "x".repeat(200) }));
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({
      code: "FST_ERR_CTP_BODY_TOO_LARGE",
    });
    const small = await chunked(JSON.stringify({ text: "hi" }));
    expect(small.status).toBe(201);
    expect(await small.json()).toEqual({ text: "hi" });
  });

  it("round-trips binary bodies", async () => {
    const response = await call("/api/message/1/attachment", {
      method: "PUT",
      headers: { "content-type": "application/octet-stream" },
      body: new Uint8Array([9, 8, 7]),
    });
    expect(response.status).toBe(200);
    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([
      9, 8, 7,
    ]);
  });

  it("leaves the parsers of routes outside the plugin alone", async () => {
    const response = await call("/own", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ a: 1 }),
    });
    expect(await response.json()).toEqual({ echo: { a: 1 } });
  });
});

describeCorpus("generated Fastify adapter on the corpus", () => {
  const CORPUS = CORPUS_DIR;
  const FILES = CORPUS_FILES;

  it.each(FILES)("%s: every route registers", async (file) => {
    const model = loadModel([file], { cwd: CORPUS });
    const dir = outDir(`fastify-corpus/${file.replace(/\W+/g, "-")}`);
    writeFiles(
      dir,
      await emitted("server", model, { server: { adapters: ["fastify"] } }),
    );
    const { apiRoutes } = await import(
      pathToFileURL(join(dir, "server/fastify.ts")).href
    );
    const app = Fastify();
    await app.register(apiRoutes, { handlers: {} });
    await app.ready();
    const paths = new Set(model.endpoints.map((e) => e.path));
    // each path answers (501: no handlers) rather than 404, at the root (no baseUrl given)
    for (const endpoint of model.endpoints.slice(0, 20)) {
      const url = endpoint.path.replace(/\{[^{}]+\}/g, "x1");
      const response = await app.inject({
        method: endpoint.method.toUpperCase() as "GET",
        url,
      });
      expect(response.statusCode, `${endpoint.method} ${url}`).toBe(501);
    }
    expect(paths.size).toBeGreaterThan(0);
    await app.close();
  });
});

describe("generated Fastify adapter with parameters inside segments", () => {
  it("matches `{name}.json`, `{a}-{b}` and a literal colon beside a parameter", async () => {
    const at = { file: "api.yaml", line: 1, column: 1, pointer: "" };
    const endpoint = (path: string, name: string) => {
      const e = createEndpoint({ method: "get", path, name, source: at });
      for (const [, variable] of path.matchAll(/\{([^{}]+)\}/g))
        e.parameters.path.push(
          createParameter({ name: variable!, in: "path", source: at }),
        );
      return e;
    };
    const model = {
      ...chatModel(),
      endpoints: [
        endpoint("/files/{name}", "file"),
        endpoint("/files/{name}.json", "fileJson"),
        endpoint("/range/{from}-{to}", "range"),
        endpoint("/v1/models/{model}:predict", "predict"),
        endpoint("/proto/{__proto__}", "proto"),
      ],
      schemas: {},
    };
    const dir = outDir("fastify-segments");
    writeFiles(
      dir,
      await emitted("server", model, { server: { adapters: ["fastify"] } }),
    );
    const { apiRoutes } = await import(
      pathToFileURL(join(dir, "server/fastify.ts")).href
    );
    const echo = (request: { path: unknown }) => ({
      status: 200,
      body: request.path,
    });
    const app = Fastify();
    await app.register(apiRoutes, {
      handlers: {
        file: echo,
        fileJson: echo,
        range: echo,
        predict: echo,
        proto: echo,
      },
    });
    const get = async (url: string) =>
      (await app.inject({ method: "GET", url })).json();
    expect(await get("/files/report.json")).toEqual({ name: "report" });
    expect(await get("/files/report.xml")).toEqual({ name: "report.xml" });
    expect(await get("/range/3-9")).toEqual({ from: "3", to: "9" });
    expect(await get("/v1/models/gpt:predict")).toEqual({ model: "gpt" });
    // a Postman `:__proto__` variable: an own key, not lost to Object.prototype
    expect(Object.entries(await get("/proto/a%20b"))).toEqual([
      ["__proto__", "a b"],
    ]);
    await app.close();
  });
});
