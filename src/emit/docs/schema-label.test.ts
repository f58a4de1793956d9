import { describe, expect, it } from "vitest";
import { sampleValue } from "../shared/sample.js";
import { schemaLabel } from "./schemas-view.js";
import type { Schema } from "../../model/types.js";

// The docs say what types.ts says: a schema without `type` has the type its keywords imply
// (src/model/schema/schema.ts effectiveTypes), e.g. `items` alone is an array; a Swagger 2.0 tuple
// (`items: [...]`, read as prefixItems) without `type` admits any value, as `unknown` in types.ts.
describe("docs labels and samples use the schema's effective types", () => {
  it.each<[Schema, string]>([
    [{ prefixItems: [{ type: "string" }] }, "any"],
    [{ type: "array", prefixItems: [{ type: "string" }] }, "array"],
    [{ items: { type: "integer" } }, "array<integer>"],
    [{ additionalProperties: { type: "string" } }, "object"],
    [{ type: ["string", "null"] }, "string | null"],
    [{}, "any"],
  ])("%j is labelled %s", (schema, label) => {
    expect(schemaLabel(schema)).toBe(label);
  });

  it.each<[Schema, unknown]>([
    [{ items: { type: "integer" } }, [0]],
    [{ additionalProperties: { type: "string" } }, {}],
    [{ type: ["null", "boolean"] }, true],
    [{ type: ["null"] }, null],
  ])("%j is sampled as %j", (schema, value) => {
    expect(sampleValue(schema, {})).toEqual(value);
  });
});

describe("schemaLabel of one type is that type's part of a list's label", () => {
  it.each<Schema>([
    { type: "string" },
    { type: "string", format: "date-time" },
    { type: "integer", format: "int64" },
    { type: "array", items: { type: "number" } },
    { type: "array" },
    { type: "object" },
    { type: "boolean" },
  ])("%j", (schema) => {
    const one = schemaLabel(schema);
    // null takes no format
    expect(
      schemaLabel({ ...schema, type: [schema.type, "null"] } as Schema),
    ).toBe(`${one} | null`);
    expect(
      schemaLabel({ ...schema, type: ["null", schema.type] } as Schema),
    ).toBe(`null | ${one}`);
  });

  it("the compositions are read in order, oneOf first", () => {
    const [a, b] = [{ type: "string" }, { type: "number" }] as Schema[];
    expect(schemaLabel({ oneOf: [a!], anyOf: [b!] })).toBe("string");
    expect(schemaLabel({ anyOf: [a!, b!], allOf: [b!] })).toBe(
      "string | number",
    );
    expect(schemaLabel({ allOf: [a!, b!] })).toBe("string & number");
  });
});
