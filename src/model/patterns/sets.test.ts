import { describe, expect, it, vi } from "vitest";
import {
  charSet,
  intersection,
  NON_ASCII,
  patternTree,
  type CodePoints,
  type PatternChar,
} from "./sets.js";

/** Whether `set` holds the code point `c` (a binary search of its ranges). */
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

const ASCII = Array.from({ length: 0x80 }, (_, c) => c);

/** Every BMP code point and a spread of astral ones. */
const POINTS = [
  ...Array.from({ length: 0x10000 }, (_, c) => c),
  ...Array.from({ length: 4096 }, (_, k) => 0x10000 + k * 255),
  0x10ffff,
];

/*
 * The fast path (ambiguity.ts) is sound only if each set is exact, or larger: a set
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
    // a sequence of one character
    const tree = patternTree(source);
    const item = tree?.t === "seq" ? tree.items[0] : undefined;
    expect(tree?.t === "seq" && tree.items.length).toBe(1);
    expect(["char", "class", "escape", "dot"]).toContain(item?.t);
    const set = charSet(item as PatternChar);
    const re = new RegExp(`^(?:${source})$`, "u");
    const wrong = POINTS.filter(
      (c) => holds(set, c) !== re.test(String.fromCodePoint(c)),
    );
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it("does not read backreferences", () => {
    for (const source of ["(a)\\1", "\\k<n>(?<n>a)"])
      expect(patternTree(source), source).toBeUndefined();
  });

  it("reads lookaround as a node of its own, its body a tree", () => {
    expect(patternTree("(?<!a)b")).toEqual({
      t: "seq",
      items: [
        {
          t: "look",
          behind: true,
          negative: true,
          node: { t: "seq", items: [{ t: "char", c: 97 }] },
        },
        { t: "char", c: 98 },
      ],
    });
  });
});

/*
 * A set holding `\p{…}` is exact on
 * ASCII and every code point past it: a set as large as any engine's, whatever its Unicode
 * version, and the same on every machine (sets.ts, patternTree). A set larger than
 * V8's only adds paths, which that check may.
 */
describe("a pattern's Unicode property sets", () => {
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
    "[^\\P{L}\\P{Nd}]",
    "[\\p{Lu}\\u{E9}-\\u{FF}]",
  ])(
    "%s is what V8 matches with `u` on ASCII, and every code point past it",
    (source) => {
      const tree = patternTree(source);
      const item = tree?.t === "seq" ? tree.items[0] : undefined;
      expect(["class", "property"]).toContain(item?.t);
      const set = charSet(item as PatternChar);
      const re = new RegExp(`^(?:${source})$`, "u");
      const wrong = ASCII.filter(
        (c) => holds(set, c) !== re.test(String.fromCharCode(c)),
      );
      expect(wrong).toEqual([]);
      expect(intersection(set, NON_ASCII)).toEqual([0x80, 0x10ffff]);
    },
  );

  // determinism: what the engine answers past ASCII differs between Unicode versions, and the
  // read never asks it (the sets above hold every code point past ASCII, asked or not)
  it("asks the engine about ASCII characters only", () => {
    const test = vi.spyOn(RegExp.prototype, "test");
    const sources = [
      "^(\\p{L}{1,50}[0-9]){0,50}$",
      "^([^\\p{L}]|[\\u{31350}-\\u{323AF}]){20}$",
      "^(\\p{sc=Han}|[à-ÿ]|\\P{scx=Grek}){20}$",
      "^[^\\P{Alphabetic}\\p{Extended_Pictographic}\\p{Nd}]{1,3}$",
    ];
    const trees = sources.map((source) => patternTree(source));
    const asked = test.mock.calls.filter((_, i) =>
      (test.mock.contexts[i] as RegExp).source.includes("\\p{"),
    );
    test.mockRestore();
    expect(trees.every((tree) => tree !== undefined)).toBe(true);
    expect(asked.length).toBeGreaterThanOrEqual(7 * 128);
    expect(asked.filter(([text]) => !/^[\0-\x7f]$/.test(text))).toEqual([]);
  });

  it("gives up on a property the engine does not know (a pattern that compiled has none)", () => {
    // the reader is given what no RegExp compiles: it does not guess a set
    expect(patternTree("\\p{Bogus}")).toBeUndefined();
    expect(patternTree("[^\\p{Bogus}a]")).toBeUndefined();
  });
});
