import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { propertyPoints, unassignedPoints } from "./pattern-properties.js";
import { complement, type CodePoints } from "./pattern-tree.js";

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

/**
 * General categories, scripts (`sc`, `scx`, long and short names) and binary properties: each
 * costs a scan of every code point (~20-40 ms), so a few of each kind.
 */
const NAMES = [
  "L",
  "Lu",
  "Nd",
  "Cs",
  "Co",
  "Cn",
  "gc=Lo",
  "Script=Latin",
  "sc=Grek",
  "scx=Latn",
  "Script_Extensions=Cyrillic",
  "scx=Hira",
  "Alphabetic",
  "White_Space",
  "Extended_Pictographic",
  "Any",
  "Noncharacter_Code_Point",
];

/** V8's own answer, one RegExp a property and sign. */
const oracles = new Map<string, RegExp>();
function v8(escape: string, c: number): boolean {
  let re = oracles.get(escape);
  if (re === undefined)
    oracles.set(escape, (re = new RegExp(`^${escape}$`, "u")));
  return re.test(String.fromCodePoint(c));
}

/** Any code point, and more often the BMP, the surrogates and the first planes' edges. */
const codePoint = fc.oneof(
  fc.integer({ min: 0, max: 0x10ffff }),
  fc.integer({ min: 0, max: 0xffff }),
  fc.integer({ min: 0xd700, max: 0xe100 }),
  fc.integer({ min: 0xfff0, max: 0x10100 }),
  fc.integer({ min: 0x10ff00, max: 0x10ffff }),
);

/*
 * pattern-tree.ts reads `\p{…}` as these sets (and `\P{…}` as their complements) for the
 * counted-repetition check, which is sound only if each set holds all V8 matches. V8's RegExp
 * is the oracle: the set is read off it, so this checks the reading (the runs of code points,
 * the surrogates, the astral planes' two units).
 */
describe("a Unicode property's code points", () => {
  it("are what V8 matches with \\p, their complement what it matches with \\P (random code points)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...NAMES), codePoint, (name, c) => {
        const set = propertyPoints(name)!;
        expect(holds(set, c), `\\p{${name}} ${c.toString(16)}`).toBe(
          v8(`\\p{${name}}`, c),
        );
        expect(holds(complement(set), c), `\\P{${name}} ${c}`).toBe(
          v8(`\\P{${name}}`, c),
        );
      }),
      { numRuns: 5000, seed: 20261126 },
    );
  });

  it.each(NAMES)("\\p{%s} begins and ends each range where V8 does", (name) => {
    const set = propertyPoints(name)!;
    const wrong: string[] = [];
    for (let i = 0; i < set.length; i += 2)
      for (const [c, inside] of [
        [set[i]! - 1, false],
        [set[i]!, true],
        [set[i + 1]!, true],
        [set[i + 1]! + 1, false],
      ] as const)
        if (c >= 0 && c <= 0x10ffff && v8(`\\p{${name}}`, c) !== inside)
          wrong.push(c.toString(16));
    expect(wrong.slice(0, 5)).toEqual([]);
    // sorted, disjoint and not adjacent
    for (let i = 1; i < set.length; i++)
      expect(set[i]! - set[i - 1]!).toBeGreaterThanOrEqual(i % 2 === 0 ? 2 : 0);
  });

  it("reads the ends of the code space and the lone surrogates", () => {
    expect(propertyPoints("Any")).toEqual([0, 0x10ffff]);
    expect(propertyPoints("Cs")).toEqual([0xd800, 0xdfff]);
    expect(propertyPoints("Co")).toEqual([
      0xe000, 0xf8ff, 0xf0000, 0xffffd, 0x100000, 0x10fffd,
    ]);
    expect(unassignedPoints()).toBe(propertyPoints("Cn"));
  });

  it("gives nothing for a name the engine refuses", () => {
    for (const name of ["Bogus", "sc=Nowhere", "", "L}|x", "l"])
      expect(propertyPoints(name), name).toBeUndefined();
  });
});
