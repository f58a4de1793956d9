import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lineCount, SRC, sourceFiles } from "./source-tree.js";

/**
 * A smoke alarm, not a shape: a file of src/ (tests included) past this many lines likely holds
 * more than one concept. Files are split by concept, not to fit a number.
 */
const MAX_LINES = 600;

/**
 * Today's offenders, each with the issue and slice that brings it under the limit. An entry
 * whose file is gone or back under the limit fails the test: delete it when the split lands.
 */
const OFFENDERS: Readonly<Record<string, string>> = {};

describe("the files of src/", () => {
  const sizes = new Map(
    sourceFiles(true).map((file) => [file, lineCount(join(SRC, file))]),
  );

  it(`stay under ${MAX_LINES} lines, but for the offenders listed with the issue fixing each`, () => {
    const over = [...sizes]
      .filter(([file, lines]) => lines > MAX_LINES && !(file in OFFENDERS))
      .map(([file, lines]) => `src/${file}: ${lines} lines`);
    expect(over).toEqual([]);
  });

  it("list no offender that is gone or back under the limit", () => {
    const stale = Object.keys(OFFENDERS)
      .filter((file) => (sizes.get(file) ?? 0) <= MAX_LINES)
      .map((file) =>
        sizes.has(file)
          ? `src/${file}: ${sizes.get(file)} lines now; remove its entry`
          : `src/${file}: no such file; remove its entry`,
      );
    expect(stale).toEqual([]);
  });
});
