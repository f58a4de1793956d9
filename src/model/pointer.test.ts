import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePointer, pointerSegment, toPointer } from "./pointer.js";

/** The escape as RFC 6901 states it, asked afresh each time. */
const escaped = (segment: string) =>
  segment.replace(/~/g, "~0").replace(/\//g, "~1");

describe("pointerSegment", () => {
  it("escapes like the rule asked afresh, the same segment twice in a row or not", () => {
    const segment = fc.stringMatching(/^[a-z~/{}]{0,6}$/);
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 12 }), (segments) => {
        // each segment twice, then all again in reverse: hits and misses of the last escape
        const asked = [
          ...segments.flatMap((s) => [s, s]),
          ...segments.reverse(),
        ];
        for (const s of asked) expect(pointerSegment(s)).toBe(escaped(s));
      }),
    );
  });

  it("reads back through parsePointer", () => {
    const path = ["paths", "/repos/{owner}", "get", "~x/y~"];
    expect(toPointer(path, "#")).toBe("#/paths/~1repos~1{owner}/get/~0x~1y~0");
    expect(parsePointer(toPointer(path, "#"))).toEqual(path);
    expect(toPointer(["a", 3], "#")).toBe("#/a/3");
  });
});
