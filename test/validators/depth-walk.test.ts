import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deeperThan } from "../../templates/validators/runtime.js";

/*
 * The validators' depth walk (templates/validators/runtime.ts `deeperThan`) skips `Object.hasOwn`
 * for plain objects while Object.prototype has no enumerable property. Its answer must be the
 * one a walk of own enumerable members gives, for objects of every prototype, with and without
 * a polluted Object.prototype.
 */
function depth(value: unknown): number {
  if (typeof value !== "object" || value === null) return 0;
  const items = Array.isArray(value)
    ? value
    : Object.keys(value).map((k) => (value as Record<string, unknown>)[k]);
  return 1 + Math.max(0, ...items.map(depth));
}

class Box {
  constructor(readonly inner: unknown) {}
}
Object.defineProperty(Box.prototype, "shared", {
  value: [[[[[]]]]],
  enumerable: true,
});

/** Values nested up to ~12 deep: arrays, JSON-made objects, null-prototype objects, class instances. */
const nested = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.integer(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 3 }), tie("value"), { maxKeys: 3 }),
    fc
      .dictionary(fc.string({ maxLength: 3 }), tie("value"), { maxKeys: 3 })
      .map((d) => Object.assign(Object.create(null) as object, d)),
    tie("value").map((v) => new Box(v)),
  ),
})).value;

describe("deeperThan", () => {
  it("answers as a walk of own members, whatever the prototypes, at every limit", () => {
    fc.assert(
      fc.property(nested, fc.integer({ min: 0, max: 14 }), (value, limit) => {
        expect(deeperThan(value, limit)).toBe(depth(value) > limit);
      }),
      { numRuns: 2000 },
    );
  });

  it("does not count what a polluted Object.prototype holds", () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto["polluted"] = [[[[[[[[[[]]]]]]]]]];
    try {
      fc.assert(
        fc.property(nested, fc.integer({ min: 0, max: 14 }), (value, limit) => {
          expect(deeperThan(value, limit)).toBe(depth(value) > limit);
        }),
        { numRuns: 500 },
      );
      expect(deeperThan(JSON.parse('{"a":1}'), 1)).toBe(false);
    } finally {
      delete proto["polluted"];
    }
  });
});
