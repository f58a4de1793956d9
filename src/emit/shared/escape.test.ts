import { describe, expect, it } from "vitest";
import { jsdocLines } from "./escape.js";

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
