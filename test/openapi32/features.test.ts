import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { load } from "js-yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emitted } from "../emitted.js";
import { loadModel } from "../../src/pipeline.js";
import type { ApiModel } from "../../src/model/types.js";
import { outDir, typeCheck, writeFiles } from "../server/generated.js";
import { describeOracles, ORACLES_DIR } from "../shared-corpus.js";
import { schema32 } from "./schema32.js";

/**
 * OpenAPI 3.2 (issue 42): a fixture with each feature 3.2 adds. What apiloom reads is in the
 * model; what it does not is a warning at its place; the generated client sends a QUERY; the
 * merged document holding a QUERY operation is a 3.2 document the official schema accepts.
 */
const FIXTURE = "test/fixtures/openapi32/features.yaml";
const text = readFileSync(FIXTURE, "utf8");
const lineOf = (needle: string) =>
  text.split("\n").findIndex((l) => l.includes(needle)) + 1;

let model: ApiModel;
beforeAll(() => {
  model = loadModel([FIXTURE]);
});

describeOracles("the OpenAPI 3.2 fixture", () => {
  it("the official schema (as ajv runs it) agrees with its own pass and fail documents", () => {
    const validate = schema32();
    const dir = join(ORACLES_DIR, "oas32");
    const wrong: string[] = [];
    for (const outcome of ["pass", "fail"])
      for (const file of readdirSync(join(dir, outcome)))
        if (
          validate(load(readFileSync(join(dir, outcome, file), "utf8"))) !==
          (outcome === "pass")
        )
          wrong.push(`${outcome}/${file}`);
    // these two fail on XML keywords inside a Schema Object, which only the schema-base
    // dialect checks (schema.yaml checks no Schema Object beyond its type)
    expect(wrong.sort()).toEqual([
      "fail/xml-attr-exclusion.yaml",
      "fail/xml-wrapped-exclusion.yaml",
    ]);
  });

  it("is a 3.2 document by the official schema", () => {
    const validate = schema32();
    expect(validate(load(text))).toBe(true);
  });

  it("the merged document apiloom writes for it is 3.2, and the official schema accepts it", async () => {
    const files = await emitted("openapi", model);
    const doc = JSON.parse(
      files.find((f) => f.path === "openapi.json")!.contents as string,
    ) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe("3.2.0");
    expect(Object.keys(doc.paths["/documents"]!)).toEqual([
      "get",
      "query",
      "additionalOperations",
    ]);
    const validate = schema32();
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
  });

  it("the merged 3.2 document keeps what 3.2 says: read back, it gives the same facts", async () => {
    const files = await emitted("openapi", model);
    const again = loadModel([
      {
        file: "openapi.json",
        text: files.find((f) => f.path === "openapi.json")!.contents as string,
      },
    ]);
    const facts = (m: ApiModel) => ({
      endpoints: m.endpoints.map((e) => `${e.method} ${e.path} ${e.name}`),
      items: m.endpoints.flatMap((e) =>
        e.responses.flatMap((r) =>
          r.content.map((c) => [c.mediaType, c.itemSchema]),
        ),
      ),
      tags: m.tags,
      schemes: Object.values(m.securitySchemes).map((s) => ({
        ...s,
        sources: [],
      })),
    });
    expect(facts(again)).toEqual(facts(model));
    expect(again.openApi32).toBe(true);
  });

  it("a document with no 3.2 input is written as 3.1.1", async () => {
    const m = loadModel([
      {
        file: "old.yaml",
        text: text.replace("openapi: 3.2.0", "openapi: 3.1.0"),
      },
    ]);
    const files = await emitted("openapi", m);
    const doc = JSON.parse(
      files.find((f) => f.path === "openapi.json")!.contents as string,
    ) as { openapi: string };
    expect(doc.openapi).toBe("3.1.1");
  });
});

