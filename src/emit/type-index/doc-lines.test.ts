import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Schema } from "../../model/types.js";
import { jsdocLines } from "../shared/escape.js";
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
    ["Exclusive minimum", schema.exclusiveMinimum],
    ["Maximum", schema.maximum],
    ["Exclusive maximum", schema.exclusiveMaximum],
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
  it("writes each fact the schema holds as a text or a number, in order, and no other", () => {
    // any value a keyword may hold in a hostile document: only texts and numbers are facts
    const fact = fc.option(
      fc.oneof(
        text,
        fc.integer(),
        fc.double(),
        fc.boolean(),
        fc.constant(null),
        fc.array(fc.integer(), { maxLength: 2 }),
      ),
      { nil: undefined },
    );
    const keywords = [
      "format",
      "minimum",
      "exclusiveMinimum",
      "maximum",
      "exclusiveMaximum",
      "pattern",
    ] as const;
    fc.assert(
      fc.property(
        fc.option(text, { nil: undefined }),
        fc.tuple(fact, fact, fact, fact, fact, fact),
        (description, values) => {
          const schema: Record<string, unknown> = { description };
          // a keyword left out, or there holding undefined, says nothing
          values.forEach((value, i) => {
            if (value !== undefined || i % 2 === 0)
              schema[keywords[i]!] = value;
          });
          expect(docLines(schema as Schema)).toEqual(
            oldLines(schema as Schema),
          );
        },
      ),
      { numRuns: 2000, seed: 4 },
    );
  });

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

  it("writes @default and each @example as the version that made a list of each did", () => {
    // the first tagLines: a list per tag, destructured and spread
    const oldTagLines = (tag: string, value: unknown): string[] => {
      const json = JSON.stringify(value, null, 2);
      if (json === undefined || json.length > 400) return [];
      const [first = "", ...rest] = jsdocLines(json);
      return [`${tag} ${first}`, ...rest];
    };
    const value = fc.oneof(
      text,
      fc.jsonValue({ maxDepth: 2 }),
      fc.array(text, { maxLength: 3 }),
      fc.dictionary(text, text, { maxKeys: 3 }),
      fc.constant("x".repeat(500)),
    );
    fc.assert(
      fc.property(
        fc.option(value, { nil: undefined }),
        fc.array(value, { maxLength: 3 }),
        (defaultValue, examples) => {
          const schema = { default: defaultValue, examples } as Schema;
          const want = [
            ...(defaultValue === undefined
              ? []
              : oldTagLines("@default", defaultValue)),
            ...examples.flatMap((e) => oldTagLines("@example", e)),
          ];
          expect(docLines(schema)).toEqual(want.length > 0 ? want : undefined);
        },
      ),
      { numRuns: 1000, seed: 29 },
    );
  });

  it("a plain text is its own one line, as replacing each escape gives", () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(jsdocLines(t)).toEqual(
          t
            .replace(/\r\n?/g, "\n")
            .replace(/\*\//g, "*\\/")
            .replace(/\/\*/g, "/\\*")
            .replace(/@(?=[a-zA-Z])/g, "\\@")
            .split("\n")
            .map((line) => line.trimEnd()),
        );
      }),
      { numRuns: 2000 },
    );
    expect(jsdocLines("A user.")).toEqual(["A user."]);
    expect(jsdocLines("ends */ here")).toEqual(["ends *\\/ here"]);
    expect(jsdocLines("trailing ")).toEqual(["trailing"]);
  });
});

describe("docLines of allOf: [$ref, {description}], [$ref, {deprecated}]", () => {
  it("says the annotation member's description, as the schema's own would be", () => {
    expect(
      docLines({ allOf: [{ $ref: "#/x" }, { description: "The name." }] }),
    ).toEqual(["The name."]);
    expect(
      docLines({ allOf: [{ $ref: "#/x" }, { deprecated: true }] }),
    ).toEqual(["@deprecated"]);
    expect(
      docLines({ allOf: [{ $ref: "#/x" }, { title: "T", maxLength: 3 }] }),
    ).toBeUndefined();
  });
});
