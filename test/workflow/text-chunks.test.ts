import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sha256 } from "../../src/workflow/manifest.js";
import { textChunks, writeTextFile } from "../../src/workflow/text-chunks.js";
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
    },
  );
});
