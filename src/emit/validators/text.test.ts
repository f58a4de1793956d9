import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { memberSegment, pointerSegment } from "./text.js";

describe("memberSegment", () => {
  it('is "/" and the name as a pointer segment (RFC 6901 escapes)', () => {
    expect(memberSegment("avatar_url")).toBe("/avatar_url");
    expect(memberSegment("a/b~c")).toBe("/a~1b~0c");
    expect(memberSegment("")).toBe("/");
    fc.assert(
      fc.property(fc.string(), (name) => {
        expect(memberSegment(name)).toBe("/" + pointerSegment(name));
        // asked again (now from the cache): the same text
        expect(memberSegment(name)).toBe("/" + pointerSegment(name));
      }),
    );
  });
});
