import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Schema } from "../../model/types.js";
import { isPlainJsdoc, jsdocLines } from "../shared/escape.js";
import { docLines, trimBlankEnds } from "./doc-lines.js";

// docLines' description and facts as first written (every text through jsdocLines, the list
// spread): the oracle of the one that pushes a plain line as it is
function oldLines(schema: Schema): string[] | undefined {
  const lines: string[] = [];
  const text = [schema.description, schema.title].find(
    (t): t is string => typeof t === "string" && t.trim() !== "",
  );
  if (text !== undefined) {
    const own = jsdocLines(text);
    lines.push(...(own.length === 1 ? own : trimBlankEnds(own)));
  }
  for (const [label, value] of [
    ["Format", schema.format],
    ["Minimum", schema.minimum],
    ["Pattern", schema.pattern],
  ] as const)
    if (typeof value === "string" || typeof value === "number")
      lines.push(...jsdocLines(`${label}: ${value}`));
  return lines.length > 0 ? lines : undefined;
}

const text = fc
  .array(
    fc.constantFrom("a", " ", "\n", "\r\n", "*/", "/*", "@x", "@ ", "\t", "é"),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(""));

describe("docLines", () => {
  it("writes the lines jsdocLines gives each text, plain or not", () => {
    fc.assert(
      fc.property(
        fc.option(text, { nil: undefined }),
        fc.option(text, { nil: undefined }),
        fc.option(fc.oneof(text, fc.integer()), { nil: undefined }),
        fc.option(text, { nil: undefined }),
        (description, title, minimum, pattern) => {
          const schema = { description, title, pattern } as Schema;
          if (minimum !== undefined)
            (schema as Record<string, unknown>).minimum = minimum;
          expect(docLines(schema)).toEqual(oldLines(schema));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("a plain text is its own one line", () => {
    fc.assert(
      fc.property(text, (t) => {
        if (isPlainJsdoc(t)) expect(jsdocLines(t)).toEqual([t]);
      }),
      { numRuns: 2000 },
    );
    expect(isPlainJsdoc("A user.")).toBe(true);
    expect(isPlainJsdoc("ends */ here")).toBe(false);
    expect(isPlainJsdoc("two\nlines")).toBe(false);
    expect(isPlainJsdoc("trailing ")).toBe(false);
  });
});
