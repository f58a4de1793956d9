import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  declaredTypes,
  effectiveTypes,
  SCHEMA_TYPES,
  schemaValues,
} from "./schema.js";
import type { Schema, SchemaType } from "./types.js";

/** declaredTypes and effectiveTypes as they were before their short ways (the oracle). */
function declaredBefore(schema: Schema | undefined): SchemaType[] {
  const type = schema?.type;
  const list: unknown[] = Array.isArray(type) ? type : type ? [type] : [];
  return list.filter((t): t is SchemaType => SCHEMA_TYPES.has(t as string));
}
function effectiveBefore(schema: Schema | undefined): SchemaType[] {
  if (!schema || typeof schema !== "object") return [];
  const declared = declaredBefore(schema);
  if (declared.length > 0) return declared;
  const out: SchemaType[] = [];
  const has = (k: string) =>
    (schema as Record<string, unknown>)[k] !== undefined;
  if (["properties", "additionalProperties", "patternProperties"].some(has))
    out.push("object");
  if (has("items")) out.push("array");
  if (out.length > 0) return out;
  const values = schemaValues(schema);
  if (!values || values.length === 0) return [];
  const found = new Set<SchemaType>();
  const numbers = values.filter((v) => typeof v === "number");
  for (const v of values)
    if (typeof v === "string") found.add("string");
    else if (typeof v === "boolean") found.add("boolean");
    else if (v === null) found.add("null");
    else if (Array.isArray(v)) found.add("array");
    else if (typeof v === "object") found.add("object");
  if (numbers.length > 0)
    found.add(numbers.every((v) => Number.isInteger(v)) ? "integer" : "number");
  return [...SCHEMA_TYPES].filter((t): t is SchemaType =>
    found.has(t as SchemaType),
  );
}

const schema = fc
  .record(
    {
      $ref: fc.constantFrom<unknown>("#/components/schemas/A", 7),
      type: fc.constantFrom<unknown>(
        "string",
        "null",
        "file",
        "",
        5,
        ["integer", "null"],
        ["bogus"],
        [],
      ),
      properties: fc.constant({ a: {} }),
      items: fc.constant({}),
      enum: fc.constantFrom<unknown>(["a", 1, null], [1.5], "x"),
      const: fc.constantFrom<unknown>(true, undefined),
      description: fc.constant("d"),
    },
    { requiredKeys: [] },
  )
  .map((s) => s as Schema);

describe("a schema's types", () => {
  it("are what they were before the short ways for one type and for a reference alone", () => {
    fc.assert(
      fc.property(fc.option(schema, { nil: undefined }), (s) => {
        expect(declaredTypes(s)).toEqual(declaredBefore(s));
        expect(effectiveTypes(s)).toEqual(effectiveBefore(s));
      }),
      { numRuns: 2000 },
    );
  });
});