describe("OpenAPI 3.2, read", () => {
  it("reads `query` operations as endpoints, with their body", () => {
    const query = model.endpoints.find(
      (e) => e.method === "query" && e.path === "/documents",
    )!;
    expect(query.name).toBe("searchDocuments");
    expect(query.requestBody?.required).toBe(true);
    expect(query.sources[0]!.line).toBe(lineOf("    query:"));
    expect(model.endpoints.map((e) => `${e.method} ${e.path}`)).toEqual([
      "get /changes",
      "get /documents",
      "query /documents",
      "link /documents",
      "get /documents/filter",
      "get /documents/search",
      "get /events",
      "get /notes/{id}",
      "get /ticks",
      "post /uploads",
    ]);
  });

  it("keeps itemSchema of event streams, JSON Lines and JSON text sequences", () => {
    const events = model.endpoints.find((e) => e.path === "/events")!;
    const content = events.responses[0]!.content;
    expect(content.map((c) => c.mediaType)).toEqual([
      "text/event-stream",
      "application/jsonl",
      "application/x-ndjson",
      "application/json-seq",
    ]);
    expect(content[0]!.itemSchema).toMatchObject({
      type: "object",
      required: ["event", "data"],
    });
    for (const c of content.slice(1))
      expect(c.itemSchema).toEqual({ $ref: "#/components/schemas/Change" });
  });

  it("follows a media type's $ref to components.mediaTypes", () => {
    const changes = model.endpoints.find((e) => e.name === "streamChanges")!;
    expect(changes.responses[0]!.content).toEqual([
      {
        mediaType: "application/jsonl",
        itemSchema: { $ref: "#/components/schemas/Change" },
      },
    ]);
  });

  it("reads tags' summary, parent and kind, deprecated schemes and the device flow", () => {
    expect(model.tags).toEqual([
      {
        name: "search",
        summary: "Searching",
        description: "Finding documents",
        kind: "nav",
      },
      {
        name: "saved",
        summary: "Saved searches",
        parent: "search",
        kind: "nav",
      },
    ]);
    expect(model.securitySchemes["legacyKey"]).toMatchObject({
      type: "apiKey",
      deprecated: true,
    });
    expect(model.securitySchemes["device"]).toMatchObject({
      type: "oauth2",
      oauth2MetadataUrl:
        "https://auth.example.com/.well-known/oauth-authorization-server",
      flows: {
        deviceAuthorization: {
          deviceAuthorizationUrl: "https://auth.example.com/device",
          tokenUrl: "https://auth.example.com/token",
          scopes: { write: "Upload documents" },
        },
      },
    });
  });

  it("says, at its place, what it does not read: never silence", () => {
    const unsupported = model.diagnostics
      .filter((d) => d.code === "openapi3/unsupported-feature")
      .map((d) => [d.line, d.message.split(" ").slice(0, 3).join(" ")]);
    expect(unsupported).toEqual([
      [lineOf("- name: q") + 3, 'parameter "q" (in:'],
      [lineOf("multipart/mixed:") + 1, "the items of"],
      [lineOf("itemEncoding:"), "itemEncoding (the encoding"],
      [lineOf("prefixEncoding:"), "prefixEncoding (the encoding"],
    ]);
  });

  it("says so of the fields 3.2 adds that only describe: a server's name, a response's summary, serializedValue, xml.nodeType", () => {
    const doc = [
      "openapi: 3.2.0",
      "info: { title: t, version: '1' }",
      "servers:",
      "  - url: https://api.example.com",
      "    name: production",
      "paths:",
      "  /a:",
      "    get:",
      "      responses:",
      "        '200':",
      "          summary: the thing",
      "          description: ok",
      "          content:",
      "            application/json:",
      "              schema:",
      "                type: object",
      "                xml: { nodeType: element }",
      "                properties:",
      "                  summary: { type: string }",
      "              examples:",
      "                one:",
      "                  dataValue: { summary: x }",
      '                  serializedValue: \'{"summary":"x"}\'',
    ].join("\n");
    const m = loadModel([{ file: "docs-only.yaml", text: doc }]);
    expect(
      m.diagnostics
        .filter((d) => d.code === "openapi3/unsupported-feature")
        .map((d) => [d.line, d.message.split(" is not read")[0]]),
    ).toEqual([
      [5, "a server's name"],
      [11, "a response's summary"],
      [17, "xml.nodeType"],
      [23, "an example's serializedValue"],
    ]);
  });

  it("resolves a reference to where $self says a document is against the file beside it", () => {
    const note = model.endpoints.find((e) => e.name === "getNote")!;
    const [ok, missing] = note.responses.map((r) => r.content[0]!.schema);
    expect(model.schemas["Note"]?.schema).toMatchObject({
      required: ["id", "text"],
    });
    expect(ok).toEqual({ $ref: "#/components/schemas/Note" });
    expect(missing).toEqual({ $ref: "#/components/schemas/Change" });
    expect(model.diagnostics.filter((d) => d.code.startsWith("ref/"))).toEqual(
      [],
    );
  });

  it("without $self (or in a 3.1 document) the same references point at the network, and say so", () => {
    for (const changed of [
      text.replace(/^\$self: .*\n/m, ""),
      text.replace("openapi: 3.2.0", "openapi: 3.1.0"),
    ]) {
      const m = loadModel([{ file: FIXTURE, text: changed }]);
      expect(
        m.diagnostics
          .filter((d) => d.code === "ref/remote")
          .map((d) => d.message.slice(0, 40)),
      ).toEqual([
        '$ref "https://example.com/api/notes.yaml',
        '$ref "https://example.com/api/openapi.ya',
      ]);
    }
  });

  it("reads a form-urlencoded `in: querystring` parameter as the query parameters its schema names", () => {
    const filter = model.endpoints.find((e) => e.name === "filterDocuments")!;
    expect(
      filter.parameters.query.map((p) => ({
        name: p.name,
        required: p.required,
        explode: p.serialization?.explode,
        line: p.sources[0]!.line,
      })),
    ).toEqual([
      {
        name: "owner",
        required: true,
        explode: true,
        line: lineOf("owner: {"),
      },
      {
        name: "labels",
        required: false,
        explode: false,
        line: lineOf("labels: { type: array"),
      },
    ]);
    expect(filter.parameters.query[0]!.description).toBe("Whose documents");
  });

  it("a querystring parameter beside query parameters, a second one, or one with free-form pairs, is said at its place", () => {
    const form = (extra = "") => `
          content:
            application/x-www-form-urlencoded:
              schema:
                type: object
                properties: { a: { type: string } }${extra}`;
    const spec = `openapi: 3.2.0
info: { title: t, version: "1" }
paths:
  /beside:
    get:
      parameters:
        - { name: page, in: query, schema: { type: integer } }
        - name: qs
          in: querystring${form()}
      responses: { "204": { description: ok } }
  /twice:
    get:
      parameters:
        - name: one
          in: querystring${form()}
        - name: two
          in: querystring${form()}
      responses: { "204": { description: ok } }
  /free:
    get:
      parameters:
        - name: free
          in: querystring${form("\n                additionalProperties: true")}
      responses: { "204": { description: ok } }
`;
    const m = loadModel([{ file: "qs.yaml", text: spec }]);
    const query = (path: string) =>
      m.endpoints
        .find((e) => e.path === path)!
        .parameters.query.map((p) => p.name);
    expect([query("/beside"), query("/twice"), query("/free")]).toEqual([
      ["page"],
      ["a"],
      ["a"],
    ]);
    expect(
      m.diagnostics.map((d) => [d.code, d.line, d.message.split(";")[0]]),
    ).toEqual([
      [
        "openapi3/invalid-parameter",
        9,
        'parameter "qs" (in: querystring) may not sit beside `in: query` parameters',
      ],
      [
        "openapi3/invalid-parameter",
        27,
        'parameter "two" (in: querystring) is the operation\'s second one',
      ],
      [
        "openapi3/unsupported-feature",
        44,
        'parameter "free" (in: querystring): pairs besides the properties its schema names are not typed (additionalProperties)',
      ],
    ]);
  });

  it("a `query` operation in a 3.1 document is not read as one, and says so", () => {
    const m = loadModel([
      {
        file: "old.yaml",
        text: text.replace("openapi: 3.2.0", "openapi: 3.1.0"),
      },
    ]);
    expect(m.endpoints.some((e) => e.method === "query")).toBe(false);
    expect(
      m.diagnostics.find((d) => d.code === "openapi3/invalid-method"),
    ).toMatchObject({ line: lineOf("    query:") });
  });
});

describe("the generated client sends a QUERY on the wire", () => {
  let server: Server;
  let baseUrl: string;
  const seen: { method: string; url: string; body: string }[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        seen.push({ method: req.method!, url: req.url!, body });
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(["a.txt"]));
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("compiles under strict and sends QUERY /documents with its JSON body", async () => {
    const dir = outDir("openapi32");
    writeFiles(dir, await emitted("client", model));
    writeFiles(dir, await emitted("server", model));
    const checked = typeCheck(dir);
    expect(checked.output).toBe("");
    const { createClient } = await import(
      pathToFileURL(join(dir, "client/index.ts")).href
    );
    const api = createClient({ baseUrl });
    const result = await api.searchDocuments({ body: { text: "pets" } });
    expect(result).toMatchObject({ ok: true, data: ["a.txt"] });
    expect(seen).toEqual([
      { method: "QUERY", url: "/documents", body: '{"text":"pets"}' },
    ]);
    // the querystring parameter's pairs, each as its Encoding Object says
    await api.filterDocuments({ query: { owner: "me", labels: ["a", "b"] } });
    expect(seen[1]).toMatchObject({
      url: "/documents/filter?owner=me&labels=a,b",
    });
  });
});
