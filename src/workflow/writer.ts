import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  rmdirSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import type { GeneratedFile } from "../emit/artifact.js";
import type { Fingerprint } from "./fingerprint.js";
import { JOURNAL_FILE, MANIFEST_FILE, STAGING_DIR } from "./output-files.js";
import { withOutputLock } from "./output-lock.js";
import { writeTextFile } from "./text-chunks.js";
import { planIsClean, planOutput, type OutputPlan } from "./plan.js";

/**
 * Writes the output folder as one transaction.
 *
 * 1. Stage: every new or changed file is written in full under `.apiloom-staging/`. This is
 *    where nearly all the time goes; a crash or kill here leaves the folder exactly as the
 *    previous run left it (the next run deletes the staging leftovers).
 * 2. Commit: a journal listing the renames, removals and the new manifest is written to a temp
 *    name and renamed into place; that rename is the commit point.
 * 3. Apply: renames from staging into place (each atomic: a reader sees a file whole, old or
 *    new), removals, the manifest last, then the journal is deleted. A kill here is rolled
 *    forward by the next run from the journal; this phase writes no data, only renames.
 *
 * Building a sibling folder and swapping it in was rejected: the swap takes two renames with
 * a moment where the folder does not exist, it would reset every file's mtime, carry no
 * hand-made files over, and fail when the output folder is a mount point or the working folder.
 * Guarantees are against process crashes and kills; files are not fsync'ed, so a power loss
 * may still lose the most recent run (as with most build tools).
 */
export interface WriteResult {
  written: string[];
  unchanged: string[];
  removed: string[];
}

export class OutputConflictError extends Error {
  constructor(readonly conflicts: { path: string; reason: string }[]) {
    super(
      conflicts
        .map(
          (c) =>
            `${c.path}: ${c.reason}; move it away or choose another output folder`,
        )
        .join("\n"),
    );
  }
}

interface Journal {
  moves: [staged: string, path: string][];
  remove: string[];
  manifest: string;
}

export interface WriteOptions {
  /**
   * Called after each file is staged and after each is renamed into place (`count` from 1).
   * The crash tests use it to stop the writer at a chosen point and kill it there.
   */
  afterStep?: (phase: "stage" | "apply", count: number) => void;
  /** What the files were made from, recorded in the manifest so the next run can skip its work. */
  fingerprint?: Fingerprint;
}

export function writeOutput(
  outDir: string,
  files: readonly GeneratedFile[],
  options: WriteOptions = {},
): WriteResult {
  return withOutputLock(outDir, () => writeLocked(outDir, files, options));
}

function writeLocked(
  outDir: string,
  files: readonly GeneratedFile[],
  options: WriteOptions,
): WriteResult {
  recoverOutput(outDir);
  const plan = planOutput(outDir, files, options.fingerprint, {
    texts: false,
  });
  if (plan.conflicts.length > 0) throw new OutputConflictError(plan.conflicts);
  const result: WriteResult = {
    written: plan.write.map((w) => w.file.path),
    unchanged: plan.unchanged,
    removed: plan.remove.map((r) => r.path),
  };
  if (planIsClean(plan)) return result;
  mkdirSync(join(outDir, STAGING_DIR), { recursive: true });
  const journal = stage(outDir, plan, options);
  const tmp = join(outDir, `${JOURNAL_FILE}.tmp`);
  writeFileSync(tmp, JSON.stringify(journal));
  renameSync(tmp, join(outDir, JOURNAL_FILE));
  apply(outDir, journal, options);
  return result;
}

/** Finishes or discards what an interrupted run left behind. Safe to call at any time. */
export function recoverOutput(
  outDir: string,
): "clean" | "rolled-forward" | "discarded" {
  const journalPath = join(outDir, JOURNAL_FILE);
  let journal: Journal | undefined;
  if (existsSync(journalPath)) {
    try {
      journal = JSON.parse(readFileSync(journalPath, "utf8")) as Journal;
    } catch {
      journal = undefined;
    }
  }
  if (journal) {
    apply(outDir, journal);
    return "rolled-forward";
  }
  const leftovers = [
    join(outDir, STAGING_DIR),
    journalPath,
    `${journalPath}.tmp`,
    join(outDir, `${MANIFEST_FILE}.tmp`),
  ].filter((p) => existsSync(p));
  for (const path of leftovers) rmSync(path, { recursive: true, force: true });
  return leftovers.length > 0 ? "discarded" : "clean";
}

/** True when an interrupted run left bookkeeping behind (`--check` reports it as stale). */
export function hasInterruptedRun(outDir: string): boolean {
  return (
    existsSync(join(outDir, JOURNAL_FILE)) ||
    existsSync(join(outDir, STAGING_DIR))
  );
}

function stage(
  outDir: string,
  plan: OutputPlan,
  options: WriteOptions,
): Journal {
  const moves: Journal["moves"] = [];
  plan.write.forEach(({ file }, i) => {
    // flat numbered names: staging needs no folders and cannot collide with itself
    const staged = `${STAGING_DIR}/${i}`;
    writeTextFile(join(outDir, staged), file.contents);
    moves.push([staged, file.path]);
    options.afterStep?.("stage", i + 1);
  });
  return {
    moves,
    remove: plan.remove.map((r) => r.path),
    manifest: plan.manifestText,
  };
}

function apply(
  outDir: string,
  journal: Journal,
  options: WriteOptions = {},
): void {
  journal.moves.forEach(([staged, path], i) => {
    const from = join(outDir, staged);
    if (!existsSync(from)) return; // moved before an interruption
    const to = join(outDir, path);
    mkdirSync(dirname(to), { recursive: true });
    renameSync(from, to);
    options.afterStep?.("apply", i + 1);
  });
  for (const path of journal.remove) {
    try {
      unlinkSync(join(outDir, path));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
    pruneEmptyFolders(outDir, path);
  }
  const tmp = join(outDir, `${MANIFEST_FILE}.tmp`);
  writeFileSync(tmp, journal.manifest);
  renameSync(tmp, join(outDir, MANIFEST_FILE));
  rmSync(join(outDir, STAGING_DIR), { recursive: true, force: true });
  rmSync(join(outDir, JOURNAL_FILE), { force: true });
}

/** Removes the folders of a removed file that are now empty, never the output folder itself. */
function pruneEmptyFolders(outDir: string, path: string): void {
  let folder = dirname(path);
  while (folder !== "." && folder !== "") {
    const full = join(outDir, folder);
    try {
      if (readdirSync(full).length > 0) return;
      rmdirSync(full);
    } catch {
      return;
    }
    folder = dirname(folder);
  }
}
