import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  trimBoth,
  trimLineEnds,
  trimTrailing,
} from "../../src/model/linear-text.js";
import { REPO } from "../cli/run.js";
import {
  provenLinear,
  regexLiterals,
  unproven,
} from "../support/regex-proof.js";

/*
 * apiloom runs unattended in CI over descriptions other people write: every regular expression
 * written in src/ is proven linear (test/support/regex-proof.ts), or listed below with why the
 * text it reads cannot make it slow. `/\/+$/` on a server URL of 100,000 slashes and an `x` took
 * 9 s, `/\s+$/` on a description's blanks as long, `/\{([^}]+)\}/g` on a path of `{`s too: they
 * are src/model/linear-text.ts's loops now, or expressions rewritten to be proven.
 */
const KNOWN: Record<string, string> = {
  "/[?#].*$/":
    "server-url.ts: the config's or the command line's baseUrl, the user's own setting",
  "/^:([^.{}\\u0000]+)(.*)$/":
    "postman/path-template.ts: a segment with no line terminator (asked first), where (.*)$ cannot fail",
  "/;.*$/":
    "since-last-run.ts: the message of apiloom's own SourceReadError, one line",
};

describe("src/'s regular expressions", () => {
  it("are proven linear, but for the listed ones", () => {
    const found = regexLiterals(REPO, "src");
    expect(found.length).toBeGreaterThan(200);
    expect(unproven(found, KNOWN)).toEqual([]);
    // each listed one is still there, and still not proven (else it leaves the list)
    for (const text of Object.keys(KNOWN)) {
      expect(
        found.some((f) => f.text === text),
        text,
      ).toBe(true);
      expect(provenLinear(text), text).toBe(false);
    }
  }, 120_000);

  it("catches the trims it replaced", () => {
    for (const text of [
      "/\\/+$/",
      "/\\s+$/",
      "/\\{([^}]+)\\}/g",
      "/^(\\s*)-/gm",
    ])
      expect(provenLinear(text), text).toBe(false);
  });

  it("trims as the expressions did", () => {
    expect(trimTrailing("a//", "/")).toBe("a");
    expect(trimTrailing("///", "/")).toBe("");
    expect(trimTrailing("a.b..", ".")).toBe("a.b");
    expect(trimLineEnds("a \t\nb  \r\n c \u2028d \t", " \t")).toBe(
      "a\nb\r\n c\u2028d",
    );
    expect(trimLineEnds("", " ")).toBe("");
  });

  it("answers as the expressions they replaced, on any text of the characters they read", () => {
    const text = fc.string({
      unit: fc.constantFrom(..."/-. \t\na\r\u2028\u2029"),
      maxLength: 16,
    });
    fc.assert(
      fc.property(text, (s) => {
        expect(trimTrailing(s, "/")).toBe(s.replace(/\/+$/, ""));
        expect(trimTrailing(s, ".")).toBe(s.replace(/\.+$/, ""));
        expect(trimBoth(s, "-")).toBe(s.replace(/^-+|-+$/g, ""));
        expect(trimLineEnds(s, " \t")).toBe(s.replace(/[ \t]+$/gm, ""));
      }),
      { numRuns: 20_000 },
    );
  });
});
