import {
  mkdirSync,
  renameSync,
  rmSync,
  rmdirSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import type { GeneratedFile } from "../../emit/artifact.js";
import type { Fingerprint } from "../records/fingerprint.js";
import type { Diagnostic } from "../../model/types.js";
import { WorkflowReporter as Reporter } from "../codes.js";
import {
  journalText,
  readJournal,
  type Journal,
  type JournalProblem,
} from "./journal.js";
import { fileHash, sha256 } from "../records/manifest.js";
import { stagedText } from "./early-file.js";
import {
  JOURNAL_FILE,
  JOURNAL_TMP,
  MANIFEST_FILE,
  OLD_MANIFEST_TMP,
  STAGING_DIR,
} from "./output-files.js";
import { assertWritableWay, makeFolders } from "./safe-path.js";
import { withOutputLock } from "./output-lock.js";
import { writeTextFile } from "./text-chunks.js";
import { statOf } from "../sources/real-path.js";
import { planOutput, type OutputPlan } from "./plan.js";

export type WriteResult = ReturnType<typeof writeLocked>;

export type WriteStep =
  "early" | "stage" | "commit" | "apply" | "remove" | "manifest" | "done";

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

export interface WriteOptions {
  /** Called after each file operation (`count` from 1 within each phase): the crash tests kill there. */
  afterStep?: (phase: WriteStep, count: number) => void;
  /** What the files were made from, recorded in the manifest so the next run can skip its work. */
  fingerprint?: Fingerprint;
  /**
   * An early staging that holds the lock, recovered the folder and staged `count` files already:
   * the writer's own staged names start after them.
   */
  early?: { diagnostics: Diagnostic[]; count: number };
  /** The shortest text staged early (early-stage.ts); tests pass 0 to stage them all. */
  earlyMinChars?: number;
}

/**
 * The file system refused a write; `code` is the system's (ENOSPC, EROFS, EACCES), the message
 * says the cause in words and whether the folder was left as it was (unless after the commit).
 */
export class OutputWriteError extends Error {
  readonly code: string;
  constructor(error: NodeJS.ErrnoException, committed: boolean) {
    const cause = CAUSES[error.code ?? ""];
    const where = error.path ? ` at ${error.path}` : "";
    super(
      `${cause ? `${cause} (${error.code}${where})` : error.message}; ${
        committed
          ? "the run was committed: the next run finishes it"
          : "nothing in the output folder was changed"
      }`,
    );
    this.code = error.code ?? "EIO";
  }
}

const CAUSES: Record<string, string> = {
  EROFS: "the file system is read-only",
  EACCES: "permission denied",
  EPERM: "the operation is not permitted",
  ENOSPC: "no space left on the device",
  EDQUOT: "the disk quota is exceeded",
  ENOTDIR: "a file is where a folder must be",
};

/**
 * Writes the output folder as one transaction (docs/configuration.md): stage every new or changed
 * file under `.apiloom-staging/`; commit by renaming a journal of the moves into place; apply the
 * renames and removals, which write no data, so the next run rolls a killed apply forward. (A
 * sibling folder swapped in would reset mtimes, drop hand-made files, fail on a mount point.)
 */
export function writeOutput(
  outDir: string,
  files: readonly GeneratedFile[],
  options: WriteOptions = {},
): WriteResult {
  const state = { committed: false };
  try {
    const write = () => writeLocked(outDir, files, options, state);
    // an early staging holds the lock already (taking it again would find this very process)
    return options.early ? write() : withOutputLock(outDir, write);
  } catch (error) {
    if (typeof (error as NodeJS.ErrnoException).code === "string")
      throw new OutputWriteError(
        error as NodeJS.ErrnoException,
        state.committed,
      );
    throw error;
  }
}

function writeLocked(
  outDir: string,
  files: readonly GeneratedFile[],
  options: WriteOptions,
  state: { committed: boolean },
) {
  const early = options.early;
  const diagnostics = early
    ? [...early.diagnostics]
    : recoverOutput(outDir, state).diagnostics;
  const plan = planOutput(outDir, files, options.fingerprint, {
    texts: false,
  });
  for (const entry of ignoredEntries(outDir, plan)) diagnostics.push(entry);
  if (plan.conflicts.length > 0) throw new OutputConflictError(plan.conflicts);
  const result = {
    written: plan.write.map((w) => w.file.path),
    unchanged: plan.unchanged,
    removed: plan.remove.map((r) => r.path),
    // what was found in the folder's bookkeeping and not acted on (an unsound journal, unsafe entries)
    diagnostics,
  };
  if (plan.write.length + plan.remove.length === 0 && !plan.manifestStale)
    return result;
  for (const path of [...result.written, ...result.removed, MANIFEST_FILE])
    assertWritableWay(outDir, path);
  let journal: Journal;
  try {
    if (!early) mkdirSync(join(outDir, STAGING_DIR));
    journal = stage(outDir, plan, options, early?.count ?? 0);
    const tmp = join(outDir, JOURNAL_TMP);
    writeFileSync(tmp, journalText(journal), { flag: "wx" });
    renameSync(tmp, join(outDir, JOURNAL_FILE));
    state.committed = true;
  } catch (error) {
    // nothing is committed: the folder is as it was once what was staged is gone
    try {
      clearBookkeeping(outDir);
    } catch {
      // the refusal itself is what the user must hear about
    }
    throw error;
  }
  options.afterStep?.("commit", 1);
  apply(outDir, journal, options);
  options.afterStep?.("done", 1);
  return result;
}

/** The manifest's entries the plan left alone, as warnings naming the manifest's line. */
export function ignoredEntries(outDir: string, plan: OutputPlan): Diagnostic[] {
  const reporter = new Reporter();
  for (const { path, reason, line, column } of plan.ignored)
    reporter.report(
      "output/unsafe-manifest-entry",
      `the manifest lists ${JSON.stringify(path)}: ${reason}; the entry is ignored (nothing is written or removed there)`,
      { file: join(outDir, MANIFEST_FILE), line, column },
    );
  return reporter.diagnostics;
}

/** Finishes (a sound journal) or discards (anything else, reported) what an interrupted run left. */
export function recoverOutput(
  outDir: string,
  state = { committed: false },
): {
  status: "clean" | "rolled-forward" | "discarded";
  diagnostics: Diagnostic[];
} {
  const read = readJournal(outDir);
  if (read && "journal" in read) {
    // a refusal from here on is met in a committed run: the next run tries again
    state.committed = true;
    apply(outDir, read.journal);
    state.committed = false;
    return { status: "rolled-forward", diagnostics: [] };
  }
  const found = clearBookkeeping(outDir);
  return {
    status: found ? "discarded" : "clean",
    diagnostics: read ? unsafeJournalDiagnostic(outDir, read.problem) : [],
  };
}

/**
 * Rolls forward a sound journal of a run killed after its commit point, while no other apiloom
 * holds the folder, so every command reading it finds one run's output whole; anything else is
 * left for `--check` to report and the next `generate` to finish or discard.
 */
export function settleOutput(outDir: string): void {
  if (!entryExists(join(outDir, JOURNAL_FILE))) return;
  try {
    withOutputLock(outDir, () => {
      const read = readJournal(outDir);
      if (read && "journal" in read) apply(outDir, read.journal);
    });
  } catch {
    // left as it is
  }
}

export function unsafeJournalDiagnostic(
  outDir: string,
  problem: JournalProblem,
): Diagnostic[] {
  const reporter = new Reporter();
  const { message, line, column } = problem;
  reporter.report(
    "output/unsafe-journal",
    `an interrupted run's journal is not rolled forward: ${message}; it is discarded with the staged files (the output folder keeps what is there)`,
    { file: join(outDir, JOURNAL_FILE), line, column },
  );
  return reporter.diagnostics;
}

/** Removes the journal, the staging folder and temp files (links themselves, never their targets). */
function clearBookkeeping(outDir: string): boolean {
  const leftovers = [STAGING_DIR, JOURNAL_FILE, JOURNAL_TMP, OLD_MANIFEST_TMP]
    .map((name) => join(outDir, name))
    .filter(entryExists);
  for (const path of leftovers) rmSync(path, { recursive: true, force: true });
  return leftovers.length > 0;
}

/** Whether anything is at `path`, a link included. */
export function entryExists(path: string): boolean {
  return statOf(path, true) !== undefined;
}

export function hasInterruptedRun(outDir: string): boolean {
  return [JOURNAL_FILE, STAGING_DIR].some((name) =>
    entryExists(join(outDir, name)),
  );
}

/** Stages what was not staged early, numbering after the `first` names already taken. */
function stage(
  outDir: string,
  plan: OutputPlan,
  options: WriteOptions,
  first: number,
): Journal {
  const moves: Journal["moves"] = [];
  let next = first;
  plan.write.forEach(({ file }, i) => {
    const early = stagedText(file);
    if (early) moves.push([early.name, file.path, early.hash]);
    else {
      // flat numbered names: staging needs no folders and cannot collide with itself
      const staged = `${STAGING_DIR}/${next++}`;
      writeTextFile(join(outDir, staged), file.contents, "wx");
      moves.push([staged, file.path, fileHash(file)]);
    }
    options.afterStep?.("stage", i + 1);
  });
  const manifest = `${STAGING_DIR}/manifest`;
  writeTextFile(join(outDir, manifest), plan.manifestText, "wx");
  return {
    version: 2,
    moves,
    remove: plan.remove.map((r) => r.path),
    manifest: [manifest, sha256(plan.manifestText)],
  };
}

/** Only renames, removals and folder changes: every byte was written while staging. */
function apply(outDir: string, journal: Journal, options: WriteOptions = {}) {
  journal.moves.forEach(([staged, path], i) => {
    const from = join(outDir, staged);
    if (!entryExists(from)) return; // moved before an interruption
    const to = join(outDir, path);
    makeFolders(dirname(to));
    renameSync(from, to);
    options.afterStep?.("apply", i + 1);
  });
  journal.remove.forEach((path, i) => {
    try {
      unlinkSync(join(outDir, path));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
    // the folders it leaves empty go, never the output folder itself
    for (let folder = dirname(path); folder !== "."; folder = dirname(folder))
      try {
        rmdirSync(join(outDir, folder)); // refused when not empty
      } catch {
        break;
      }
    options.afterStep?.("remove", i + 1);
  });
  const manifest = join(outDir, journal.manifest[0]);
  if (entryExists(manifest)) renameSync(manifest, join(outDir, MANIFEST_FILE));
  options.afterStep?.("manifest", 1);
  rmSync(join(outDir, STAGING_DIR), { recursive: true, force: true });
  rmSync(join(outDir, JOURNAL_FILE), { force: true });
}
