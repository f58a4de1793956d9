import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { namesDiffer } from "./merge-content.js";
import { canonicalJson } from "./rank.js";
import type { Example } from "../types.js";

describe("namesDiffer", () => {
  it("is true only for examples no two of which print alike (the dedupe may skip them)", () => {
    const example = fc.record(
      {
        name: fc.constantFrom<string | undefined>("a", "b", "", undefined),
        summary: fc.constantFrom("s", "t"),
        value: fc.constantFrom<unknown>(1, { x: 1 }, null),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.array(example, { maxLength: 5 }), (examples) => {
        const list = examples as Example[];
        if (!namesDiffer(list)) return;
        const printed = list.map((e) => canonicalJson(e));
        expect(new Set(printed).size).toBe(printed.length);
      }),
      { numRuns: 2000 },
    );
    expect(namesDiffer([{ name: "a" }, { value: 1 }, { name: "b" }])).toBe(
      true,
    );
    expect(namesDiffer([{ value: 1 }, { value: 1 }])).toBe(false);
  });
});
