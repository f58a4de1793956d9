import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { stagedText } from "../../src/workflow/output/early-file.js";
import { EarlyStaging } from "../../src/workflow/output/early-stage.js";
import { STAGING_DIR } from "../../src/workflow/output/output-files.js";
import {
  streamedFile,
  type TextOut,
} from "../../src/emit/shared/text-parts.js";
import { removeDir } from "./harness.js";

// the file system refuses writes (a full disk) while `refuse` is set
const refuse = vi.hoisted(() => ({ on: false }));
vi.mock("node:fs", async (original) => {
  const fs = await original<typeof import("node:fs")>();
  return {
    ...fs,
    writeSync: ((...args: Parameters<typeof fs.writeSync>) => {
      if (refuse.on)
        throw Object.assign(new Error("ENOSPC: no space left on device"), {
          code: "ENOSPC",
        });
      return fs.writeSync(...args);
    }) as typeof fs.writeSync,
  };
});

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));

// large enough that the sink writes part of it while it is being made (its buffer is ~3 MB)
const pieces = Array.from(
  { length: 4000 },
  (_, i) => `${i} ${"é".repeat(600)}\n`,
);
const text = pieces.join("");

describe("a streamed file whose staged copy is refused while it is made", () => {
  for (const swallow of [false, true])
    it(`stays in memory, whole, and so does the rest${swallow ? " (the maker ignoring the refusal)" : ""}`, () => {
      const out = join(mkdtempSync(join(tmpdir(), "apiloom-refusal-")), "out");
      dirs.push(out);
      const early = new EarlyStaging(out, { earlyMinChars: 100 });
      let writes = 0;
      const make = (o: TextOut) => {
        for (const piece of pieces) {
          // refused for a while from the middle of the text (then the disk has room again)
          refuse.on =
            ++writes > pieces.length / 2 && writes <= pieces.length * 0.7;
          try {
            o.write(piece);
          } catch (error) {
            if (!swallow) throw error;
          }
        }
      };
      try {
        const list = early.keep([
          streamedFile("doc.txt", make),
          { path: "big.txt", contents: "x".repeat(1000) },
        ]);
        refuse.on = false;
        expect(list.map((f) => stagedText(f))).toEqual([undefined, undefined]);
        expect(list[0]!.contents === text).toBe(true);
        expect(readdirSync(join(out, STAGING_DIR))).toEqual([]);
      } finally {
        refuse.on = false;
        early.close();
      }
    });
});
