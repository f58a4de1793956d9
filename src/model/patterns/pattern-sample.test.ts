import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { patternAlternation } from "../../../test/support/pattern-grammar.js";
import { patternFlags } from "./flags.js";
import { patternSample } from "./pattern-sample.js";

/** V8's RegExp, the oracle: the sample is one the pattern matches. */
const matches = (pattern: string, text: string) =>
  new RegExp(pattern, patternFlags(pattern)).test(text);

const patternArb = patternAlternation({
  atoms: ["a", "-", "1", ".", "\\d", "\\w", "\\s", "\\W", "[ab]", "[^a]"]
    .concat(["[a-x]", "[^\\w\\s]", "😀", "\\p{L}", "\\P{L}", "\\p{Lu}", "é"])
    .concat(["\\p{Script=Greek}", "[^\\p{L}]", "[\\p{N}_]", "\\u0062"]),
  atomWeight: 1,
  groupOpens: ["(", "(?:", "(?=", "(?!"],
  groupWeight: 1,
  quantifiers: ["", "", "*", "+", "?", "{2}", "{1,3}", "{0,}", "+?"],
  maxSequence: 4,
  assertions: ["^", "$", "\\b", "\\B"],
})
  .filter((p) => (p.match(/\(/g) ?? []).length <= 4)
  .filter((p) => patternFlags(p) !== undefined);

describe("patternSample", () => {
  it("gives only strings the pattern matches (fast-check, V8's RegExp the oracle)", () => {
    let made = 0;
    fc.assert(
      fc.property(patternArb, (pattern) => {
        const sample = patternSample(pattern);
        if (sample === undefined) return;
        made++;
        expect(matches(pattern, sample), `${pattern} ${sample}`).toBe(true);
      }),
      { numRuns: 3000 },
    );
    // most patterns get one: only lookaround, \b, misplaced anchors and non-ASCII properties do not
    expect(made).toBeGreaterThan(1000);
  });

  it("reads the patterns real descriptions write", () => {
    const real = [
      "^arn:[^:]*:iam::[^:]*:role/.{1,576}$", // AWS
      "^[A-Z]{2}[0-9]{2}[A-Z0-9]{1,30}$", // an IBAN
      "^[UW][A-Z0-9]{8,}$|^$", // Slack
      "^\\d{10}\\.\\d{6}$",
      "^[\\w-.]+$", // no `u`: the older syntax
      "^\\p{Lu}\\p{Ll}+$",
    ];
    for (const pattern of real) {
      const sample = patternSample(pattern);
      expect(sample, pattern).toBeDefined();
      expect(matches(pattern, sample!), `${pattern} ${sample}`).toBe(true);
    }
    expect(patternSample("^[a-z]{3}-\\d+$")).toBe("aaa-0");
  });

  it("gives none where it cannot be sure, or past its bounds", () => {
    for (const pattern of [
      "^(?!-)[a-z-]+$", // lookaround
      "\\bword\\b",
      "a^b",
      "^\\p{Script=Greek}+$", // a property known for its ASCII part only
      "(?:x{1000}){1000}", // longer than 256
      "^(?:a?){100000}$", // more steps than the bound
      "(a)\\1", // a backreference
      "[", // not a pattern
    ])
      expect(patternSample(pattern), pattern).toBeUndefined();
  });
});
