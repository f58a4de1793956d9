import { describe, expect, it } from "vitest";
import { ingestFiles, ingestTexts } from "../index.js";
import {
  PETSHOP,
  ROOT,
  STREAM,
  codes,
  doc,
  endpoint,
  petshop,
  readText,
} from "../../../test/support/swagger2-petshop.js";

describe("the Swagger 2.0 reader", () => {
  it("reads every operation with its operationId as a name candidate, name left to the model", () => {
    expect(doc.format).toBe("swagger2");
    expect(doc.endpoints.map((e) => `${e.method} ${e.path}`)).toEqual([
      "get /pets",
      "post /pets",
      "get /pets/{petId}",
      "delete /pets/{petId}",
      "post /pets/{petId}/photo",
      "put /pets/{petId}/rename",
    ]);
    const list = endpoint("get", "/pets");
    expect(list.name).toBe("");
    expect(list.operationId).toBe("listPets");
    expect(list.nameCandidates).toEqual([
      expect.objectContaining({ value: "listPets", kind: "operationId" }),
    ]);
    expect(list.extensions).toEqual({ "x-internal": true });
    expect(doc.info).toEqual({
      title: "Pet shop",
      version: "1.0", // written `version: 1.0`: the text, not the number 1
      description: "A shop that sells pets.",
    });
    expect(doc.tags).toEqual([
      { name: "pets", description: "Everything about pets" },
    ]);
  });

  it("points sources at the exact line of the operation, parameter and response", () => {
    const create = endpoint("post", "/pets");
    expect(create.sources).toEqual([
      {
        file: PETSHOP,
        line: 143,
        column: 5,
        pointer: "#/paths/~1pets/post",
      },
    ]);
    expect(create.requestBody!.sources[0]).toMatchObject({ line: 147 });
    expect(create.responses[0]!.sources[0]).toMatchObject({ line: 158 });
    expect(endpoint("delete", "/pets/{petId}").sources[0]!.line).toBe(186);
    const limit = endpoint("get", "/pets").parameters.query[0]!;
    expect(limit.sources[0]).toMatchObject({ line: 84, column: 11 });
  });

  it("merges shared and path-level parameters, the operation's overriding by name and location", () => {
    const list = endpoint("get", "/pets");
    const limit = list.parameters.query.find((p) => p.name === "limit")!;
    expect(limit.description).toBe("How many pets, at most");
    expect(limit.schema).toEqual({ type: "integer" });
    expect(
      list.parameters.query.filter((p) => p.name === "limit"),
    ).toHaveLength(1);
    expect(list.parameters.header.map((p) => p.name)).toEqual(["X-Trace-Id"]);
    // the path-level $ref to #/parameters/limit still applies where not overridden
    expect(endpoint("post", "/pets").parameters.query).toEqual([
      expect.objectContaining({
        name: "limit",
        schema: { type: "integer", format: "int32", maximum: 100 },
      }),
    ]);
    const pet = endpoint("get", "/pets/{petId}");
    expect(pet.parameters.path.map((p) => p.name)).toEqual(["petId", "ids"]);
    expect(pet.parameters.path[0]!.required).toBe(true);
  });

  it("maps collectionFormat to style and explode", () => {
    const query = Object.fromEntries(
      endpoint("get", "/pets").parameters.query.map((p) => [
        p.name,
        [p.style, p.explode],
      ]),
    );
    expect(query).toEqual({
      limit: [undefined, undefined],
      tags: ["form", false],
      ids: ["form", true],
      colors: ["pipeDelimited", false],
      sizes: ["spaceDelimited", false],
      moods: ["form", false],
      shapes: ["form", false],
    });
    const ids = endpoint("get", "/pets/{petId}").parameters.path[1]!;
    expect([ids.style, ids.explode]).toEqual(["simple", false]);
    const tsv = petshop.diagnostics.find(
      (d) => d.code === "swagger2/unsupported-collection-format",
    )!;
    expect(tsv).toMatchObject({ severity: "warning", line: 114 });
    expect(codes()).toContain("swagger2/unknown-collection-format");
  });

  it("folds a body parameter into a request body with the operation's consumes", () => {
    const body = endpoint("post", "/pets").requestBody!;
    expect(body.required).toBe(true);
    expect(body.description).toBe("The pet to add");
    expect(body.content.map((c) => c.mediaType)).toEqual([
      "application/json",
      "application/xml",
      // from the Content-Type header parameter's default
      "application/vnd.pet+json",
    ]);
    for (const c of body.content)
      expect(c.schema).toEqual({ $ref: "#/components/schemas/Pet" });
    expect(
      endpoint("post", "/pets").parameters.header.map((p) => p.name),
    ).toEqual(["X-Trace-Id"]);
  });

  it("folds formData into one object schema: multipart when a file is sent, files as binary", () => {
    const body = endpoint("post", "/pets/{petId}/photo").requestBody!;
    expect(body.required).toBe(true);
    expect(body.content).toEqual([
      {
        mediaType: "multipart/form-data",
        schema: {
          type: "object",
          properties: {
            photo: { type: "string", format: "binary" },
            extras: {
              type: "array",
              items: { type: "string", format: "binary" },
            },
            caption: { type: "string", description: "Shown under the photo" },
          },
          required: ["photo"],
        },
      },
    ]);
    expect(body.sources.map((s) => s.line)).toEqual([208, 212, 217]);
  });

  it("sends formData without files as application/x-www-form-urlencoded", () => {
    const body = endpoint("put", "/pets/{petId}/rename").requestBody!;
    expect(body.content.map((c) => c.mediaType)).toEqual([
      "application/x-www-form-urlencoded",
    ]);
    expect(body.content[0]!.schema).toMatchObject({
      required: ["name"],
      properties: { nicknames: { type: "array", items: { type: "string" } } },
    });
  });

  it("gives responses content in every produced media type, with headers and examples", () => {
    const [ok, fallback] = endpoint("get", "/pets").responses;
    expect(ok!.status).toBe("200");
    expect(ok!.content.map((c) => c.mediaType)).toEqual([
      "application/json",
      "application/xml",
      // from the Accept header parameter's enum, parameters dropped
      "text/csv",
    ]);
    expect(ok!.content[0]!.examples).toEqual([{ value: [{ name: "Rex" }] }]);
    expect(ok!.headers).toEqual({
      "X-Total": {
        schema: { type: "integer" },
        description: "How many pets there are",
      },
    });
    expect(fallback).toMatchObject({
      status: "default",
      description: "No such pet",
      content: [
        {
          mediaType: "application/json",
          schema: { $ref: "#/components/schemas/Error" },
        },
        {
          mediaType: "application/xml",
          schema: { $ref: "#/components/schemas/Error" },
        },
      ],
    });
    expect(endpoint("delete", "/pets/{petId}").responses).toEqual([
      expect.objectContaining({ status: "204", content: [] }),
    ]);
  });

  it("converts definitions, recursive ones included", () => {
    expect(Object.keys(doc.schemas)).toEqual(["Pet", "Error"]);
    expect(doc.schemas.Pet!.schema.properties!.children).toEqual({
      type: "array",
      items: { $ref: "#/components/schemas/Pet" },
    });
    expect(doc.schemas.Pet!.schema.properties!.tag).toEqual({
      type: ["string", "null"],
    });
  });

  it("reports a parameter $ref that refers to itself instead of hanging", () => {
    const cycle = petshop.diagnostics.filter(
      (d) => d.code === "swagger2/ref-cycle",
    );
    expect(cycle).toHaveLength(1);
    expect(cycle[0]).toMatchObject({
      severity: "error",
      file: PETSHOP,
      // the self-reference itself, with the operation's use of it as related
      line: 48,
      related: [expect.objectContaining({ line: 178 })],
    });
    // the operation is still read, without the broken parameter
    const pet = endpoint("get", "/pets/{petId}").parameters;
    expect([...pet.path, ...pet.query].map((p) => p.name)).toEqual([
      "petId",
      "ids",
    ]);
  });

  it("reads each document of a YAML stream on its own, leaving untyped parameters without a schema", () => {
    const [first, second] = ingestFiles([STREAM], { cwd: ROOT }).documents;
    expect(first!.info.title).toBe("First document of a stream");
    const verbose = first!.endpoints[0]!.parameters.query[0]!;
    expect(verbose.name).toBe("verbose");
    expect(verbose.schema).toBeUndefined();
    expect(second!.endpoints[0]!.sources[0]).toMatchObject({
      line: 26,
      pointer: "#1/paths/~1pong/put",
    });
    // Accept without values is dropped; Content-Type's enum is a sign of a body of that type,
    // which the model makes (test/model/undescribed-body.test.ts)
    const pong = second!.endpoints[0]!;
    expect(pong.parameters.header).toEqual([]);
    expect(pong.bodySignals).toMatchObject([{ mediaTypes: ["text/plain"] }]);
    expect(pong.responses[0]!.content).toEqual([]);
  });

  it("keeps status keys YAML reads as numbers as strings", () => {
    expect(endpoint("get", "/pets").responses.map((r) => r.status)).toEqual([
      "200",
      "default",
    ]);
  });

  it("reports a malformed operation and reads the rest", () => {
    const { doc: partial, codes: found } = readText(
      [
        'swagger: "2.0"',
        "info: {title: t, version: v}",
        "paths:",
        "  /a:",
        "    get: 42",
        "    put:",
        "      parameters: {not: a list}",
        "      responses: {200: {description: OK}, banana: {description: no}}",
        "    post:",
        "      parameters:",
        "        - {name: x, in: query, collectionFormat: multi, type: array}",
        "        - {name: y}",
        "        - {name: body, in: body}",
        "      responses: {}",
      ].join("\n"),
    );
    expect(partial.endpoints.map((e) => e.method)).toEqual(["put", "post"]);
    expect(found).toEqual(
      expect.arrayContaining([
        "swagger2/invalid-operation",
        "swagger2/invalid-parameters",
        "swagger2/invalid-status",
        "swagger2/invalid-parameter",
        "swagger2/body-without-schema",
      ]),
    );
    expect(partial.endpoints[1]!.requestBody!.content).toEqual([
      { mediaType: "application/json" },
    ]);
  });

  it("reads a body parameter without a name: its name documents it only (§Parameter Object)", () => {
    const { doc: read, codes: found } = readText(
      [
        'swagger: "2.0"',
        "info: {title: t, version: v}",
        "paths:",
        "  /a:",
        "    post:",
        "      parameters:",
        "        - {in: body, required: true, schema: {type: object}}",
        "        - {in: query, type: string}",
        "      responses: {200: {description: OK}}",
      ].join("\n"),
    );
    expect(read.endpoints[0]!.requestBody).toMatchObject({
      required: true,
      content: [{ mediaType: "application/json", schema: { type: "object" } }],
    });
    // a query parameter's name is what it sends: one without is still skipped
    expect(read.endpoints[0]!.parameters.query).toEqual([]);
    expect(found).toEqual(["swagger2/invalid-parameter"]);
  });

  it("says that Azure's x-ms-paths is not read, at its line, with how many paths it leaves out", () => {
    const text = [
      'swagger: "2.0"',
      "info: {title: blobs, version: v}",
      "paths:",
      "  /{container}:",
      "    get: {operationId: Container_Get, responses: {200: {description: OK}}}",
      "x-ms-paths:",
      "  /{container}?restype=container&comp=list:",
      "    get: {operationId: Container_List, responses: {200: {description: OK}}}",
      "  /?comp=list:",
      "    get: {operationId: Service_List, responses: {200: {description: OK}}}",
    ].join("\n");
    const { documents, diagnostics } = ingestTexts([
      { file: "blob.yaml", text },
    ]);
    expect(documents[0]!.endpoints.map((e) => e.operationId)).toEqual([
      "Container_Get",
    ]);
    expect(
      diagnostics
        .filter((d) => d.code === "swagger2/unread-ms-paths")
        .map((d) => [d.severity, d.line, /its 2 paths/.test(d.message)]),
    ).toEqual([["warning", 6, true]]);
  });

  it("reads Azure's x-ms-skip-url-encoding (and OpenAPI 3.2's path allowReserved) as allowReserved", () => {
    const parameters = (extra: string) =>
      [
        "        - {name: scope, in: path, required: true, type: string" +
          extra +
          "}",
        "        - {name: $filter, in: query, type: string" + extra + "}",
        "        - {name: x-id, in: header, type: string" + extra + "}",
      ].join("\n");
    const read = (format: string, extra: string) => {
      const text = [
        format,
        "info: {title: roles, version: v}",
        "paths:",
        "  /{scope}/providers/Microsoft.Authorization/roleAssignments:",
        "    get:",
        "      operationId: RoleAssignments_ListForScope",
        "      responses: {200: {description: OK}}",
        "      parameters:",
        parameters(extra),
      ].join("\n");
      const { parameters: p } = ingestTexts([{ file: "a.yaml", text }])
        .documents[0]!.endpoints[0]!;
      return [...p.path, ...p.query, ...p.header].map((x) => x.allowReserved);
    };
    const skip = ", x-ms-skip-url-encoding: true";
    expect(read('swagger: "2.0"', skip)).toEqual([true, true, undefined]);
    expect(read('swagger: "2.0"', "")).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    // OpenAPI 3.x: the same, schema-typed (type is ignored by the 3.x reader)
    expect(read("openapi: 3.2.0", ", allowReserved: true")).toEqual([
      true,
      true,
      undefined,
    ]);
    expect(read("openapi: 3.0.3", skip)).toEqual([true, true, undefined]);
  });
});
