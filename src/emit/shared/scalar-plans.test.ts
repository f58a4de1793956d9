import { describe, expect, it } from "vitest";
import { loadModel } from "../../pipeline.js";
import { scalarPlans } from "./scalar-plans.js";

/** One endpoint answering `schema` (or `content`), `schemas` as components; both choices' plans. */
function plansOf(
  schema: object,
  schemas: object = {},
  content: object = { "application/json": { schema } },
) {
  const text = JSON.stringify({
    openapi: "3.1.0",
    info: { title: "t", version: "1" },
    paths: {
      "/x": {
        get: {
          operationId: "getX",
          responses: {
            "200": {
              description: "ok",
              content,
            },
          },
        },
      },
    },
    components: { schemas },
  });
  const model = loadModel([{ file: "t.json", text }], {
    scalars: { dates: "Date", int64: "bigint" },
  });
  return scalarPlans(model);
}
const answer = (schema: object, schemas?: object) =>
  plansOf(schema, schemas)?.operations["getX"]?.responses?.["200"];

const DATE_TIME = { type: "string", format: "date-time" };
const INT64 = { type: "integer", format: "int64" };

describe("scalarPlans", () => {
  it("is undefined with the defaults, and where nothing is revived", () => {
    const text = JSON.stringify({
      openapi: "3.1.0",
      info: { title: "t", version: "1" },
      paths: {},
    });
    expect(scalarPlans(loadModel([{ file: "t.json", text }]))).toBe(undefined);
    expect(
      plansOf({ type: "object", properties: { a: { type: "string" } } }),
    ).toBe(undefined);
  });

  it("plans a member named __proto__ as a member, not the plan's prototype", () => {
    // JSON.parse: in an object literal the key would set the prototype
    const schema: object = JSON.parse(
      '{"type":"object","properties":{"__proto__":{"type":"string","format":"date-time"}}}',
    );
    expect(JSON.stringify(answer(schema))).toBe(
      '{"p":{"__proto__":{"s":"t"}}}',
    );
  });

  it("plans members, items and the rest, and says which answers hold int64s", () => {
    const plans = plansOf({
      type: "object",
      properties: { at: DATE_TIME, list: { type: "array", items: INT64 } },
      additionalProperties: { type: "string", format: "date" },
    });
    expect(plans?.operations["getX"]).toEqual({
      responses: {
        "200": { p: { at: { s: "t" }, list: { e: { i: 1 } } }, r: { s: "d" } },
      },
      lossless: 2,
    });
  });

  it("names a recursive schema once and refers to it, leaving out schemas that revive nothing", () => {
    const plans = plansOf(
      { $ref: "#/components/schemas/Node" },
      {
        Plain: { type: "object", properties: { name: { type: "string" } } },
        Node: {
          type: "object",
          properties: {
            at: DATE_TIME,
            plain: { $ref: "#/components/schemas/Plain" },
            children: {
              type: "array",
              items: { $ref: "#/components/schemas/Node" },
            },
          },
        },
      },
    );
    expect(plans?.named).toEqual([
      { p: { at: { s: "t" }, children: { e: 0 } } },
    ]);
    expect(plans?.operations["getX"]?.responses?.["200"]).toBe(0);
    expect(plans?.operations["getX"]?.lossless).toBe(undefined);
  });

  it("merges allOf, and revives a union's value only where its members agree", () => {
    const allOf = plansOf(
      { allOf: [{ $ref: "#/components/schemas/T" }, { description: "when" }] },
      { T: DATE_TIME },
    );
    expect(allOf?.operations["getX"]?.responses?.["200"]).toBe(0);
    expect(allOf?.named).toEqual([{ s: "t" }]);
    // every member that takes a string says date-time
    expect(answer({ oneOf: [DATE_TIME, INT64] })).toEqual({ s: "t", i: 1 });
    // a plain string beside a date-time: the text stays text (the union types it Date | string)
    expect(answer({ anyOf: [DATE_TIME, { type: "string" }] })).toBe(undefined);
    // a member that says nothing takes any value: nothing is sure
    expect(answer({ oneOf: [INT64, {}] })).toBe(undefined);
    // objects: a member declared with another type elsewhere is not revived
    const a = { type: "object", properties: { at: DATE_TIME, n: INT64 } };
    const b = { type: "object", properties: { at: { type: "string" } } };
    expect(answer({ oneOf: [a, b] })).toEqual({ p: { n: { i: 1 } } });
  });

  it("plans another JSON media type of a status as `<status> <type>`, where it differs", () => {
    const text = { type: "string" };
    const responses = (content: object) =>
      plansOf({}, {}, content)?.operations["getX"]?.responses;
    expect(
      responses({
        "application/json": { schema: DATE_TIME },
        "application/hal+json; charset=utf-8": { schema: text },
        "application/vnd.x+json": { schema: DATE_TIME },
        "text/plain": { schema: text },
      }),
    ).toEqual({ "200": { s: "t" }, "200 application/hal+json": {} });
    // the first revives nothing and another does: the status's plan is there, empty
    expect(
      responses({
        "application/json": { schema: text },
        "application/problem+json": { schema: DATE_TIME },
      }),
    ).toEqual({ "200": {}, "200 application/problem+json": { s: "t" } });
  });

  it("plans parameters and the request body by location", () => {
    const text = JSON.stringify({
      openapi: "3.1.0",
      info: { title: "t", version: "1" },
      paths: {
        "/x/{id}": {
          post: {
            operationId: "postX",
            parameters: [
              { name: "id", in: "path", required: true, schema: INT64 },
              { name: "since", in: "query", schema: DATE_TIME },
              { name: "__proto__", in: "header", schema: INT64 },
            ],
            requestBody: {
              content: {
                "application/json": { schema: { type: "array", items: INT64 } },
              },
            },
            responses: { "204": { description: "none" } },
          },
        },
      },
    });
    const model = loadModel([{ file: "t.json", text }], {
      scalars: { dates: "Date", int64: "number" },
    });
    const op = scalarPlans(model)?.operations["postX"];
    expect(op).toEqual({ query: { since: { s: "t" } } });
    const both = scalarPlans(model, { dates: "Date", int64: "bigint" })
      ?.operations["postX"];
    expect(both?.path).toEqual({ id: { i: 1 } });
    expect(Object.getOwnPropertyNames(both?.headers)).toEqual(["__proto__"]);
    expect(both?.body).toEqual({ e: { i: 1 } });
    expect(both?.lossless).toBe(1);
  });
});
