import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { LazyMembers, printJson } from "./print-json.js";

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
    // tens of thousands of pieces: batches of pieces joined, one array reused between them
    "a value printed in many batches, deep and shallow",
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
