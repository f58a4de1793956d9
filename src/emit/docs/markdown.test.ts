import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { textWidth } from "../shared/doc.js";
import { markdownText } from "../shared/escape.js";
import { markdownInline, markdownTable } from "./markdown.js";

// markdownTable as first written (each cell trimmed, then measured for the widths and again for
// its padding): the oracle of the one that measures each cell once
function oldTable(header: string[], rows: string[][]): string {
  rows = rows.map((row) => row.map((cell) => cell.trim()));
  const widths = header.map((h, i) =>
    Math.max(3, textWidth(h), ...rows.map((r) => textWidth(r[i] ?? ""))),
  );
  const pad = (text: string, width: number) =>
    text + " ".repeat(width - textWidth(text));
  const line = (cells: string[]) =>
    `| ${widths.map((w, i) => pad(cells[i] ?? "", w)).join(" | ")} |`;
  return [
    line(header),
    line(widths.map((w) => "-".repeat(w))),
    ...rows.map(line),
  ].join("\n");
}

const cell = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(" padded ", "日本語", "é\u0301", "", "x".repeat(100)),
);

describe("markdownTable", () => {
  it("pads every column to its widest cell, as before (ragged rows, wide characters, no columns)", () => {
    fc.assert(
      fc.property(
        fc.array(cell, { maxLength: 4 }),
        fc.array(fc.array(cell, { maxLength: 5 }), { maxLength: 6 }),
        (header, rows) => {
          expect(markdownTable(header, rows)).toBe(oldTable(header, rows));
        },
      ),
      { numRuns: 1000, seed: 29 },
    );
  });
});

describe("markdownInline", () => {
  it("escapes text without a URL as markdownText does, and links the URLs of text with one", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (text) => {
        fc.pre(!text.includes("http"));
        const inline = text.replace(/\s+/g, " ").trim();
        expect(markdownInline(text)).toBe(markdownText(inline));
      }),
      { numRuns: 500, seed: 29 },
    );
    expect(markdownInline("see https://a.io/x. or http")).toBe(
      "see <https://a.io/x>. or http",
    );
  });
});
