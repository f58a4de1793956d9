import { createHash } from "node:crypto";
import * as fs from "node:fs";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { journalText, readJournal } from "../../src/workflow/output/journal.js";
import {
  JOURNAL_FILE,
  STAGING_DIR,
} from "../../src/workflow/output/output-files.js";

// a staged file can vanish between the journal's stat and its read: another run committing
const vanishing = new Set<string>();
vi.mock("node:fs", async (original) => {
  const real = await original<typeof import("node:fs")>();
  const readFileSync = ((path: fs.PathOrFileDescriptor, ...rest: never[]) => {
    if (typeof path === "string" && vanishing.delete(path))
      real.renameSync(path, `${path}.moved`);
    return real.readFileSync(path, ...rest);
  }) as typeof real.readFileSync;
  return { ...real, readFileSync };
});

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true })));
const sha256 = (text: string) =>
  createHash("sha256").update(text).digest("hex");

/** An output folder interrupted while committing: one staged file and the staged manifest. */
function interrupted(staged = "export {};\n") {
  const out = mkdtempSync(join(tmpdir(), "apiloom-journal-"));
  dirs.push(out);
  mkdirSync(join(out, STAGING_DIR));
  writeFileSync(join(out, STAGING_DIR, "0"), staged);
  writeFileSync(join(out, STAGING_DIR, "manifest"), "{}\n");
  const journal = journalText({
    version: 2,
    moves: [[`${STAGING_DIR}/0`, "types.ts", sha256("export {};\n")]],
    remove: [],
    manifest: [`${STAGING_DIR}/manifest`, sha256("{}\n")],
  });
  writeFileSync(join(out, JOURNAL_FILE), journal);
  return out;
}

describe("readJournal", () => {
  it("rolls forward a staged file moved into place as it is read, never throws", () => {
    const out = interrupted();
    vanishing.add(join(out, STAGING_DIR, "0"));
    const read = readJournal(out);
    expect(vanishing.size).toBe(0);
    expect(read && "journal" in read && read.journal.moves).toEqual([
      [`${STAGING_DIR}/0`, "types.ts", sha256("export {};\n")],
    ]);
  });

  it("refuses a staged file whose bytes are not the journal's", () => {
    const read = readJournal(interrupted("export const torn"));
    expect(read && "problem" in read && read.problem.message).toBe(
      `${STAGING_DIR}/0 does not hash to what the journal says (changed or torn)`,
    );
  });
});
