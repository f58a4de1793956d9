import { describe, expect, it } from "vitest";
import { createEndpoint, createParameter } from "../../model/factories.js";
import type { ApiModel, Parameter, Schema } from "../../model/types.js";
import type { ParamSpec } from "./route-spec-types.js";
import { routeSpec } from "./route-specs.js";

const at = { file: "api.yaml", line: 1, column: 1, pointer: "" };

function withParameters(
  parameters: Parameter[],
  schemas: Record<string, Schema> = {},
): ApiModel {
  const endpoint = createEndpoint({
    method: "get",
    path: "/x/{id}",
    name: "getX",
    source: at,
  });
  for (const p of parameters) endpoint.parameters[p.in].push(p);
  return {
    info: { title: "t", version: "1" },
    servers: [],
    securitySchemes: {},
    schemas: Object.fromEntries(
      Object.entries(schemas).map(([name, schema]) => [
        name,
        { name, schema, sources: [] },
      ]),
    ),
    tags: [],
    endpoints: [endpoint],
    diagnostics: [],
  };
}

const query = (schema: Schema | undefined, extra: Partial<Parameter> = {}) =>
  createParameter({ name: "q", in: "query", source: at, schema, ...extra });

describe("routeSpec parameters", () => {
  it.each<[string, Schema | undefined, Partial<ParamSpec>]>([
    ["no schema", undefined, { type: "string" }],
    ["integer", { type: "integer" }, { type: "integer" }],
    ["nullable number", { type: ["number", "null"] }, { type: "number" }],
    ["boolean", { type: "boolean" }, { type: "boolean" }],
    ["integer enum", { enum: [1, 2] }, { type: "integer", enum: [1, 2] }],
    [
      "string enum with null",
      { type: ["string", "null"], enum: ["a", null] },
      { type: "string", enum: ["a"] },
    ],
    ["const", { const: true }, { type: "boolean", enum: [true] }],
    [
      "array of enum items",
      { type: "array", items: { type: "string", enum: ["x", "y"] } },
      { type: "string", array: true, enum: ["x", "y"] },
    ],
    [
      "array of integers",
      { type: "array", items: { type: "integer" } },
      { type: "integer", array: true },
    ],
    [
      "object",
      {
        type: "object",
        properties: { b: { type: "boolean" }, a: { type: "integer" } },
      },
      { type: "string", properties: { a: "integer", b: "boolean" } },
    ],
    [
      "a $ref to an integer",
      { $ref: "#/components/schemas/Id" },
      { type: "integer" },
    ],
    [
      "an array of $ref",
      { type: "array", items: { $ref: "#/components/schemas/Id" } },
      { type: "integer", array: true },
    ],
    [
      "a dangling $ref",
      { $ref: "#/components/schemas/Nope" },
      { type: "string" },
    ],
    ["a $ref cycle", { $ref: "#/components/schemas/Loop" }, { type: "string" }],
  ])("%s", (_name, schema, want) => {
    const model = withParameters([query(schema)], {
      Id: { type: "integer" },
      Loop: { $ref: "#/components/schemas/Loop" },
    });
    const [spec] = routeSpec(model, model.endpoints[0]!).params;
    expect(spec).toEqual({ name: "q", in: "query", required: false, ...want });
  });

  it("gives a deepObject whose members nest their shape, and a flat one none", () => {
    const model = withParameters(
      [
        query({ $ref: "#/components/schemas/Filter" }, { style: "deepObject" }),
        query(
          { type: "object", properties: { a: { type: "integer" } } },
          {
            name: "flat",
            style: "deepObject",
          },
        ),
      ],
      {
        Filter: {
          type: "object",
          properties: {
            n: { type: "integer" },
            tags: { type: "array", items: { type: "string" } },
            inner: { type: "object", properties: { on: { type: "boolean" } } },
          },
        },
      },
    );
    const [deep, flat] = routeSpec(model, model.endpoints[0]!).params;
    expect(deep).toMatchObject({
      properties: { n: "integer", tags: "json", inner: "json" },
      shape: {
        properties: {
          n: "integer",
          tags: { items: "string" },
          inner: { properties: { on: "boolean" } },
        },
      },
    });
    expect(flat!.shape).toBeUndefined();
  });

  it("bounds a deepObject's shape: a schema of 40 members that each hold it again", () => {
    const members = Object.fromEntries(
      Array.from({ length: 40 }, (_, i) => [
        `m${i}`,
        { $ref: "#/components/schemas/Wide" },
      ]),
    );
    const model = withParameters(
      [query({ $ref: "#/components/schemas/Wide" }, { style: "deepObject" })],
      { Wide: { type: "object", properties: members } },
    );
    const shape = routeSpec(model, model.endpoints[0]!).params[0]!.shape;
    // 40^8 members unbounded; the budget keeps about 500 below the first level
    const text = JSON.stringify(shape);
    expect(text.match(/"m\d+"/g)!.length).toBeGreaterThan(40);
    expect(text.match(/"m\d+"/g)!.length).toBeLessThan(700);
  });

  it("keeps style and explode", () => {
    const model = withParameters([
      query(
        { type: "array", items: { type: "string" } },
        { style: "pipeDelimited", explode: false, required: true },
      ),
    ]);
    expect(routeSpec(model, model.endpoints[0]!).params[0]).toMatchObject({
      style: "pipeDelimited",
      explode: false,
      required: true,
    });
  });

  it("keeps header and cookie parameters in the model's order (the readers already moved Accept, Content-Type and Authorization)", () => {
    const header = (name: string) =>
      createParameter({ name, in: "header", source: at, required: true });
    const model = withParameters([
      header("X-Request-Id"),
      createParameter({ name: "session", in: "cookie", source: at }),
    ]);
    expect(
      routeSpec(model, model.endpoints[0]!).params.map((p) => p.name),
    ).toEqual(["X-Request-Id", "session"]);
  });

  it("carries a Swagger 2.0 delimiter and a content parameter's media type", () => {
    const model = withParameters([
      createParameter({
        name: "ids",
        in: "path",
        source: at,
        schema: { type: "array", items: { type: "integer" } },
        style: "simple",
        explode: false,
        collectionFormat: "tsv",
      }),
      createParameter({
        name: "filter",
        in: "query",
        source: at,
        schema: { type: "object" },
        contentType: "application/json",
      }),
    ]);
    const [ids, filter] = routeSpec(model, model.endpoints[0]!).params;
    expect(ids).toMatchObject({ array: true, delimiter: "\t" });
    expect(filter).toMatchObject({ contentType: "application/json" });
  });

  it("records non-JSON response media types by status", () => {
    const model = withParameters([]);
    const endpoint = model.endpoints[0]!;
    const response = (status: string, ...types: string[]) => ({
      status,
      description: "",
      content: types.map((mediaType) => ({ mediaType })),
      sources: [],
    });
    endpoint.responses = [
      response("200", "text/csv; charset=utf-8", "application/json"),
      response("201", "application/problem+json"),
      response("4XX", "*/*"),
      response("default", "image/png"),
      response("204"),
    ];
    expect(routeSpec(model, endpoint).produces).toEqual({
      "200": "text/csv; charset=utf-8",
      default: "image/png",
    });
    // a charset the header could not carry as written is left out
    endpoint.responses = [response("200", 'text/html; charset="a\\"b"')];
    expect(routeSpec(model, endpoint).produces).toEqual({ "200": "text/html" });
    endpoint.responses = [response("200", "application/json")];
    expect(routeSpec(model, endpoint).produces).toBeUndefined();
  });

  it("declares the body's media types, JSON when the body names none", () => {
    const model = withParameters([]);
    const endpoint = model.endpoints[0]!;
    endpoint.requestBody = { required: false, content: [], sources: [] };
    expect(routeSpec(model, endpoint).body).toEqual({
      required: false,
      mediaTypes: ["application/json"],
    });
    endpoint.requestBody.content = [
      { mediaType: "text/plain" },
      { mediaType: "image/*" },
    ];
    expect(routeSpec(model, endpoint).body?.mediaTypes).toEqual([
      "text/plain",
      "image/*",
    ]);
  });
});
