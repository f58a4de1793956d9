import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { NamedSchema, Schema } from "../../model/types.js";
import { ARRAY_KEYWORDS } from "./arrays.js";
import { familiesOf } from "./body.js";
import { COMPOSITION_KEYWORDS } from "./composition.js";
import { patternGuard } from "../../model/pattern-safety.js";
import { ValidatorModule } from "./module.js";
import { NUMBER_KEYWORDS } from "./numbers.js";
import { OBJECT_KEYWORDS } from "./objects.js";
import { STRING_KEYWORDS } from "./strings.js";
import { VALUE_KEYWORDS } from "./values.js";

/** The families in the order body.ts gives them bits. */
const LISTS: readonly (readonly string[])[] = [
  ["$ref"],
  ["type"],
  VALUE_KEYWORDS,
  STRING_KEYWORDS,
  NUMBER_KEYWORDS,
  OBJECT_KEYWORDS,
  ARRAY_KEYWORDS,
  COMPOSITION_KEYWORDS,
];

describe("familiesOf", () => {
  it("has a family's bit exactly when the schema has one of its keywords", () => {
    const key = fc.oneof(
      fc.constantFrom(...LISTS.flat()),
      fc.constantFrom("title", "then", "additionalItems", "__proto__"),
      fc.string({ maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.uniqueArray(key, { maxLength: 8 }), (keys) => {
        const s: Record<string, unknown> = {};
        for (const k of keys)
          Object.defineProperty(s, k, {
            value: 1,
            enumerable: true,
            writable: true,
            configurable: true,
          });
        let bits = 0;
        LISTS.forEach((list, i) => {
          if (list.some((k) => Object.hasOwn(s, k))) bits |= 1 << i;
        });
        expect(familiesOf(s as Schema)).toBe(bits);
      }),
      { numRuns: 1000 },
    );
  });

  // a keyword missing from its family's list would be skipped: each is checked alone
  const F: NamedSchema = { name: "F", schema: {}, sources: [] };
  const alone: Record<string, unknown> = {
    $ref: "#/components/schemas/F",
    type: "string",
    enum: [1, 2],
    const: 1,
    minLength: 2,
    maxLength: 2,
    pattern: "^a$",
    format: "email",
    minimum: 1,
    exclusiveMinimum: 1,
    maximum: 1,
    exclusiveMaximum: 1,
    multipleOf: 2,
    required: ["a"],
    minProperties: 1,
    maxProperties: 1,
    dependentRequired: { a: ["b"] },
    dependentSchemas: { a: { required: ["b"] } },
    properties: { a: { type: "string" } },
    patternProperties: { "^a": { type: "string" } },
    additionalProperties: false,
    propertyNames: { maxLength: 3 },
    minItems: 1,
    maxItems: 1,
    uniqueItems: true,
    prefixItems: [{ type: "string" }],
    items: { type: "string" },
    contains: { type: "string" },
    allOf: [{ type: "string" }],
    anyOf: [{ type: "string" }, { type: "number" }],
    oneOf: [{ type: "string" }, { type: "number" }],
    not: { type: "string" },
    if: { type: "string" },
  };

  // the model's verdicts on the two patterns above (the reading decides them)
  const patterns = new Map(["^a$", "^a"].map((p) => [p, patternGuard(p)]));

  it.each(Object.keys(alone))("compiles a check of %s alone", (keyword) => {
    const mod = new ValidatorModule({ schemas: { F }, patterns }, (t) =>
      t === F ? "checkF" : undefined,
    );
    const schema = { [keyword]: alone[keyword] } as Schema;
    if (keyword === "if") Object.assign(schema, { then: { minLength: 1 } });
    mod.addFunction("f", schema, false);
    const code = mod.finish().parts.at(-1)!;
    expect(code).toMatch(/\{\n {2}\S/);
  });
});
