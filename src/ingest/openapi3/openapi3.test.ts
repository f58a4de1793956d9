import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ingestFiles, ingestTexts } from "../index.js";
import type { DocumentModel, Endpoint } from "../../model/types.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const API30 = "test/fixtures/openapi3/api30.yaml";
const API31 = "test/fixtures/openapi3/api31.yaml";

const v30 = ingestFiles([API30], { cwd: ROOT });
const v31 = ingestFiles([API31], { cwd: ROOT });
const doc30 = v30.documents[0]!;
const doc31 = v31.documents[0]!;
const find = (doc: DocumentModel, method: string, path: string): Endpoint =>
  doc.endpoints.find((e) => e.method === method && e.path === path)!;

describe("the OpenAPI 3.0 reader", () => {
  it("reads every operation, through a path item $ref into a file below the spec's folder", () => {
    expect(doc30.format).toBe("openapi3.0");
    expect(doc30.endpoints.map((e) => `${e.method} ${e.path}`)).toEqual([
      "get /pets",
      "post /pets",
      "get /pets/{petId}",
    ]);
    const getPet = find(doc30, "get", "/pets/{petId}");
    expect(getPet.sources).toEqual([
      {
        file: "test/fixtures/openapi3/parts/pet-item.yaml",
        line: 7,
        column: 1,
        pointer: "#/get",
      },
    ]);
    expect(getPet.parameters.path).toEqual([
      expect.objectContaining({
        name: "petId",
        required: true,
        schema: { type: "string" },
      }),
    ]);
    expect(getPet.nameCandidates[0]).toMatchObject({
      value: "getPet",
      kind: "operationId",
    });
  });

  it("points an operation's source at the exact line of its method key", () => {
    expect(find(doc30, "post", "/pets").sources[0]).toMatchObject({
      file: API30,
      line: 66,
      column: 5,
      pointer: "#/paths/~1pets/post",
    });
  });

  it("keeps servers as written, with their variables, and reports undeclared variables", () => {
    expect(doc30.servers.map(({ sources: _, ...server }) => server)).toEqual([
      {
        url: "https://{region}.shop.example.com/{version}",
        description: "Production",
        variables: {
          region: {
            default: "eu",
            enum: ["eu", "us"],
            description: "Where your data lives",
          },
          version: { default: "v2" },
        },
      },
      { url: "/api" },
      { url: "https://{tenant}.example.com" },
    ]);
    expect(v30.diagnostics).toContainEqual(
      expect.objectContaining({
        code: "openapi3/undeclared-server-variable",
        line: 16,
      }),
    );
    expect(doc31.servers).toEqual([]);
  });

  it("turns 3.0 nullable into type arrays", () => {
    const limit = find(doc30, "get", "/pets").parameters.query[0]!;
    expect(limit.schema).toEqual({ type: ["integer", "null"] });
    expect(doc30.schemas.Pet!.schema.properties!.tag).toEqual({
      type: ["string", "null"],
    });
  });

  it("lets an operation parameter override the path item's, and keeps style and explode", () => {
    const list = find(doc30, "get", "/pets");
    expect(list.parameters.query.map((p) => p.name)).toEqual([
      "limit",
      "colors",
    ]);
    expect(list.parameters.query[0]!.description).toBe(
      "Overrides the shared limit",
    );
    expect(list.parameters.query[1]).toMatchObject({
      style: "pipeDelimited",
      explode: false,
    });
    // the shared parameter still reaches the operation that does not override it
    expect(find(doc30, "post", "/pets").parameters.query).toEqual([
      expect.objectContaining({
        name: "limit",
        schema: { type: "integer", maximum: 100 },
      }),
    ]);
    expect(list.deprecated).toBe(true);
    expect(list.tags).toEqual(["pets"]);
    expect(doc30.tags).toEqual([{ name: "pets" }]);
  });

  it("reads responses with $ref'd components, headers and examples, ranges upper-cased", () => {
    const [ok, problem] = find(doc30, "get", "/pets").responses;
    expect(ok!.content).toEqual([
      {
        mediaType: "application/json",
        schema: { type: "array", items: { $ref: "#/components/schemas/Pet" } },
        examples: [{ name: "one", summary: "A dog", value: [{ name: "Rex" }] }],
      },
      // the Accept header parameter's enum
      {
        mediaType: "text/csv",
        schema: { type: "array", items: { $ref: "#/components/schemas/Pet" } },
      },
    ]);
    expect(problem).toMatchObject({
      status: "4XX",
      description: "Something went wrong",
      headers: {
        "Retry-After": {
          description: "Seconds to wait",
          schema: { type: "integer" },
        },
      },
    });
    expect(problem!.content.map((c) => c.mediaType)).toEqual([
      "application/problem+json",
    ]);
    expect(find(doc30, "get", "/pets").parameters.header).toEqual([]);
  });

  it("reads a $ref'd request body with a content entry per media type", () => {
    const body = find(doc30, "post", "/pets").requestBody!;
    expect(body).toMatchObject({
      required: true,
      description: "The pet to add",
    });
    expect(body.content).toEqual([
      {
        mediaType: "application/json",
        schema: { $ref: "#/components/schemas/Pet" },
        examples: [{ value: { name: "Rex" } }],
      },
      {
        mediaType: "application/xml",
        schema: { $ref: "#/components/schemas/Pet" },
      },
    ]);
    expect(body.sources[0]).toMatchObject({ file: API30, line: 69 });
  });

  it("imports schemas from files below the folder, recursive ones included", () => {
    expect(Object.keys(doc30.schemas).sort()).toEqual(["Owner", "Pet"]);
    expect(doc30.schemas.Pet!.schema.properties!.owner).toEqual({
      $ref: "#/components/schemas/Owner",
    });
    expect(doc30.schemas.Owner!.schema.properties!.pets).toEqual({
      type: "array",
      items: { $ref: "#/components/schemas/Owner" },
    });
    expect(doc30.schemas.Owner!.sources[0]).toMatchObject({
      file: "test/fixtures/openapi3/parts/owner.yaml",
      line: 1,
    });
    expect(
      find(doc30, "get", "/pets/{petId}").responses[0]!.content[0]!.schema,
    ).toEqual({
      $ref: "#/components/schemas/Owner",
    });
  });

  it("refuses a $ref outside the spec's folder with a diagnostic naming the file and line", () => {
    const refused = v30.diagnostics.filter(
      (d) => d.code === "ref/outside-folder",
    );
    expect(refused).toEqual([
      expect.objectContaining({ severity: "error", file: API30, line: 84 }),
    ]);
    expect(
      find(doc30, "post", "/pets").responses[0]!.content[0]!.schema,
    ).toEqual({});
  });

  it("reports a parameter $ref that refers to itself, once per use, without hanging", () => {
    const cycles = v30.diagnostics.filter(
      (d) => d.code === "openapi3/ref-cycle",
    );
    expect(cycles).toEqual([
      // the self-reference itself, with the operation's use of it as related
      expect.objectContaining({
        severity: "error",
        file: API30,
        line: 112,
        related: [expect.objectContaining({ line: 51 })],
      }),
    ]);
  });

  it("applies the default security, and security: [] means none", () => {
    expect(find(doc30, "get", "/pets").security).toEqual([{ bearer: [] }]);
    expect(find(doc30, "post", "/pets").security).toEqual([]);
    expect(doc30.securitySchemes.bearer).toMatchObject({
      type: "http",
      scheme: "bearer",
      bearerFormat: "JWT",
    });
    expect(doc30.securitySchemes.session).toMatchObject({
      type: "apiKey",
      name: "session",
      parameterName: "SESSION",
      in: "cookie",
    });
    expect(doc30.securitySchemes.oauth).toMatchObject({
      type: "oauth2",
      flows: {
        clientCredentials: {
          tokenUrl: "https://shop.example.com/token",
          scopes: { "pets:read": "read pets" },
        },
      },
    });
  });

  it("skips callbacks with an info diagnostic", () => {
    expect(v30.diagnostics).toContainEqual(
      expect.objectContaining({
        severity: "info",
        code: "openapi3/callback-skipped",
        line: 72,
      }),
    );
    expect(
      v30.diagnostics
        .filter((d) => d.severity === "error")
        .map((d) => d.code)
        .sort(),
    ).toEqual(["openapi3/ref-cycle", "ref/outside-folder"]);
  });
});

