import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { textWidth } from "../shared/doc.js";
import { markdownCode, markdownText } from "../shared/escape.js";
import {
  markdownCodeCell,
  markdownInline,
  markdownProse,
  markdownTable,
  trimUrl,
} from "./templates.js";

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

describe("markdownTable's bound", () => {
  it("leaves the padding out where one wide cell would pad every row to it", () => {
    const wide = "w".repeat(300_000);
    const rows = [
      ["a", wide],
      ...Array.from({ length: 2_000 }, (_, i) => [`r${i}`, "x"]),
    ];
    const text = markdownTable(["Name", "Message"], rows);
    // padded, it would be 2,002 lines of 300,000 characters: 600 MB
    expect(text.length).toBeLessThan(400_000);
    expect(text.split("\n")).toEqual([
      "| Name | Message |",
      "| --- | --- |",
      `| a | ${wide} |`,
      ...rows.slice(1).map(([name]) => `| ${name} | x |`),
    ]);
  });

  it("pads as prettier does while the padding is in proportion, and takes any number of rows", () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => [`${i}`, "y"]);
    const lines = markdownTable(["N", "Y"], rows).split("\n");
    expect(lines.length).toBe(200_002);
    expect(lines[1]).toBe("| ------ | --- |");
    expect(lines[2]).toBe("| 0      | y   |");
  });
});

describe("trimUrl", () => {
  // as first written: a character off the end at a time, the parentheses counted again each time
  function oldTrim(url: string): string {
    for (;;) {
      if (/[.,;:!?'*_~]$/.test(url)) url = url.slice(0, -1);
      else if (
        url.endsWith(")") &&
        url.split(")").length > url.split("(").length
      )
        url = url.slice(0, -1);
      else return url;
    }
  }

  it("drops what GFM drops after a URL, as before", () => {
    const tail = fc.string({
      unit: fc.constantFrom("(", ")", ".", ",", "!", "_", "a", "~", "'"),
    });
    fc.assert(
      fc.property(tail, (rest) => {
        const url = "https://a.io/" + rest;
        expect(trimUrl(url)).toBe(oldTrim(url));
      }),
      { numRuns: 2000, seed: 7 },
    );
  });

  it("takes a long run of closing parentheses in one pass", () => {
    // as first written, 100,000 of them took minutes (each strip counted all of them again)
    const url = "https://a.io/x" + ")".repeat(100_000);
    expect(trimUrl(url)).toBe("https://a.io/x");
    expect(markdownInline(`see ${url}.`)).toMatch(/^see <https:\/\/a\.io\/x>/);
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
    // an autolink holds no control character: the URL ends before one
    expect(markdownInline("https://a.io/x\u0001y https://b.io/\u007f")).toBe(
      "<https://a.io/x>\u0001y <https://b.io/>\u007f",
    );
  });
});

// markdownInline and markdownProse as first written (every whitespace run replaced, even a
// single space by itself): the oracles of the ones that leave a text without runs as it is.
// No `http` in the alphabet, so no URL: their text is markdownText's.
const oldInline = (text: string) =>
  markdownText(text.replace(/\s+/g, " ").trim());
const oldProse = (text: string) =>
  markdownText(text.replace(/\r\n?/g, "\n"))
    .split("\n")
    .map((line) => line.trim().replace(/[ \t]+/g, " "))
    .join("\n")
    .trim()
    .replace(/^=/gm, "\\=")
    .replace(/\n{3,}/g, "\n\n");

describe("whitespace runs", () => {
  const spaced = fc
    .array(
      fc.constantFrom(
        "a",
        "b-",
        " ",
        "  ",
        "\t",
        "\n",
        "\r",
        "\r\n",
        "\u00a0",
        "\u2028",
        "\v",
        "=",
        "*",
      ),
      { maxLength: 14 },
    )
    .map((parts) => parts.join(""));

  it("markdownInline collapses them as replacing each one did", () => {
    fc.assert(
      fc.property(spaced, (text) => {
        expect(markdownInline(text)).toBe(oldInline(text));
      }),
      { numRuns: 2000 },
    );
    expect(markdownInline("a b c")).toBe("a b c");
    expect(markdownInline("a \u00a0b\tc\n")).toBe("a b c");
  });

  it("markdownCodeCell collapses them and escapes `|` as replacing each one did", () => {
    const cells = fc
      .tuple(
        spaced,
        fc.array(fc.constantFrom("|", "`", "x", " "), { maxLength: 4 }),
      )
      .map(([text, more]) => text + more.join(""));
    fc.assert(
      fc.property(cells, (text) => {
        expect(markdownCodeCell(text)).toBe(
          markdownCode(text.replace(/\s+/g, " ")).replace(/\|/g, "\\|"),
        );
      }),
      { numRuns: 2000 },
    );
    expect(markdownCodeCell("a |  b")).toBe("`a \\| b`");
  });

  it("markdownProse collapses blanks within lines as replacing each one did", () => {
    fc.assert(
      fc.property(spaced, (text) => {
        expect(markdownProse(text)).toBe(oldProse(text));
      }),
      { numRuns: 2000 },
    );
    expect(markdownProse("a b\n c\t d")).toBe("a b\nc d");
  });
});
