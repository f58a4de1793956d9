import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  admitsEvery,
  admitsType,
  declaredTypes,
  effectiveTypes,
  SCHEMA_TYPES,
  schemaValues,
} from "./schema.js";
import type { NamedSchema, Schema, SchemaType } from "../types.js";

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

describe("admitsType: whether a value of a type may pass a schema", () => {
  const named = (name: string, schema: Schema): [string, NamedSchema] => [
    name,
    { name, schema, sources: [] },
  ];
  const schemas = Object.fromEntries([
    named("Note", { type: "object", properties: { text: {} } }),
    named("Text", { type: "string", maxLength: 10 }),
    named("Loop", { $ref: "#/components/schemas/Loop" }),
    named("Any", { description: "no type" }),
  ]);
  const ref = (name: string): Schema => ({
    $ref: `#/components/schemas/${name}`,
  });
  const admitsString = (s: Schema | boolean | undefined) =>
    admitsType(schemas, s, "string");

  it("is false only when the types rule it out", () => {
    // what says nothing of types admits a string
    expect(admitsString(undefined)).toBe(true);
    expect(admitsString(true)).toBe(true);
    expect(admitsString({})).toBe(true);
    expect(admitsString(ref("Any"))).toBe(true);
    expect(admitsString(ref("Loop"))).toBe(true);
    expect(admitsString(ref("Missing"))).toBe(true);
    expect(admitsString({ not: { type: "string" } })).toBe(true);
    expect(admitsString({ type: ["object", "string"] })).toBe(true);
    expect(admitsString(ref("Text"))).toBe(true);
    expect(admitsString({ enum: ["a", 1] })).toBe(true);
    expect(admitsString({ anyOf: [ref("Note"), ref("Text")] })).toBe(true);
    // what rules it out
    expect(admitsString(false)).toBe(false);
    expect(admitsString({ type: "object" })).toBe(false);
    expect(admitsString({ properties: { text: {} } })).toBe(false);
    expect(admitsString({ enum: [1, null] })).toBe(false);
    expect(admitsString(ref("Note"))).toBe(false);
    expect(admitsString({ allOf: [{}, ref("Note")] })).toBe(false);
    expect(admitsString({ oneOf: [ref("Note"), { type: "array" }] })).toBe(
      false,
    );
    expect(
      admitsString({ $ref: "#/components/schemas/Note", type: "string" }),
    ).toBe(false);
  });

  it("counts integers among numbers, and numbers among integers", () => {
    expect(admitsType(schemas, { type: "number" }, "integer")).toBe(true);
    expect(admitsType(schemas, { type: "integer" }, "number")).toBe(true);
    expect(admitsType(schemas, { type: "integer" }, "boolean")).toBe(false);
  });
});

describe("admitsEvery: whether every value of a type passes a schema", () => {
  const schemas = {
    Text: {
      name: "Text",
      schema: { type: "string", description: "any" } as Schema,
      sources: [],
    },
    Short: {
      name: "Short",
      schema: { type: "string", maxLength: 10 } as Schema,
      sources: [],
    },
  };
  const every = (s: Schema | boolean | undefined) =>
    admitsEvery(schemas, s, "string");

  it("is true for a schema that says nothing but the type", () => {
    expect(every(undefined)).toBe(true);
    expect(every(true)).toBe(true);
    expect(every({})).toBe(true);
    expect(every({ type: "string", title: "t" })).toBe(true);
    expect(every({ type: ["string", "null"] })).toBe(true);
    expect(every({ $ref: "#/components/schemas/Text" })).toBe(true);
  });

  it("is false for a constraint, another type, or what it cannot resolve", () => {
    expect(every(false)).toBe(false);
    expect(every({ type: "string", maxLength: 10 })).toBe(false);
    expect(every({ type: "string", format: "email" })).toBe(false);
    expect(every({ type: "object" })).toBe(false);
    expect(every({ enum: ["a"] })).toBe(false);
    expect(every({ $ref: "#/components/schemas/Short" })).toBe(false);
    expect(every({ $ref: "#/components/schemas/Missing" })).toBe(false);
  });
});
