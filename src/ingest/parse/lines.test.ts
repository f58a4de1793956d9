import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LineIndex } from "./lines.js";

describe("LineIndex.positions", () => {
  // many lines, some empty, some long, CRLF and lone CR, so that offsets lie thousands of
  // characters and hundreds of lines apart and close together
  const line = fc.oneof(
    fc.constantFrom("", "a", "\r", "  x", "é😀", "y".repeat(150)),
    fc.string({ maxLength: 200 }).map((s) => s.replace(/\n/g, " ")),
  );
  // a block of lines written up to 60 times: texts of thousands of lines and characters
  const text = fc
    .tuple(
      fc.array(fc.tuple(line, fc.constantFrom("\n", "\r\n")), {
        minLength: 1,
        maxLength: 40,
      }),
      fc.integer({ min: 1, max: 60 }),
      fc.string({ maxLength: 50 }),
    )
    .map(
      ([lines, times, tail]) =>
        lines
          .map(([l, end]) => l + end)
          .join("")
          .repeat(times) + tail.replace(/\n/g, " "),
    );

  it("answers what position answers from its table of line starts, offset by offset", () => {
    fc.assert(
      fc.property(
        text,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 }),
        (t, spots) => {
          // offsets anywhere in the text, at its end and past it, in any order, repeated
          const offsets = spots.map((s) => Math.floor(s * (t.length + 3)));
          offsets.push(...offsets.slice(0, 2), t.length);
          const table = new LineIndex(t);
          expect(new LineIndex(t).positions(offsets)).toEqual(
            offsets.map((o) => table.position(o)),
          );
        },
      ),
      { numRuns: 400 },
    );
  });

  it("counts the lines of a long text up to a far offset", () => {
    const t = "x\n".repeat(10_000) + "tail";
    const at = t.indexOf("tail") + 2;
    expect(new LineIndex(t).positions([at, 5])).toEqual([
      { line: 10_001, column: 3 },
      { line: 3, column: 2 },
    ]);
  });
});
