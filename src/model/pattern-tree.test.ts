import { describe, expect, it } from "vitest";
import { unassignedPoints } from "./pattern-properties.js";
import { patternTree, type CodePoints } from "./pattern-tree.js";

/** Whether `set` holds the code point `c` (a binary search: a property's set has ~1,000 ranges). */
function holds(set: CodePoints, c: number): boolean {
  let lo = 0;
  let hi = set.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (c < set[2 * mid]!) hi = mid - 1;
    else if (c > set[2 * mid + 1]!) lo = mid + 1;
    else return true;
  }
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

/*
 * Loose (pattern-ambiguity.ts's counted-repetition check), `\p{…}` is its code points in V8
 * and every code point V8's Unicode leaves unassigned, which another version may give the
 * property or take out of `\P{…}`: a set larger than V8's only adds paths, which that check
 * may (pattern-tree.ts, patternTree).
 */
describe("a pattern's Unicode property sets, read loosely", () => {
  it.each([
    "\\p{L}",
    "\\P{L}",
    "\\p{Script=Greek}",
    "\\P{scx=Latn}",
    "[\\p{L}\\d]",
    "[^\\p{L}]",
    "[^\\p{L}\\d_]",
    "[\\P{Lu}a-c]",
    "[\\p{Cn}x]",
    "[^\\P{Alphabetic}]",
  ])(
    "%s holds what V8 matches with `u`, and every unassigned code point",
    (source) => {
      const tree = patternTree(source, "u", true);
      const item = tree?.t === "seq" ? tree.items[0] : undefined;
      expect(item?.t).toBe("set");
      const set = (item as { set: CodePoints }).set;
      const unassigned = unassignedPoints();
      const re = new RegExp(`^(?:${source})$`, "u");
      const wrong = POINTS.filter(
        (c) =>
          holds(set, c) !==
          (holds(unassigned, c) || re.test(String.fromCodePoint(c))),
      );
      expect(wrong.slice(0, 5)).toEqual([]);
    },
  );

  it("gives up on a property the engine does not know (a pattern that compiled has none)", () => {
    // the reader is given what no RegExp compiles: loose, it does not guess a set
    expect(patternTree("\\p{Bogus}", "u", true)).toBeUndefined();
    expect(patternTree("[^\\p{Bogus}a]", "u", true)).toBeUndefined();
  });
});
