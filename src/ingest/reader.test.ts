import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extensionsOf } from "./reader.js";

describe("extensionsOf", () => {
  it("keeps the x- members, in source order, like filtering every entry", () => {
    const key = fc.oneof(
      fc.constantFrom(
        "x-",
        "x-a",
        "x",
        "X-a",
        "xa",
        "-x",
        "__proto__",
        "x-__proto__",
      ),
      fc.string({ maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.dictionary(key, fc.integer()), (value) => {
        const expected = Object.fromEntries(
          Object.entries(value).filter(([k]) => k.startsWith("x-")),
        );
        const found = extensionsOf(value);
        expect(Object.keys(found)).toEqual(Object.keys(expected));
        expect(found).toEqual(expected);
      }),
    );
  });

  it("is a new object even when there is none", () => {
    const value = { type: "string" };
    const found = extensionsOf(value);
    expect(found).toEqual({});
    expect(found).not.toBe(value);
  });
});
