import { describe, expect, it } from "vitest";
import { sampleValue } from "./sample.js";
import { schemaLabel } from "./schema-label.js";
import type { Schema } from "../../model/types.js";

// The docs say what types.ts says: a schema without `type` has the type its keywords imply
// (src/model/schema.ts effectiveTypes), e.g. `items` alone is an array; a Swagger 2.0 tuple
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
