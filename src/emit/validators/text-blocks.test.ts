import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TextBlocks } from "./text-blocks.js";

/** What `held.write` writes, piece by piece. */
function pieces(held: TextBlocks): string[] {
  const out: string[] = [];
  held.write({ write: (piece) => out.push(piece) });
  return out;
}

describe("TextBlocks", () => {
  it("writes the texts joined with the separator, and gives each back, whatever they hold", () => {
    // long texts (up to 40,000 units) make blocks of several texts and of one
    const text = fc.oneof(
      fc.string({ unit: "binary", maxLength: 20 }),
      fc
        .tuple(fc.string({ unit: "grapheme", maxLength: 4 }), fc.nat(10_000))
        .map(([s, n]) => s.repeat(n)),
    );
    fc.assert(
      fc.property(
        fc.array(text, { maxLength: 40 }),
        fc.constantFrom("\n", "\n\n", ""),
        (texts, separator) => {
          const held = new TextBlocks(separator);
          for (const t of texts) held.add(t);
          expect(held.count).toBe(texts.length);
          const written = pieces(held);
          expect(written.join("")).toBe(texts.join(separator));
          expect(held.texts()).toEqual(texts);
          // the same each time it is written
          expect(pieces(held)).toEqual(written);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("joins the texts into blocks of more than 128 KB as they come, the rest as they are", () => {
    const held = new TextBlocks("\n\n");
    const text = "x".repeat(50_000);
    for (let i = 0; i < 7; i++) held.add(text);
    const written = pieces(held);
    // three texts and the separators before all but the first make a block, twice; the last
    // one waits, after its separator
    expect(written.map((piece) => piece.length)).toEqual([
      150_004, 150_006, 2, 50_000,
    ]);
    expect(written.join("")).toBe(Array(7).fill(text).join("\n\n"));
  });

  it("writes nothing when it holds nothing", () => {
    const held = new TextBlocks("\n");
    expect(pieces(held)).toEqual([]);
    expect(held.texts()).toEqual([]);
    held.add("");
    expect(held.texts()).toEqual([""]);
    expect(pieces(held).join("")).toBe("");
  });
});
