import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { fileHash, sha256 } from "../../src/workflow/records/manifest.js";
import {
  sameUtf8,
  textChunks,
  writeTextFile,
} from "../../src/workflow/output/text-chunks.js";
import { removeDir } from "./harness.js";

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));

describe("large texts written and hashed a slice at a time", () => {
  // an emoji (a surrogate pair) across each 1 MiB boundary, in ASCII and in two-byte text
  const MIB = 1 << 20;
  const texts = [
    "a".repeat(MIB - 1) + "😀" + "b".repeat(MIB) + "😀é",
    "é".repeat(MIB - 1) + "😀" + "ü".repeat(2 * MIB + 5),
    "short ☃",
  ];

  it.each(texts.map((t, i) => [i, t] as const))(
    "text %i: the bytes and the hash are those of the whole string",
    (_i, text) => {
      const chunks = textChunks(text);
      expect(chunks.join("")).toBe(text);
      for (const chunk of chunks) {
        const last = chunk.charCodeAt(chunk.length - 1);
        expect(last >= 0xd800 && last <= 0xdbff).toBe(false);
      }
      const dir = mkdtempSync(join(tmpdir(), "apiloom-chunks-"));
      dirs.push(dir);
      writeTextFile(join(dir, "f"), text);
      expect(
        readFileSync(join(dir, "f")).equals(Buffer.from(text, "utf8")),
      ).toBe(true);
      expect(sha256(text)).toBe(
        createHash("sha256").update(text, "utf8").digest("hex"),
      );
      const bytes = Buffer.from(text, "utf8");
      expect(sameUtf8(bytes, text)).toBe(true);
      expect(sameUtf8(bytes.subarray(0, bytes.length - 1), text)).toBe(false);
      expect(sameUtf8(Buffer.concat([bytes, Buffer.from("x")]), text)).toBe(
        false,
      );
      const changed = Buffer.from(bytes);
      changed[changed.length >> 1] ^= 1;
      expect(sameUtf8(changed, text)).toBe(false);
    },
  );

  it("compares bytes as Buffer.equals does, whatever the text and the bytes", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "binary" }),
        fc.uint8Array({ maxLength: 8 }),
        fc.nat(),
        (text, noise, at) => {
          const bytes = Buffer.from(text, "utf8");
          // the same bytes, or noise spliced in somewhere (invalid UTF-8 too)
          const cut = bytes.length === 0 ? 0 : at % (bytes.length + 1);
          const other = Buffer.concat([
            bytes.subarray(0, cut),
            noise,
            bytes.subarray(cut + (noise.length > 0 ? 1 : 0)),
          ]);
          expect(sameUtf8(bytes, text)).toBe(true);
          expect(sameUtf8(other, text)).toBe(other.equals(bytes));
        },
      ),
      { numRuns: 200, seed: 29 },
    );
    // a lone surrogate is written as U+FFFD, whose bytes are not the surrogate's
    expect(sameUtf8(Buffer.from("\ufffd"), "\ud800")).toBe(true);
    expect(sameUtf8(Buffer.from([0xed, 0xa0, 0x80]), "\ud800")).toBe(false);
  });

  it("writes parts as the UTF-8 of their concatenation, whatever the parts and where they break", () => {
    const dir = mkdtempSync(join(tmpdir(), "apiloom-chunks-"));
    dirs.push(dir);
    // small pieces with lone and split surrogates, and long runs that cross the sink's batches
    const piece = fc.oneof(
      fc.string({ unit: "binary", maxLength: 6 }),
      fc.constantFrom("\ud83d", "\ude00", "é", "😀"),
      fc
        .tuple(
          fc.nat({ max: 70_000 }),
          fc.constantFrom("a", "é", "😀", "a😀"),
          fc.constantFrom("", "\ud83d"),
        )
        .map(([n, unit, end]) => unit.repeat(n) + end),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const text = parts.join("");
        const hash = createHash("sha256");
        const bytes = writeTextFile(join(dir, "p"), parts, "w", hash);
        const whole = Buffer.from(text, "utf8");
        expect(readFileSync(join(dir, "p")).equals(whole)).toBe(true);
        expect(bytes).toBe(whole.length);
        expect(hash.digest("hex")).toBe(
          createHash("sha256").update(whole).digest("hex"),
        );
      }),
      { numRuns: 150, seed: 29 },
    );
  });

  it("hashes a file once per file object, and afresh when its contents change", () => {
    const file = { path: "a.ts", contents: "A\n" };
    expect(fileHash(file)).toBe(sha256("A\n"));
    expect(fileHash(file)).toBe(sha256("A\n"));
    file.contents = "B\n";
    expect(fileHash(file)).toBe(sha256("B\n"));
  });
});
