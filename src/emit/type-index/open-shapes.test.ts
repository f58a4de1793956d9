import { describe, expect, test } from "vitest";
import type { Schema } from "../../model/types.js";
import { printType } from "./type-index.js";
import { schemaToType } from "./schema-to-type.js";

/*
 * Shapes that stay open where the schema admits more than its named members or items: a value
 * ajv accepts must compile as the type (a held-out hunt found these two refused).
 */
const naming = { refName: (name: string) => name, schemas: {} };

const cases: [string, { given: Schema; want: string }][] = [
  [
    // ajv accepts { "x-owner": "ops" }: without an index signature tsc refuses it (TS2559, and
    // as a literal TS2353), whether additionalProperties is absent or false
    "patternProperties beside properties give an index signature",
    {
      given: {
        type: "object",
        properties: { a: { type: "string" } },
        patternProperties: { "^x-": { type: "string" } },
        additionalProperties: false,
      },
      want: "{\n  a?: string;\n  [key: string]: unknown;\n}",
    },
  ],
  [
    "patternProperties beside a required member only",
    {
      given: {
        type: "object",
        required: ["id"],
        patternProperties: { "^x-": { type: "string" } },
      },
      want: "{\n  id: {} | null;\n  [key: string]: unknown;\n}",
    },
  ],
  [
    // ajv accepts ["a", 1]: only `false` (or `{not: {}}`) closes the tuple
    "a tuple's rest under `not` of one type stays open",
    {
      given: {
        type: "array",
        prefixItems: [{ type: "string" }],
        items: { not: { type: "string" } },
      },
      want: "[string?, ...unknown[]]",
    },
  ],
  [
    "a tuple's rest `{not: {}}` closes it",
    {
      given: {
        type: "array",
        prefixItems: [{ type: "string" }],
        items: { not: {} },
      },
      want: "[string?]",
    },
  ],
];

describe("schemaToType leaves open what the schema leaves open", () => {
  test.each(cases)("%s", (_name, { given, want }) => {
    expect(printType(schemaToType(given, naming, "read"))).toBe(want);
  });
});
