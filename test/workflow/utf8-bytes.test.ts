import fc from "fast-check";
import { expect, it } from "vitest";
import {
  decodeUtf8,
  insertBytes,
  invalidUtf8Message,
} from "../../src/workflow/utf8-bytes.js";

const RUNS = { numRuns: 300, seed: 22 };

it("decodes valid UTF-8 as Node does, and says nothing is invalid", () => {
  fc.assert(
    fc.property(fc.string({ unit: "grapheme" }), (text) => {
      const bytes = Buffer.from(text, "utf8");
      const decoded = decodeUtf8(bytes);
      expect(decoded.text).toBe(bytes.toString("utf8"));
      expect(decoded.firstInvalid).toBeUndefined();
      expect(decoded.byteOffsets[decoded.text.length]).toBe(bytes.length);
    }),
    RUNS,
  );
});

it("maps every character back to its bytes, and an insertion keeps every other byte, whatever the bytes", () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 64 }), fc.nat(), (raw, pick) => {
      const bytes = Buffer.from(raw);
      const { text, byteOffsets } = decodeUtf8(bytes);
      // offsets never go back, and each character is its own bytes (or U+FFFD for one bad byte)
      for (let i = 0; i < text.length; i++) {
        expect(byteOffsets[i + 1]).toBeGreaterThanOrEqual(byteOffsets[i]);
        const code = text.codePointAt(i)!;
        const width = code > 0xffff ? 2 : 1;
        const own = bytes.subarray(byteOffsets[i], byteOffsets[i + width]);
        if (code === 0xfffd && !own.equals(Buffer.from("\ufffd")))
          expect(own.length).toBe(1);
        else
          expect(own.equals(Buffer.from(String.fromCodePoint(code)))).toBe(
            true,
          );
        i += width - 1;
      }
      const at = byteOffsets[pick % (text.length + 1)];
      const out = insertBytes(bytes, [{ at, text: "/*é*/" }]);
      const inserted = Buffer.from("/*é*/");
      expect(out.subarray(0, at).equals(bytes.subarray(0, at))).toBe(true);
      expect(out.subarray(at, at + inserted.length).equals(inserted)).toBe(
        true,
      );
      expect(
        out.subarray(at + inserted.length).equals(bytes.subarray(at)),
      ).toBe(true);
    }),
    RUNS,
  );
});

it("names the first byte that is not UTF-8 by line and column (in characters)", () => {
  const bytes = Buffer.concat([
    Buffer.from("ok\nnaïve: "),
    Buffer.from([0xe9, 0x80]),
    Buffer.from(" and \ud83d\ude00"),
  ]);
  expect(invalidUtf8Message("f.json", decodeUtf8(bytes), bytes)).toBe(
    "f.json:2:8: byte 0xE9 is not UTF-8",
  );
  // overlong forms, surrogates and code points past U+10FFFF are not UTF-8 either
  for (const bad of [
    [0xc0, 0xaf],
    [0xed, 0xa0, 0x80],
    [0xf4, 0x90, 0x80, 0x80],
  ])
    expect(decodeUtf8(Buffer.from(bad)).firstInvalid).toBe(0);
});
