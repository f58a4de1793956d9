import fc from "fast-check";
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { LazyMembers, printJson, printJsonPieceByPiece } from "./print-json.js";
import { stringifiedParts } from "./stringified.js";

// what the layout decides on: escapes, characters wider or narrower than their length (wide,
// combining, C1 controls, astral), and brackets, commas and `e+` inside strings
const PIECES = [
  "a",
  "x".repeat(9),
  "x".repeat(30),
  " ",
  '"',
  "\\",
  "\n",
  "\u0001",
  "\u0085",
  "日",
  "e\u0301",
  "\ud83d\ude00",
  "\ud800",
  "[",
  "]",
  "{}",
  ",",
  ": ",
  "1e+5",
];
const text = fc
  .array(fc.constantFrom(...PIECES), { maxLength: 6 })
  .map((pieces) => pieces.join(""));
const number = fc.oneof(
  fc.integer({ min: -99_999, max: 999_999_999 }),
  fc.constantFrom(0, -0, 1.5, -2.25, 2.5e-7, 1e21, -1.5e22, 1e300),
);
const scalar = fc.oneof(
  text,
  number,
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
);

const { value } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    scalar,
    // arrays of atoms, short and long (to fit a line, just fit, fill lines or stay expanded)
    fc.array(fc.oneof(scalar, fc.constant({}), fc.constant([])), {
      maxLength: 12,
    }),
    fc.array(number, { maxLength: 40 }),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.oneof(text, fc.string()), tie("value"), {
      maxKeys: 5,
    }),
  ),
}));

/** `inner` as a member that many levels down, where printJson hands objects to JSON.stringify. */
function nested(inner: unknown, depth: number, key: string): unknown {
  let out = inner;
  for (let i = 0; i < depth; i++) out = { [i === 0 ? key : `k${i}`]: out };
  return out;
}

describe("printJson's stringified objects", () => {
  it("are laid out as printing piece by piece lays them out, at any depth", () => {
    fc.assert(
      fc.property(
        value,
        value,
        fc.integer({ min: 1, max: 6 }),
        fc.oneof(text, fc.constant("key")),
        (inner, other, depth, key) => {
          const whole = { a: nested(inner, depth, key), b: [other], c: 1 };
          expect(printJson(whole)).toBe(printJsonPieceByPiece(whole));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("are laid out exactly as prettier does", async () => {
    const samples = fc.sample(
      fc.tuple(value, fc.integer({ min: 2, max: 5 }), text),
      { numRuns: 300, seed: 29 },
    );
    for (const [inner, depth, key] of samples) {
      const whole = nested({ v: inner, w: [inner] }, depth, key);
      const printed = printJson(whole);
      expect(JSON.parse(printed)).toEqual(JSON.parse(JSON.stringify(whole)));
      expect(printed).toBe(await prettier.format(printed, { parser: "json" }));
    }
  });

  it("take the fast way for arrays of atoms and of objects, and give up where they would differ", () => {
    const parts: string[] = [];
    const atoms = {
      short: ["a", 1, null, true, {}, []],
      long: Array.from({ length: 30 }, (_, i) => `item${i}`),
      numbers: Array.from({ length: 40 }, (_, i) => i * 37),
      objects: [{ a: [1, 2] }, { b: [] }],
      mixed: [1, { a: 1 }, "x"],
      plus: "a+b, c+d",
    };
    expect(stringifiedParts(atoms, "      ", parts)).toBe(true);
    parts.length = 0;
    expect(stringifiedParts(atoms, "", parts)).toBe(true);
    expect(`${parts.join("")}\n`).toBe(printJsonPieceByPiece(atoms));
    for (const giveUp of [
      { rows: [[1, 2]] },
      { objects: [{ a: 1 }, [1]] },
      { big: 1e21 },
      { text: "written 1e+5" },
      { lazy: new LazyMembers(["x"], () => 1) },
    ])
      expect(stringifiedParts(giveUp, "      ", [])).toBe(false);
    const deep = (inner: unknown) => nested(inner, 4, "v");
    expect(printJson(deep(atoms))).toBe(printJsonPieceByPiece(deep(atoms)));
    const lazy = deep({
      paths: new LazyMembers(["/a", "/b"], (key) => ({ key, n: [1, 2] })),
    });
    expect(printJson(lazy)).toBe(
      printJson(
        deep({
          paths: {
            "/a": { key: "/a", n: [1, 2] },
            "/b": { key: "/b", n: [1, 2] },
          },
        }),
      ),
    );
  });

  it("measure a line in columns, not characters, about the width", () => {
    // keys and items wider or narrower than they are long, the line about 80 columns
    const keys = [
      "k",
      "日本語",
      "e\u0301e\u0301e\u0301",
      "\ud801\udc00",
      "\u0085",
    ];
    const items = (n: number) => [
      ["x".repeat(n)],
      ["日".repeat(n >> 1), "a"],
      ["x".repeat(n), "e\u0301".repeat(3)],
      Array.from({ length: n >> 2 }, () => 12),
    ];
    for (const key of keys)
      for (let n = 40; n <= 80; n++)
        for (const list of items(n))
          for (const after of [{}, { next: 1 }]) {
            const whole = nested({ [key]: list, ...after }, 3, "v");
            expect(printJson(whole)).toBe(printJsonPieceByPiece(whole));
          }
    // long texts no wider than a few columns: known narrow, not ruled out by their length
    for (const narrow of [
      "\u0301".repeat(600) + "a",
      "\u0085".repeat(600),
      "e\u0301".repeat(30),
    ]) {
      const whole = nested({ list: [narrow, "b"] }, 3, "v");
      expect(printJson(whole)).toBe(printJsonPieceByPiece(whole));
      expect(printJson(whole)).toContain(`"list": ["${narrow}", "b"]`);
    }
  });

  it("fill lines with finite numbers only, as prettier does (NaN is JSON's null)", async () => {
    const numbers = Array.from({ length: 30 }, (_, i) => i * 1001);
    for (const list of [
      [Number.NaN, ...numbers],
      [...numbers, Number.POSITIVE_INFINITY],
      numbers,
    ]) {
      const whole = nested({ list }, 4, "k");
      const printed = printJson(whole);
      expect(printed).toBe(printJsonPieceByPiece(whole));
      expect(printed).toBe(await prettier.format(printed, { parser: "json" }));
    }
  });
});
