import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { emitted } from "../emitted.js";
import { ORACLES_DIR } from "../shared-corpus.js";
import { openApiJson, schema32 } from "./schema32.js";
import { DEFAULT_LAYOUT } from "../../src/emit/layout.js";
import { emitPlugins, finish } from "../../src/emit/run.js";
import { validateConfig } from "../../src/workflow/config/validate.js";
import { resolveOptions } from "../../src/workflow/config/settings.js";
import { loadModel } from "../../src/pipeline.js";
import type { ApiModel } from "../../src/model/types.js";
import { outDir, typeCheck, writeFiles } from "../server/generated.js";

/**
 * OpenAPI 3.2's `query` method and `additionalOperations` (any other method) as endpoints of the
 * client, the server (node:http, fetch and Fastify) and the docs; the methods a runtime cannot
 * carry are said, at the operation.
 */
const FIXTURE = "test/fixtures/openapi32/features.yaml";
const dir = outDir("openapi32-methods");
let model: ApiModel;
let server: Server;
let baseUrl: string;
const seen: string[] = [];

const handlers = {
  searchDocuments: (request: { body: { text?: string } }) => {
    seen.push(`searchDocuments ${request.body.text}`);
    return { status: 200, body: ["a.txt"] };
  },
  linkDocuments: () => {
    seen.push("linkDocuments");
    return { status: 204 };
  },
};

