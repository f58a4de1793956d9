import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pointerSegment, ValidatorTexts } from "./text.js";

const texts = new ValidatorTexts();
const memberSegment = (name: string) => texts.memberSegment(name);
const joinedLiteral = (prefix: string, segment: string) =>
  texts.joinedLiteral(prefix, segment);
const stringLiteral = (text: string) => texts.stringLiteral(text);

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

describe("joinedLiteral", () => {
  it("is the literal of the prefix and the segment joined", () => {
    expect(joinedLiteral("", "/id")).toBe('"/id"');
    expect(joinedLiteral("/owner", memberSegment("a/b"))).toBe('"/owner/a~1b"');
    // the quote the whole text asks for, not each part's
    expect(joinedLiteral('/say "hi"', "/it's")).toBe(`'/say "hi"/it\\'s'`);
    const text = fc.oneof(
      fc.string(),
      fc.constantFrom('"', "'", "~", "/", "\\", "\n", "日本", "\u2028"),
    );
    const prefix = fc
      .array(text, { maxLength: 3 })
      .map((names) => names.map(memberSegment).join(""));
    fc.assert(
      fc.property(prefix, text, (t, name) => {
        const segment = memberSegment(name);
        const expected = stringLiteral(t + segment);
        expect(joinedLiteral(t, segment)).toBe(expected);
        // asked again (now from the cache): the same text
        expect(joinedLiteral(t, segment)).toBe(expected);
      }),
    );
  });
});
