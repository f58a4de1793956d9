import { describe, expect, it } from "vitest";
import { jsdocLines, tsString } from "./escape.js";

describe("jsdocLines", () => {
  it.each<[string, string[]]>([
    ["", [""]],
    ["One plain line.", ["One plain line."]],
    ["trailing space ", ["trailing space"]],
    ["trailing nbsp\u00a0", ["trailing nbsp"]],
    ["a\r\nb\rc\n", ["a", "b", "c", ""]],
    ["closes */ opens /*", ["closes *\\/ opens /\\*"]],
    ["@param x, an email a@b, @ 1", ["\\@param x, an email a\\@b, @ 1"]],
    ["line  \nnext\t", ["line", "next"]],
  ])("%j", (text, lines) => {
    expect(jsdocLines(text)).toEqual(lines);
  });
});

describe("tsString", () => {
  it.each<[string, string]>([
    ["", '""'],
    ["plain text, 'quoted' é 漢", `"plain text, 'quoted' é 漢"`],
    ['a"b', '"a\\"b"'],
    ["a\\b", '"a\\\\b"'],
    ["a\nb\rc\td", '"a\\nb\\rc\\td"'],
    ["\u0000\u001f\u007f", '"\\u0000\\u001f\\u007f"'],
    ["\u2028\u2029", '"\\u2028\\u2029"'],
    ["\ud800 lone", '"\ud800 lone"'],
  ])("%j", (text, literal) => {
    expect(tsString(text)).toBe(literal);
  });

  it("reads back as the same text for every BMP code point, with none raw that ends a line", () => {
    for (let code = 0; code <= 0xffff; code += code < 0x3000 ? 1 : 97) {
      const text = `a${String.fromCharCode(code)}b`;
      const literal = tsString(text);
      expect(literal).not.toMatch(/[\n\r\u2028\u2029]/);
      expect(new Function(`return ${literal};`)()).toBe(text);
    }
  });
});
