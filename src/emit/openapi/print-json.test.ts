import fc from "fast-check";
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { LazyMembers, printJsonTo } from "./print-json.js";

/** printJsonTo's text, whole. */
function printJson(value: unknown): string {
  const parts: string[] = [];
  printJsonTo(value, { write: (part) => parts.push(part) });
  return parts.join("");
}

const cases: [string, unknown][] = [
  ["empty containers", { a: {}, b: [], c: [{}, []] }],
  [
    "short arrays on one line",
    { tags: ["List", "Of", "Sites"], mixed: [1, "a", null, true] },
  ],
  [
    "an array that just fits, and one that does not",
    {
      fits: ["123456789012345678901234567890123456789012345678901234567890123"],
      over: [
        "1234567890123456789012345678901234567890123456789012345678901234",
      ],
    },
  ],
  [
    "a comma after the array counts",
    {
      a: [
        "12345678901234567890123456789012345678901234567890123456789012345678",
      ],
      b: 1,
    },
  ],
  [
    // each width from fitting to not, with and without the comma: members printed apart too
    "arrays ending a line near the 80th column",
    Object.fromEntries(
      Array.from({ length: 8 }, (_, i) => {
        const item = "x".repeat(64 + i);
        return [`k${i}`, { a: [item], b: { c: [item], d: 1 }, e: [item] }];
      }),
    ),
  ],
  ["numbers fill lines", { n: Array.from({ length: 40 }, (_, i) => i * 37) }],
  [
    "rows of rows break",
    {
      rows: [
        [1, 2],
        [3, 4],
      ],
      ragged: [[1], [2, 3]],
      deep: [[["a", "b"], ["c"]]],
    },
  ],
  [
    "objects stay expanded, also inside arrays",
    { o: [{ a: 1 }], nested: { x: { y: {} } } },
  ],
  [
    "long strings and wide characters",
    {
      s: "x".repeat(100),
      u: ["日本語日本語日本語日本語日本語日本語日本語日本語日本語", "ab"],
    },
  ],
  ["numbers as prettier writes them", { big: 1e21, small: 1.5e-7, neg: -0.5 }],
  ["escapes", { 'we"ird\nkey': "line\u2028sep</script>" }],
  [
    // members printed apart (depth 1 and 2) and whole (deeper), thousands of them
    "a value printed in many pieces, deep and shallow",
    {
      list: Array.from({ length: 3000 }, (_, i) => ({
        id: i,
        name: `n${i}`,
        deep: { a: { b: { c: [i, "x"] } } },
      })),
      after: [1, 2, 3],
    },
  ],
];

describe("printJson", () => {
  it.each(cases)(
    "lays out %s exactly as prettier does",
    async (_name, value) => {
      const text = printJson(value);
      expect(JSON.parse(text)).toEqual(value);
      expect(text).toBe(await prettier.format(text, { parser: "json" }));
    },
  );

  it("leaves out undefined members like JSON.stringify", () => {
    expect(printJson({ a: undefined, b: [undefined] })).toBe(
      '{\n  "b": [null]\n}\n',
    );
    expect(
      printJson({
        a: 1,
        b: undefined,
        c: { d: undefined, e: [] },
        f: undefined,
      }),
    ).toBe('{\n  "a": 1,\n  "c": {\n    "e": []\n  }\n}\n');
  });
});

/** A small seeded generator (mulberry32), so a failing case can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// what the fast paths decide on: characters JSON.stringify escapes or that are not one column
const PIECES = [
  "a",
  "Zz",
  " ",
  "long-word-",
  '"',
  "\\",
  "\n",
  "\u0001",
  "日",
  "e\u0301",
  "\ud83d\ude00",
  "\ud800",
  "</",
  "\u2028",
];

function randomValue(next: () => number, depth: number): unknown {
  const pick = <T>(items: readonly T[]): T =>
    items[Math.floor(next() * items.length)]!;
  const text = () =>
    Array.from({ length: Math.floor(next() * 12) }, () => pick(PIECES)).join(
      "",
    );
  const roll = next();
  if (depth > 3 || roll < 0.45) {
    const kind = next();
    if (kind < 0.5) return text();
    if (kind < 0.7) return pick([0, -1, 1.5, 1e21, 123456789, 2.5e-7]);
    if (kind < 0.8) return next() < 0.5;
    if (kind < 0.9) return null;
    return undefined;
  }
  const size = Math.floor(next() * 7);
  if (roll < 0.75)
    return Array.from({ length: size }, () => randomValue(next, depth + 1));
  const object: Record<string, unknown> = {};
  for (let i = 0; i < size; i++)
    object[text() || `k${i}`] = randomValue(next, depth + 1);
  return object;
}

describe("printJson on random values", () => {
  it("lays out each exactly as prettier does, and parses back to JSON.stringify's value", async () => {
    const next = random(29);
    for (let i = 0; i < 400; i++) {
      const value = { v: randomValue(next, 0), w: [randomValue(next, 2)] };
      const text = printJson(value);
      expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      expect(text).toBe(await prettier.format(text, { parser: "json" }));
    }
  });
});

describe("printJson on fast-check's JSON values", () => {
  // keys and strings of the characters the layout turns on: quotes, escapes, wide and zero-width
  const text = fc.string({
    unit: fc.constantFrom(...PIECES, "[", "]", "{", ",", "e+1", "1"),
    maxLength: 8,
  });
  const scalar = fc.oneof(
    text,
    fc.constantFrom(
      0,
      -1,
      1.5,
      1e21,
      -2e300,
      123456789,
      2.5e-7,
      true,
      false,
      null,
    ),
    fc.double({ noNaN: true }),
  );
  const value = fc.letrec<{ v: unknown }>((tie) => ({
    v: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      scalar,
      fc.array(tie("v"), { maxLength: 6 }),
      fc.array(fc.constantFrom(1, 22, 333, 4444), { maxLength: 30 }),
      fc.dictionary(text, tie("v"), { maxKeys: 4 }),
    ),
  })).v;

  it("lays out each exactly as prettier does, however deep, and parses back to it", async () => {
    await fc.assert(
      fc.asyncProperty(value, value, async (v, w) => {
        for (const printed of [v, { a: v, b: { c: { d: v, e: w } } }, [w]]) {
          const text = printJson(printed);
          expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(printed)));
          expect(text).toBe(await prettier.format(text, { parser: "json" }));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("LazyMembers", () => {
  it("prints as the object of its members would, making each when it is printed", () => {
    const members: Record<string, unknown> = {
      "/a": { get: { tags: ["x", "y"], n: 1 } },
      "/b/{id}": { post: { list: Array.from({ length: 30 }, (_, i) => i) } },
      "/c": {},
    };
    const made: string[] = [];
    const lazy = new LazyMembers(Object.keys(members), (key) => {
      made.push(key);
      return members[key];
    });
    expect(printJson({ before: 1, paths: lazy, after: [] })).toBe(
      printJson({ before: 1, paths: members, after: [] }),
    );
    expect(made).toEqual(Object.keys(members));
    expect(printJson({ paths: new LazyMembers([], () => 1) })).toBe(
      printJson({ paths: {} }),
    );
  });
});
