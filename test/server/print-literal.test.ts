import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Doc, group, printBefore } from "../../src/emit/shared/doc.js";
import { propertyKey, stringLiteral } from "../../src/emit/shared/literals.js";
import { items } from "../../src/emit/shared/statements.js";
import {
  type Literal,
  printLiteral,
} from "../../src/emit/server/print-literal.js";

// the layout as a doc for the shared printer: what printLiteral printed before it wrote its
// text directly, kept here as the oracle
function oracle(
  value: Literal,
  indent: string,
  column: number,
  suffix: string,
): string {
  return printBefore(literalDoc(value), suffix, {
    indent: indent.length,
    column,
  });
}

function literalDoc(value: Literal): Doc {
  if (typeof value === "string") return stringLiteral(value);
  if (typeof value === "number" || typeof value === "boolean")
    return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const scalars = value.every((v) => typeof v !== "object");
    return group(
      ["[", items((value as Literal[]).map(literalDoc)), "]"],
      !scalars,
    );
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return "{}";
  const members = entries.map(([key, v]) => {
    const keep =
      key in Object.prototype && !containsArray(v!) ? " as const" : "";
    return [`${propertyKey(key)}: `, literalDoc(v!), keep];
  });
  return group(["{", items(members, { spaced: true }), "}"], true);
}

function containsArray(value: Literal): boolean {
  if (Array.isArray(value)) return true;
  if (typeof value !== "object") return false;
  return Object.values(value).some((v) => v !== undefined && containsArray(v));
}

const scalar = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom(
    "漢字漢字漢字漢字漢字漢字",
    "é\u0301",
    "a\nb",
    "x".repeat(70),
  ),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
);
const key = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom("toString", "constructor", "in", "name", "a-b", "漢字"),
);
const literal: fc.Arbitrary<Literal> = fc.letrec<{ value: Literal }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    scalar,
    fc.array(scalar, { maxLength: 14 }),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(key, fc.option(tie("value"), { nil: undefined }), {
      maxKeys: 5,
    }),
  ),
})).value;

describe("printLiteral", () => {
  it("lays data out as the doc printer does (prettier's layout), at any column and suffix", () => {
    fc.assert(
      fc.property(
        literal,
        fc.constantFrom("", "  ", "    "),
        fc.integer({ min: 0, max: 90 }),
        fc.constantFrom(";", ",", "", " as const,"),
        (value, indent, extra, suffix) => {
          const column = indent.length + extra;
          expect(printLiteral(value, indent, column, suffix)).toBe(
            oracle(value, indent, column, suffix),
          );
        },
      ),
      { numRuns: 3000, seed: 29 },
    );
  });

  it("puts an array of scalars on one line only when it and what follows fit in 80 columns", () => {
    const values = ["a".repeat(30), "b".repeat(30)];
    // `[` + 32 + `, ` + 32 + `]` = 68 columns
    expect(printLiteral(values, "", 11, ";")).toBe(
      `["${"a".repeat(30)}", "${"b".repeat(30)}"]`,
    );
    expect(printLiteral(values, "", 12, ";")).toBe(
      `[\n  "${"a".repeat(30)}",\n  "${"b".repeat(30)}",\n]`,
    );
    expect(printLiteral({ toString: "x", list: [] }, "", 0, ";")).toBe(
      '{\n  toString: "x" as const,\n  list: [],\n}',
    );
  });
});
