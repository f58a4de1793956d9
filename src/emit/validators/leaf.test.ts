import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ENUM_CHECKS, LEAF_CHECKS, leafCheck } from "./leaf.js";

describe("leafCheck", () => {
  it("is the table's check of the types joined with commas, for any type list", () => {
    const type = fc.constantFrom(
      "string",
      "integer",
      "number",
      "boolean",
      "null",
      "object",
      "array",
      "strin",
    );
    fc.assert(
      fc.property(fc.array(type, { maxLength: 4 }), (types) => {
        for (const table of [LEAF_CHECKS, ENUM_CHECKS])
          expect(leafCheck(table, types)).toBe(table.get(types.join(",")));
      }),
      { numRuns: 2000 },
    );
    expect(leafCheck(LEAF_CHECKS, ["integer", "null"])).toBe("r.integerOrNull");
  });
});