describe("the OpenAPI 3.1 reader", () => {
  it("reads a path item from components.pathItems, and webhooks beside the endpoints", () => {
    expect(doc31.format).toBe("openapi3.1");
    expect(doc31.endpoints.map((e) => `${e.method} ${e.path}`)).toEqual([
      "get /ping",
      "patch /notes/{id}",
    ]);
    expect(find(doc31, "get", "/ping").sources[0]).toMatchObject({ line: 45 });
    expect(doc31.webhooks).toMatchObject([
      {
        key: "noteChanged",
        path: "noteChanged",
        method: "post",
        responses: [{ status: "200" }],
        sources: [{ line: 38 }],
      },
    ]);
  });

  it("keeps type arrays, const and examples", () => {
    expect(doc31.schemas.Note!.schema.properties).toEqual({
      text: { type: ["string", "null"], examples: ["hello"] },
      kind: { const: "note" },
      replies: { type: "array", items: { $ref: "#/components/schemas/Note" } },
    });
  });

  it("lets a $ref's description override the component's", () => {
    const id = find(doc31, "patch", "/notes/{id}").parameters.path[0]!;
    expect(id).toMatchObject({ name: "id", description: "The note to change" });
  });

  it("turns Content-Type into a request media type and Authorization into an inferred scheme", () => {
    const patch = find(doc31, "patch", "/notes/{id}");
    expect(patch.parameters.header).toEqual([]);
    expect(patch.requestBody!.content.map((c) => c.mediaType)).toEqual([
      "application/json",
      "application/merge-patch+json",
    ]);
    expect(patch.requestBody!.content[1]!.schema).toEqual({
      $ref: "#/components/schemas/Note",
    });
    expect(patch.security).toEqual([{ bearerAuth: [] }]);
    expect(doc31.securitySchemes.bearerAuth).toMatchObject({
      type: "http",
      scheme: "bearer",
      inferred: true,
    });
    expect(v31.diagnostics).toContainEqual(
      expect.objectContaining({
        code: "openapi3/inferred-security-scheme",
        line: 14,
      }),
    );
  });

  it("skips a mutualTLS scheme with a warning", () => {
    expect(doc31.securitySchemes.tls).toBeUndefined();
    expect(v31.diagnostics).toContainEqual(
      expect.objectContaining({
        severity: "warning",
        code: "openapi3/invalid-security-scheme",
      }),
    );
  });

  it("reads a malformed document partially and never throws", () => {
    const { documents, diagnostics } = ingestTexts(
      [
        {
          file: "bad.json",
          text: JSON.stringify({
            openapi: "3.1.0",
            info: { title: "t" },
            servers: [{ description: "no url" }],
            paths: {
              "/a": {
                get: {
                  parameters: [{ $ref: "#/nowhere" }],
                  responses: { "200": { $ref: 7 } },
                },
                post: {
                  requestBody: { $ref: "#/components/requestBodies/Missing" },
                  responses: [],
                },
                put: null,
              },
              "/b": "not an object",
            },
          }),
        },
      ],
      { cwd: ROOT },
    );
    expect(documents[0]!.endpoints.map((e) => e.method)).toEqual([
      "get",
      "post",
    ]);
    expect(documents[0]!.servers).toEqual([]);
    expect(diagnostics.map((d) => d.code)).toEqual(
      expect.arrayContaining([
        "openapi3/invalid-server",
        "ref/not-found",
        "openapi3/invalid-responses",
        "openapi3/invalid-operation",
        "openapi3/invalid-path-item",
      ]),
    );
  });

  it("keeps an operation's servers, else its path's, and reports a fault of a path's once", () => {
    const { documents, diagnostics } = ingestTexts([
      {
        file: "servers.yaml",
        text: [
          "openapi: 3.1.0",
          "info: {title: t, version: v}",
          "paths:",
          "  /a:",
          "    servers: [{url: https://a.example.com}, {description: no url}]",
          "    get: {responses: {'200': {description: OK}}}",
          "    post: {responses: {'200': {description: OK}}}",
          "    put:",
          "      servers: [{url: https://b.example.com}]",
          "      responses: {'200': {description: OK}}",
        ].join("\n"),
      },
    ]);
    expect(
      documents[0]!.endpoints.map((e) => [
        e.method,
        e.servers?.map((s) => s.url),
      ]),
    ).toEqual([
      ["get", ["https://a.example.com"]],
      ["post", ["https://a.example.com"]],
      ["put", ["https://b.example.com"]],
    ]);
    expect(diagnostics.map((d) => [d.severity, d.code, d.line])).toEqual([
      ["warning", "openapi3/invalid-server", 5],
    ]);
  });
});
