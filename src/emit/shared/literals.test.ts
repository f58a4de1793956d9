import { describe, expect, it } from "vitest";
import { stringLiteral } from "./literals.js";

describe("stringLiteral", () => {
  it.each<[string, string]>([
    ["plain", '"plain"'],
    ["it's", `"it's"`],
    ['say "hi"', `'say "hi"'`],
    [`"a" 'b'`, `"\\"a\\" 'b'"`],
    [`"a" 'b' "c"`, `'"a" \\'b\\' "c"'`],
    ['new\nline "q"', `'new\\nline "q"'`],
  ])("%j", (text, literal) => {
    expect(stringLiteral(text)).toBe(literal);
  });
});
