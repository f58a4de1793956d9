import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generate } from "../../generate.js";
import { hasPropertyEscape, patternFlags } from "./flags.js";

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

  it("hasPropertyEscape finds an escape's \\p{ or \\P{ and nothing else (random texts)", () => {
    // the reference: the same question asked of each backslash run's parity, by a regex
    const reference = (text: string) =>
      /(?:^|[^\\])(?:\\\\)*\\[pP]\{/.test(text);
    fc.assert(
      fc.property(
        fc
          .array(fc.constantFrom("\\", "p", "P", "{", "x", "}"), {
            maxLength: 24,
          })
          .map((chars) => chars.join("")),
        (text) => {
          expect(hasPropertyEscape(text)).toBe(reference(text));
        },
      ),
      { numRuns: 3000, seed: 20261126 },
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
`,
        },
      ],
      { artifacts: ["validators"] },
    );
    const found = model.diagnostics.filter(
      (d) => d.code === "schema/invalid-pattern",
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: "p.yaml", line: 8, column: 7 });
    expect(found[0]!.message).toContain(
      "a Unicode property this Node.js does not know",
    );
    const schemas = files.find((f) => f.path === "validators/schemas.ts")!;
    expect(schemas.contents).not.toContain("Nowhere");
  });
});