beforeAll(async () => {
  model = loadModel([FIXTURE]);
  writeFiles(dir, await emitted("client", model));
  writeFiles(
    dir,
    await emitted("server", model, { server: { adapters: ["fastify"] } }),
  );
  const { createRequestListener } = await import(
    pathToFileURL(join(dir, "server/index.ts")).href
  );
  server = createServer(createRequestListener(handlers));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("OpenAPI 3.2 methods", () => {
  it("reads LINK of additionalOperations as an endpoint, after the standard methods of its path", () => {
    const at = model.endpoints
      .filter((e) => e.path === "/documents")
      .map((e) => `${e.method} ${e.name}`);
    expect(at).toEqual([
      "get listDocuments",
      "query searchDocuments",
      "link linkDocuments",
    ]);
  });

  it("compiles under strict with the fastify adapter", () => {
    expect(typeCheck(dir).output).toBe("");
  });

  it("the client sends QUERY and LINK; the node:http server routes them", async () => {
    const { createClient } = await import(
      pathToFileURL(join(dir, "client/index.ts")).href
    );
    const api = createClient({ baseUrl });
    seen.length = 0;
    expect(await api.searchDocuments({ body: { text: "pets" } })).toMatchObject(
      { ok: true, status: 200, data: ["a.txt"] },
    );
    expect(await api.linkDocuments()).toMatchObject({ ok: true, status: 204 });
    expect(seen).toEqual(["searchDocuments pets", "linkDocuments"]);
    // another method on the path: 405, and Allow names LINK and QUERY
    const other = await fetch(`${baseUrl}/documents`, { method: "PURGE" });
    expect(other.status).toBe(405);
    expect(other.headers.get("allow")?.split(/,\s*/).sort()).toEqual([
      "GET",
      "HEAD",
      "LINK",
      "QUERY",
    ]);
  });

  it("the fetch handler and the Fastify adapter route LINK and QUERY too", async () => {
    const { createFetchHandler } = await import(
      pathToFileURL(join(dir, "server/index.ts")).href
    );
    const handle = createFetchHandler(handlers);
    const link = await handle(
      new Request("http://127.0.0.1/documents", { method: "LINK" }),
    );
    expect(link.status).toBe(204);
    const { apiRoutes } = await import(
      pathToFileURL(join(dir, "server/fastify.ts")).href
    );
    const app = Fastify();
    await app.register(apiRoutes, { handlers });
    try {
      seen.length = 0;
      const linked = await app.inject({
        // Fastify's type names its built-in methods only; addHttpMethod added LINK
        method: "LINK" as "GET",
        url: "/documents",
      });
      expect(linked.statusCode).toBe(204);
      const found = await app.inject({
        method: "QUERY" as "GET",
        url: "/documents",
        headers: { "content-type": "application/json" },
        payload: '{"text":"cats"}',
      });
      expect([found.statusCode, found.json()]).toEqual([200, ["a.txt"]]);
      expect(seen).toEqual(["linkDocuments", "searchDocuments cats"]);
    } finally {
      await app.close();
    }
  });

  it("TanStack Query options make QUERY a query; MSW mocks and the query options say what they leave out; both compile", async () => {
    const query = await emitted("query", model);
    const mocks = await emitted("mocks", model);
    writeFiles(dir, query);
    writeFiles(dir, mocks);
    const text = query.find((f) => f.path === "query/index.ts")!
      .contents as string;
    expect(text).toContain("export function searchDocumentsOptions(");
    expect(text).not.toContain("linkDocuments");
    expect(typeCheck(dir).output).toBe("");
    const resolved = resolveOptions(
      validateConfig({ artifacts: ["query", "mocks"] }, "test options"),
      {},
      {
        cwd: process.cwd(),
        baseDir: process.cwd(),
        file: "test options",
        layout: DEFAULT_LAYOUT,
      },
    );
    const { diagnostics } = await finish(emitPlugins(model, resolved.emit));
    expect(
      diagnostics
        .map((d) => d.message)
        .filter((m) => /QUERY|LINK|stream of items/.test(m))
        .sort(),
    ).toEqual([
      "mocks: MSW has no handler for LINK; linkDocuments gets none",
      "mocks: MSW has no handler for QUERY; searchDocuments gets none",
      "query: LINK is neither a query nor a mutation TanStack Query options are made for; linkDocuments gets none",
      "query: streamChanges answers a stream of items, which TanStack Query options do not cache; it gets none",
      "query: streamEvents answers a stream of items, which TanStack Query options do not cache; it gets none",
      "query: streamTicks answers a stream of items, which TanStack Query options do not cache; it gets none",
    ]);
  });

  it("the docs list LINK and QUERY endpoints under their methods", async () => {
    const files = await emitted("docs", model);
    const search = files.find((f) => f.path === "docs/tags/search.md")!
      .contents as string;
    expect(search).toContain("QUERY /documents");
    const all = files.map((f) => String(f.contents)).join("\n");
    expect(all).toContain("LINK /documents");
  });

  it("says which methods the client or the server cannot carry, at the operation", async () => {
    const text = `openapi: 3.2.0
info: { title: t, version: "1" }
paths:
  /x:
    additionalOperations:
      FROB:
        operationId: frob
        responses: { "204": { description: ok } }
      TRACK:
        operationId: track
        responses: { "204": { description: ok } }
      Purge:
        responses: { "204": { description: ok } }
      GET:
        responses: { "204": { description: ok } }
`;
    const m = loadModel([{ file: "m.yaml", text }]);
    expect(m.endpoints.map((e) => e.method)).toEqual(["frob", "track"]);
    expect(m.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
      ["openapi3/unsupported-feature", 12, 7],
      ["openapi3/invalid-method", 14, 7],
    ]);
    // the client's and the server's word on FROB and TRACK
    const resolved = resolveOptions(
      validateConfig({ artifacts: ["client", "server"] }, "test options"),
      {},
      {
        cwd: process.cwd(),
        baseDir: process.cwd(),
        file: "test options",
        layout: DEFAULT_LAYOUT,
      },
    );
    const { diagnostics } = await finish(emitPlugins(m, resolved.emit));
    // the merged document keeps FROB and TRACK, under additionalOperations
    const doc = openApiJson(await emitted("openapi", m));
    expect(Object.keys(doc.paths["/x"]!["additionalOperations"]!)).toEqual([
      "FROB",
      "TRACK",
    ]);
    if (existsSync(ORACLES_DIR)) {
      const validate = schema32();
      expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    }
    expect(diagnostics.map((d) => [d.code, d.line, d.message])).toEqual([
      [
        "client/method-not-sent",
        9,
        expect.stringContaining("TRACK /x (track): fetch refuses"),
      ],
      [
        "server/method-not-received",
        6,
        expect.stringContaining("FROB /x (frob): Node's HTTP parser refuses"),
      ],
      [
        "server/method-not-received",
        9,
        expect.stringContaining("TRACK /x (track): Node's HTTP parser"),
      ],
    ]);
  });
});
