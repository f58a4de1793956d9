import { describe, expect, it } from "vitest";
import {
  jsonStructureOf,
  jsonTooDeepAt,
  scanJsonStructure,
} from "./nesting.js";

describe("jsonTooDeepAt", () => {
  it("finds the first bracket past the limit, counting objects and arrays alike", () => {
    expect(jsonTooDeepAt('{"a":[{"b":[]}]}', 4)).toBeUndefined();
    expect(jsonTooDeepAt('{"a":[{"b":[[]]}]}', 4)).toBe(12);
  });

  it("skips brackets and escaped quotes inside strings, and closed siblings", () => {
    expect(
      jsonTooDeepAt('{"a":"[[[[\\"{{{{","b":{}, "c":{}}', 2),
    ).toBeUndefined();
    expect(jsonTooDeepAt("[[],[],[[]]]", 2)).toBe(8);
  });
});

describe("scanJsonStructure", () => {
  it("finds keys given twice in one object, decoding escapes, and not across objects or in values", () => {
    const text =
      '{"a":{"k":1},"b":{"k":"k"},"\\u0061":2,"v":["a","a"],"a" : 3}';
    expect(scanJsonStructure(text).duplicates).toEqual([
      { key: "a", first: 1, second: text.indexOf('"\\u0061"') },
      { key: "a", first: 1, second: text.lastIndexOf('"a"') },
    ]);
  });
});

describe("scanJsonStructure on one large object", () => {
  it("finds a duplicate among 10,000 keys (past the small-object list)", () => {
    const keys = Array.from({ length: 10_000 }, (_, i) => `"k${i}":1`);
    const text = `{${keys.join(",")},"k7":2}`;
    expect(scanJsonStructure(text).duplicates).toEqual([
      {
        key: "k7",
        first: text.indexOf('"k7"'),
        second: text.lastIndexOf('"k7"'),
      },
    ]);
  });
});

describe("jsonStructureOf (the value's members against the text's)", () => {
  const of = (text: string, max?: number) =>
    jsonStructureOf(text, JSON.parse(text), max);

  it("answers as the full scan does: duplicates, depth, and nothing to report", () => {
    for (const [text, max] of [
      ['{"a":{"k":1},"b":{"k":"k"},"\\u0061":2,"v":["a","a"],"a" : 3}', 256],
      ['{"a":[{"b":[[]]}]}', 4],
      ['{"a":[{"b":[]}]}', 4],
      ["[[],[],[[]]]", 2],
      ['{"__proto__":1,"__proto__":2}', 256],
      ['{"x":"a:b\\":c","y":[":",{"z:":"::"}],"0":{},"1":[]}', 256],
    ] as const)
      expect(of(text, max)).toEqual(scanJsonStructure(text, max));
  });

  it("counts no colon inside a string, escaped quotes included", () => {
    expect(of('{"a\\":b":"c:\\"d:","e":[":"]}')).toEqual({ duplicates: [] });
  });
});
