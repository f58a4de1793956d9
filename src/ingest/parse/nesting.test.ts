import { describe, expect, it } from "vitest";
import { jsonTooDeepAt, scanJsonStructure } from "./nesting.js";

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
