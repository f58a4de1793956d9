import { existsSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { decodeSource } from "./decode-text.js";
import { readSourceBytes, SourceReadError } from "./read-source.js";

function refusal(bytes: number[] | Buffer): SourceReadError {
  try {
    decodeSource(Buffer.from(bytes));
  } catch (error) {
    if (error instanceof SourceReadError) return error;
    throw error;
  }
  throw new Error("decoded");
}

describe("decodeSource", () => {
  test("UTF-8 is read as is, a BOM kept for the parser to drop", () => {
    expect(decodeSource(Buffer.from("\ufeffa: café\n"))).toBe(
      "\ufeffa: café\n",
    );
  });

  test.each([
    ["a lone continuation byte", [0x61, 0x0a, 0x62, 0x80], 2, 2],
    ["an overlong encoding of '/'", [0x61, 0xc0, 0xaf], 1, 2],
    ["a UTF-16 surrogate written in UTF-8", [0x0a, 0xed, 0xa0, 0x80], 2, 1],
    ["a sequence cut off by the end", [0x61, 0x62, 0xe2, 0x82], 1, 3],
    ["a bad byte first", [0xff, 0x61], 1, 1],
  ])("%s is input/encoding at the first bad byte", (_, bytes, line, column) => {
    const error = refusal(bytes);
    expect(error.code).toBe("input/encoding");
    expect([error.line, error.column]).toEqual([line, column]);
  });

  test("columns count characters, as every position does", () => {
    // `é` is two bytes but one column: the bad byte after it is column 3
    const error = refusal([...Buffer.from("é€"), 0xff]);
    expect([error.line, error.column]).toEqual([1, 3]);
  });

  test("UTF-32 and UTF-16 with an odd byte count or a lone surrogate are refused", () => {
    expect(refusal(Buffer.from("{\0\0\0}\0\0\0")).message).toContain("UTF-32");
    expect(refusal([0x7b, 0, 0x7d]).message).toContain("odd number of bytes");
    const lone = refusal([0x7b, 0, 0x0a, 0, 0x00, 0xd8, 0x7d, 0]);
    expect([lone.line, lone.column]).toEqual([2, 1]);
  });
});

describe.runIf(existsSync("/proc/self/status"))("readSourceBytes", () => {
  test("a file that says it is empty (/proc) is read to its end, never past the limit", () => {
    expect(
      readSourceBytes("/proc/self/status", 1024 * 1024).length,
    ).toBeGreaterThan(10);
    expect(() => readSourceBytes("/proc/self/status", 10)).toThrow(
      "grew while being read",
    );
  });
});

describe("decodeSource of a large file", () => {
  const line = '  "summary": "Ünïcödé €uro 😀 — and plain ASCII text",\n';
  const big = (text: string) =>
    Buffer.from(text.repeat(Math.ceil((8 << 20) / text.length)));

  test("gives the very text UTF-8 decoding gives (ASCII, Latin-1, BMP, astral, a BOM)", () => {
    for (const text of [line, "ascii only\n", "\ufeffcafé\n"]) {
      const bytes = big(text);
      expect(decodeSource(bytes) === bytes.toString("utf8")).toBe(true);
    }
  });

  test("keeps the characters of a text that is not ASCII outside the JavaScript heap, which sizes the collector's limits", () => {
    for (const text of [line, "Ünïcödé €uro\n"]) {
      const bytes = big(text);
      const before = process.memoryUsage().heapUsed;
      const decoded = decodeSource(bytes);
      const grown = process.memoryUsage().heapUsed - before;
      expect(decoded.length).toBeGreaterThan(4 << 20);
      // in the heap the text would take 16 MiB (two bytes a character)
      expect(grown).toBeLessThan(2 << 20);
    }
  });
});
