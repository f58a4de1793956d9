import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { declaredTypes } from "../../model/schema/schema.js";
import type { Schema } from "../../model/types.js";
import { checkedTypes } from "./values.js";

/** checkedTypes as first written, over the whole list every time: the oracle. */
function reference(s: Schema): string[] {
  const types = declaredTypes(s);
  const kept = types.includes("number")
    ? types.filter((t) => t !== "integer")
    : types;
  return [...new Set(kept)];
}

const typeName = fc.constantFrom(
  "string",
  "number",
  "integer",
  "boolean",
  "null",
  "array",
  "object",
  "",
  "float",
  "__proto__",
  "constructor",
  "toString",
);

describe("checkedTypes", () => {
  it("gives what the whole-list rule gives, for any `type`", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.constant(undefined),
          typeName,
          fc.array(typeName, { maxLength: 5 }),
          fc.anything(),
        ),
        (type) => {
          const s = (type === undefined ? {} : { type }) as Schema;
          expect([...checkedTypes(s)]).toEqual(reference(s));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("shares one frozen list per single type (callers only read it)", () => {
    const a = checkedTypes({ type: "string" });
    expect(a).toBe(checkedTypes({ type: "string" }));
    expect(Object.isFrozen(a)).toBe(true);
    expect(Object.isFrozen(checkedTypes({}))).toBe(true);
  });
});
