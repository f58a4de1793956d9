import { describe, expect, it } from "vitest";
import { printLiteral } from "../../src/emit/server/contracts-file.js";

describe("printLiteral", () => {
  it("puts an array of scalars on one line only when it and what follows fit in 80 columns", () => {
    const values = ["a".repeat(30), "b".repeat(30)];
    // `[` + 32 + `, ` + 32 + `]` = 68 columns
    expect(printLiteral(values, 11)).toBe(
      `["${"a".repeat(30)}", "${"b".repeat(30)}"]`,
    );
    expect(printLiteral(values, 12)).toBe(
      `[\n  "${"a".repeat(30)}",\n  "${"b".repeat(30)}",\n]`,
    );
    expect(printLiteral({ toString: "x", list: [] }, 0)).toBe(
      '{\n  toString: "x" as const,\n  list: [],\n}',
    );
  });
});
