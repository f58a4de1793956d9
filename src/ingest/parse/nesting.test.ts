import { describe, expect, it } from "vitest";
import { MAX_NESTING, scanJsonStructure } from "./nesting.js";

const jsonTooDeepAt = (text: string, max = MAX_NESTING) =>
  scanJsonStructure(text, max).tooDeepAt;

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
  it("finds a duplicate among 10,000 keys", () => {
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

describe("scanJsonStructure on generated texts", () => {
  // deterministic: a small linear congruential generator
  let seed = 29;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return (seed >>> 16) % n;
  };
  // fragments of a JSON string literal as written: colons, escaped quotes and backslashes
  const pieces = ["a", ":", '\\"', "\\\\", " ", "é", "\\u003a", ",", "{", "]"];
  const string = () =>
    `"${Array.from({ length: random(4) }, () => pieces[random(pieces.length)]).join("")}"`;
  const ws = () => [" ", "", "\n  ", "\t", "\r\n"][random(5)]!;
  /** A JSON text and how many of its keys repeat an earlier key of their object, decoded. */
  function text(depth: number): { text: string; repeats: number } {
    const kind = depth > 3 ? 2 : random(3);
    if (kind === 2) return { text: random(2) ? string() : "12", repeats: 0 };
    const items = Array.from({ length: random(4) }, () => text(depth + 1));
    let repeats = items.reduce((sum, item) => sum + item.repeats, 0);
    if (kind === 1)
      return {
        text: `[${items.map((i) => ws() + i.text).join(",")}]`,
        repeats,
      };
    const names = items.map(() => (random(2) ? string() : '"k"'));
    const decoded = names.map((n) => JSON.parse(n) as string);
    repeats += decoded.filter((k, i) => decoded.indexOf(k) < i).length;
    return {
      text: `{${items.map((item, i) => `${ws()}${names[i]}${ws()}:${ws()}${item.text}`).join(",")}}`,
      repeats,
    };
  }

  it("finds every key its object names twice, as JSON.parse decodes them", () => {
    let duplicated = 0;
    for (let round = 0; round < 3000; round++) {
      const made = text(0);
      expect(() => JSON.parse(made.text)).not.toThrow();
      const found = scanJsonStructure(made.text).duplicates;
      if (found.length > 0) duplicated++;
      expect(found.length).toBe(made.repeats);
    }
    // the generator does make duplicates, and texts without
    expect(duplicated).toBeGreaterThan(100);
    expect(duplicated).toBeLessThan(2900);
  });
});
