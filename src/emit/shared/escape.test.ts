import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  htmlText,
  jsdocLines,
  jsonForScript,
  markdownCode,
  markdownText,
  tsString,
} from "./escape.js";

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
    ["\ud800 lone", '"\\ud800 lone"'],
    ["\b\f", '"\\b\\f"'],
  ])("%j", (text, literal) => {
    expect(tsString(text)).toBe(literal);
  });

  it("reads back from a UTF-8 file as the same text for every BMP code unit, with none raw that ends a line", () => {
    for (let code = 0; code <= 0xffff; code += code < 0x3000 ? 1 : 97) {
      const text = `a${String.fromCharCode(code)}b`;
      const literal = tsString(text);
      expect(literal).not.toMatch(/[\n\r\u2028\u2029]/);
      // as a generated file holds it: UTF-8, where a lone surrogate would read back as U+FFFD
      const written = Buffer.from(literal, "utf8").toString("utf8");
      expect(new Function(`return ${written};`)()).toBe(text);
    }
  });
});

/* markdownText returns most texts as they are, htmlText and jsonForScript replace in one pass:
   each must write what the chain of replacements it stands for writes. */
describe("the escapes against their replacement chains", () => {
  const texts = [
    "",
    "plain words",
    "a-b - c\n- item\n  - nested",
    "1. one\n 2. two 3.5",
    "star *x* _y_ `z` [l](u) {b} #h +p !i |t <a> ~s",
    "back\\slash\r\nwin\rmac",
    'Tom & Jerry\'s "quote" <b>&amp;</b>',
    "\u2028line\u2029para 日本",
  ];
  it("markdownText", () => {
    for (const text of texts)
      expect(markdownText(text)).toBe(
        text
          .replace(/\r\n?/g, "\n")
          .replace(/\\/g, "\\\\")
          .replace(/([`*_[\]{}()#+!|<>~&])/g, "\\$1")
          .replace(/^(\s*)-/gm, "$1\\-")
          .replace(/^(\s*\d+)\./gm, "$1\\."),
      );
  });
  it("markdownText, on random texts of the characters each replacement looks for", () => {
    const piece = fc.constantFrom(
      "a",
      " ",
      "\n",
      "\r",
      "\r\n",
      "\\",
      "-",
      ".",
      "1",
      "12",
      "*",
      "_",
      "`",
      "[",
      ")",
      "#",
      "|",
      "<",
      "~",
      "\t",
      "日",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (pieces) => {
        const text = pieces.join("");
        expect(markdownText(text)).toBe(
          text
            .replace(/\r\n?/g, "\n")
            .replace(/\\/g, "\\\\")
            .replace(/([`*_[\]{}()#+!|<>~&])/g, "\\$1")
            .replace(/^(\s*)-/gm, "$1\\-")
            .replace(/^(\s*\d+)\./gm, "$1\\."),
        );
      }),
      { numRuns: 3000 },
    );
  });
  it("markdownCode", () => {
    for (const text of [
      ...texts,
      "a `b` c",
      "``x``",
      "`",
      "line\r\nnext\nlast\rmac",
    ]) {
      const oneLine = text.replace(/\r\n?|\n/g, " ") || " ";
      const longest = Math.max(
        0,
        ...(oneLine.match(/`+/g) ?? []).map((run) => run.length),
      );
      const fence = "`".repeat(longest + 1);
      const pad = oneLine.startsWith("`") || oneLine.endsWith("`") ? " " : "";
      expect(markdownCode(text)).toBe(`${fence}${pad}${oneLine}${pad}${fence}`);
    }
  });
  it("htmlText", () => {
    for (const text of texts)
      expect(htmlText(text)).toBe(
        text
          .replace(/&/g, "&amp;")
          .replace(/</g, "&lt;")
          .replace(/>/g, "&gt;")
          .replace(/"/g, "&quot;")
          .replace(/'/g, "&#39;"),
      );
  });
  it("jsonForScript", () => {
    const value = { texts, nested: { html: "</script><!-- & -->" } };
    expect(jsonForScript(value)).toBe(
      JSON.stringify(value)
        .replace(/</g, "\\u003c")
        .replace(/>/g, "\\u003e")
        .replace(/&/g, "\\u0026")
        .replace(/\u2028/g, "\\u2028")
        .replace(/\u2029/g, "\\u2029"),
    );
    expect(JSON.parse(jsonForScript(value))).toEqual(value);
  });
});
