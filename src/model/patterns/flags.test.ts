import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generate } from "../../generate.js";
import { foreignEscape, notRegExpNote, patternFlags } from "./flags.js";

/*
 * A pattern with a Unicode property escape that the `u` flag refuses was compiled without it,
 * where `\p` is a plain `p`: the validators then accepted the name's text and refused every
 * character of the property, silently, and only on the Node.js versions whose Unicode lacks the
 * property (output that differs by machine). It is now no regular expression, which the reader
 * reports.
 */
describe("patternFlags", () => {
  it("reads a known property with u, and refuses an unknown one instead of reading it as text", () => {
    expect(patternFlags("^\\p{L}+$")).toBe("u");
    expect(patternFlags("^\\p{sc=Latin}{1,3}$")).toBe("u");
    // a name no Unicode has: without u this compiled, matching "p{sc=Nowhere}"
    expect(new RegExp("^\\p{sc=Nowhere}+$").test("p{sc=Nowhere}}")).toBe(true);
    expect(patternFlags("^\\p{sc=Nowhere}+$")).toBeUndefined();
    expect(patternFlags("[\\P{Lettre}]")).toBeUndefined();
    // the legacy syntax without a property still falls back
    expect(patternFlags("^[\\w-.]+$")).toBe("");
    expect(patternFlags("^\\_$")).toBe("");
    // an escaped backslash before p{ is no property escape: `\\p{x}` is a backslash, a p and
    // a brace, which only the legacy syntax takes
    expect(patternFlags("^\\\\p{x}$")).toBe("");
    expect(patternFlags("(")).toBeUndefined();
  });

  it("refuses Ruby's and PCRE's escaped letters, which without u read as the letters", () => {
    // linode's domain pattern: without u, \A and \Z are the letters A and Z, so the validators
    // refused "example.org", the spec's own example
    const linode =
      "\\A(\\*\\.)?([a-zA-Z0-9-_]{1,63}\\.)+([a-zA-Z]{2,3}\\.)?([a-zA-Z]{2,16}|xn--[a-zA-Z0-9]+)\\Z";
    expect(new RegExp(linode).test("example.org")).toBe(false);
    expect(patternFlags(linode)).toBeUndefined();
    expect(notRegExpNote(linode)).toBe(
      " (`\\A` is no JavaScript escape: without the `u` flag it is the letter A)",
    );
    for (const p of [
      "\\Asnap-[0-9a-f]{8}\\z",
      "\\Q.*\\E",
      "^\\h+$",
      "^\\pL+$",
      "[\\e]",
      // POSIX classes: without u, `[[:alpha:]]` is one of `[:alph` and then a `]`
      "^[[:alpha:]]+$",
      "^[^[:space:]]*$",
    ])
      expect(patternFlags(p)).toBeUndefined();
    // JavaScript's own escapes, and an escaped backslash before a letter, still fall back
    expect(patternFlags("^\\\\A[\\w-.]\\cJ\\x41\\u0041\\k$")).toBe("");
    expect(patternFlags("^[a-z]+[:desc|:asc]\\-$")).toBe("");
    // a known property beside a foreign letter: the letter is named, not the property
    expect(notRegExpNote("^[\\p{L}\\p{N}_-]+\\Z")).toContain(
      "`\\Z` is no JavaScript escape",
    );
    expect(notRegExpNote("^\\p{L}(?i)$")).toBe("");
    expect(notRegExpNote("(")).toBe("");
  });

  it("foreignEscape finds an escaped letter JavaScript has no escape for, and nothing else (random texts)", () => {
    // the reference: the first p or A after an odd run of backslashes (d and x are escapes)
    const reference = (text: string) =>
      /(?:^|[^\\])(?:\\\\)*\\[pA]/.exec(text)?.[0].slice(-2);
    fc.assert(
      fc.property(
        fc
          .array(fc.constantFrom("\\", "p", "A", "d", "{", "x", "}"), {
            maxLength: 24,
          })
          .map((chars) => chars.join("")),
        (text) => {
          expect(foreignEscape(text)).toBe(reference(text));
        },
      ),
      { numRuns: 3000, seed: 20261129 },
    );
  });

  it("is reported where the spec has it, and the validators skip the pattern", async () => {
    const { model, files } = await generate(
      [
        {
          file: "p.yaml",
          text: `openapi: 3.1.0
info: { title: t, version: "1" }
paths: {}
components:
  schemas:
    Word:
      type: string
      pattern: "^\\\\p{sc=Nowhere}+$"
    Domain:
      type: string
      pattern: "\\\\A[a-z.]+\\\\z"
`,
        },
      ],
      { artifacts: ["validators"] },
    );
    const found = model.diagnostics.filter(
      (d) => d.code === "schema/invalid-pattern",
    );
    expect(found).toHaveLength(2);
    expect(found[0]).toMatchObject({ file: "p.yaml", line: 8, column: 7 });
    expect(found[0]!.message).toContain(
      "`\\p{sc=Nowhere}` is a Unicode property this Node.js does not know",
    );
    expect(found[1]).toMatchObject({ file: "p.yaml", line: 11, column: 7 });
    expect(found[1]!.message).toContain("`\\A` is no JavaScript escape");
    const schemas = files.find((f) => f.path === "validators/schemas.ts")!;
    expect(schemas.contents).not.toContain("Nowhere");
    expect(schemas.contents).not.toContain("[a-z.]");
  });
});
