import { mkdtempSync, readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { stagedText } from "../../src/workflow/output/early-file.js";
import { EarlyStaging } from "../../src/workflow/output/early-stage.js";
import { readManifest, sha256 } from "../../src/workflow/records/manifest.js";
import { STAGING_DIR } from "../../src/workflow/output/output-files.js";
import { writeTextFile } from "../../src/workflow/output/text-chunks.js";
import { writeOutput } from "../../src/workflow/output/writer.js";
import { streamedFile } from "../../src/emit/shared/text-parts.js";
import { removeDir, snapshotTree } from "./harness.js";

// the system writes at most `cap.max` bytes of a buffer a call while it is set: a write may
// write less than it was asked to (a signal, a nearly full disk) and says how much it wrote
const cap = vi.hoisted(() => ({ max: 0, calls: 0 }));
vi.mock("node:fs", async (original) => {
  const fs = await original<typeof import("node:fs")>();
  return {
    ...fs,
    writeSync: ((...args: unknown[]) => {
      if (cap.max > 0 && typeof args[1] !== "string") {
        cap.calls++;
        const [fd, buffer, offset = 0, length, position] = args as [
          number,
          Buffer,
          number | undefined,
          number | undefined,
          number | null | undefined,
        ];
        const asked = length ?? buffer.length - offset;
        return fs.writeSync(
          fd,
          buffer,
          offset,
          Math.min(asked, cap.max),
          position,
        );
      }
      return (fs.writeSync as (...a: unknown[]) => number)(...args);
    }) as unknown as typeof fs.writeSync,
  };
});

const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), "apiloom-short-"));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach(removeDir));
afterEach(() => Object.assign(cap, { max: 0, calls: 0 }));

// several of the sink's buffers' worth, in one-, two-, three- and four-byte characters
const TEXT = `${"x".repeat(3 << 20)}${"é€".repeat(1 << 20)}😀\n`;

describe("a write that writes less than asked (text-chunks.ts)", () => {
  it("goes on where it stopped: the file is the whole text, hashed and counted as written", () => {
    cap.max = 100_000;
    const path = join(tempDir(), "f.txt");
    const hash = createHash("sha256");
    const bytes = writeTextFile(path, TEXT, "wx", hash);
    expect(cap.calls).toBeGreaterThan(Buffer.byteLength(TEXT) / cap.max);
    const written = readFileSync(path);
    expect(written.equals(Buffer.from(TEXT))).toBe(true);
    expect(bytes).toBe(written.length);
    expect(hash.digest("hex")).toBe(sha256(TEXT));
  });

  it("leaves staged copies and the written folder whole, with the manifest's hashes", () => {
    const out = join(tempDir(), "out");
    cap.max = 65_536;
    const early = new EarlyStaging(out, { earlyMinChars: 100 });
    const [staged] = early.keep([
      streamedFile("big.txt", (o) => {
        for (let at = 0; at < TEXT.length; at += 1000)
          o.write(TEXT.slice(at, at + 1000));
      }),
    ]);
    expect(stagedText(staged!)!.hash).toBe(sha256(TEXT));
    expect(
      readFileSync(join(out, STAGING_DIR, "0")).equals(Buffer.from(TEXT)),
    ).toBe(true);
    writeOutput(
      out,
      [staged!, { path: "small.txt", contents: TEXT.slice(-9) }],
      {
        early,
      },
    );
    early.close();
    const tree = snapshotTree(out);
    expect(tree["big.txt"] === TEXT).toBe(true);
    expect(tree["small.txt"]).toBe(TEXT.slice(-9));
    expect(readManifest(out)!.files["big.txt"]).toBe(sha256(TEXT));
  });
});
