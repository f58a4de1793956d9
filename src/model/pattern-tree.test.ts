import { describe, expect, it } from "vitest";
import { patternTree, type CodePoints } from "./pattern-tree.js";

/** Whether `set` holds the code point `c`. */
function holds(set: CodePoints, c: number): boolean {
  for (let i = 0; i < set.length; i += 2)
    if (set[i]! <= c && c <= set[i + 1]!) return true;
  return false;
}

/** Every BMP code point and a spread of astral ones. */
const POINTS = [
  ...Array.from({ length: 0x10000 }, (_, c) => c),
  ...Array.from({ length: 4096 }, (_, k) => 0x10000 + k * 255),
  0x10ffff,
];

/*
 * The fast path (pattern-ambiguity.ts) is sound only if each set is exact, or larger: a set
 * smaller than V8's could hide two positions sharing a character. V8's RegExp is the oracle.
 */
describe("a pattern's character sets", () => {
  it.each([
    "\\d",
    "\\D",
    "\\w",
    "\\W",
    "\\s",
    "\\S",
    ".",
    "[^a-z\\d]",
    "[\\-a_]",
    "[\\u{1F600}-\\u{1F64F}x]",
    "[\\x41-\\x5A\\t]",
    "[^]",
    "[]",
    "\\uD83D\\uDE00",
    "\\cJ",
    "\\0",
    "[\\b\\cA-\\cC]",
  ])("%s holds what V8 matches with `u`", (source) => {
    // a sequence of one set
    const tree = patternTree(source);
    const item = tree?.t === "seq" ? tree.items[0] : undefined;
    expect(tree?.t === "seq" && tree.items.length).toBe(1);
    expect(item?.t).toBe("set");
    const set = (item as { set: CodePoints }).set;
    const re = new RegExp(`^(?:${source})$`, "u");
    const wrong = POINTS.filter(
      (c) => holds(set, c) !== re.test(String.fromCodePoint(c)),
    );
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it("leaves to recheck what it does not read", () => {
    for (const source of [
      "\\p{L}",
      "[\\P{L}a]",
      "(?=a)",
      "(a)\\1",
      "\\k<n>(?<n>a)",
    ])
      expect(patternTree(source), source).toBeUndefined();
  });
});
