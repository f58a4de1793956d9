import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Schema, SchemaType } from "../../model/types.js";
import { makeNullable, nullableOwn } from "./dialect-rules.js";
import { ingestTexts } from "../index.js";

/** makeNullable as it was before nullableOwn: `null` added in a copy made by spreading. */
function spreadNullable(schema: Schema): Schema {
  if (schema.type !== undefined && schema.$ref === undefined) {
    const types: SchemaType[] = Array.isArray(schema.type)
      ? [...schema.type]
      : [schema.type];
    if (!types.includes("null")) types.push("null");
    const out: Schema = { ...schema, type: types };
    if (Array.isArray(schema.enum) && !schema.enum.includes(null))
      out.enum = [...schema.enum, null];
    return out;
  }
  return { anyOf: [schema, { type: "null" }] };
}

/** Schemas with a type or not, a type list with `null` or not, an enum, a `$ref`, in any order. */
const schema = fc
  .record(
    {
      description: fc.constant("d"),
      type: fc.constantFrom<unknown>("string", ["integer", "null"], ["number"]),
      enum: fc.constantFrom<unknown>(["a"], ["a", null], "x"),
      $ref: fc.constant("#/components/schemas/A"),
      format: fc.constant("date"),
    },
    { requiredKeys: [] },
  )
  .chain((s) =>
    fc
      .shuffledSubarray(Object.keys(s), { minLength: Object.keys(s).length })
      .map((keys) => {
        const out: Record<string, unknown> = {};
        for (const key of keys) out[key] = (s as Record<string, unknown>)[key];
        return out as Schema;
      }),
  );

describe("adding null to a schema", () => {
  it("in place, to a copy the caller holds, gives what a spread copy gave, key order included", () => {
    fc.assert(
      fc.property(schema, (s) => {
        const want = JSON.stringify(spreadNullable(s));
        const before = JSON.stringify(s);
        expect(JSON.stringify(makeNullable(s))).toBe(want);
        expect(JSON.stringify(s)).toBe(before);
        expect(JSON.stringify(nullableOwn({ ...s }))).toBe(want);
      }),
      { numRuns: 500 },
    );
  });
});

describe("the name of a schema a $ref reaches inside another object", () => {
  it("comes from the nearest key that names something, or the operation, never the file", () => {
    const json = "application/json";
    const spec = {
      openapi: "3.0.3",
      info: { title: "t", version: "1" },
      paths: {
        "/pets/{id}": {
          get: {
            parameters: [{ $ref: "#/components/parameters/petId" }],
            responses: {
              "200": {
                description: "ok",
                content: { [json]: { schema: { type: "object" } } },
              },
            },
          },
        },
        "/owners": {
          get: {
            responses: {
              "200": {
                description: "ok",
                content: {
                  [json]: {
                    schema: {
                      type: "object",
                      properties: {
                        id: { $ref: "#/components/parameters/petId/schema" },
                        tag: { $ref: "#/components/schemas/Tags/items" },
                        pet: {
                          $ref: "#/paths/~1pets~1%7Bid%7D/get/responses/200/content/application~1json/schema",
                        },
                        first: { $ref: "#/components/schemas/Named/allOf/0" },
                        box: {
                          $ref: "#/components/schemas/Named/properties/items",
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
      components: {
        parameters: {
          petId: {
            name: "id",
            in: "path",
            required: true,
            schema: { type: "string" },
          },
        },
        schemas: {
          Tags: { type: "array", items: { type: "string" } },
          Named: {
            allOf: [{ type: "object" }],
            properties: { items: { type: "integer" } },
          },
        },
      },
    };
    const { documents } = ingestTexts([
      { file: "spec.json", text: JSON.stringify(spec) },
    ]);
    expect(Object.keys(documents[0]!.schemas).sort()).toEqual([
      "GetPetsId200Response",
      "Named",
      "Named2",
      "NamedItems",
      "Tags",
      "TagsItem",
      "petId",
    ]);
  });
});
