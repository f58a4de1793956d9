import { join } from "node:path";
import { slashedRelative } from "../sources/real-path.js";
import type { GeneratedFile } from "../../emit/artifact.js";
import { capLines, unifiedDiff } from "./diff.js";
import { MANIFEST_FILE } from "./output-files.js";
import { readIfExists, sameBytes, type OutsideFile } from "./outside-file.js";
import { planOutput } from "./plan.js";
import { readJournal } from "./journal.js";
import {
  hasInterruptedRun,
  ignoredEntries,
  unsafeJournalDiagnostic,
} from "./writer.js";

export type CheckReport = ReturnType<typeof checkOutput>;

/**
 * Compares what a run would make with what is on disk, touching nothing; the name lock and the
 * handlers file too: CI must catch a lock not committed or a handlers file missing its stubs.
 * `stale`: one line per stale file (`M` changed, `A` missing, `D` no longer made, `!` a
 * conflict); `diff`: their unified diffs, `maxLines` at most (`diffOf`: of those `keep` takes);
 * `diagnostics`: what a run would not act on (a journal it would discard, unsafe manifest entries).
 */
export function checkOutput(
  outDir: string,
  files: readonly GeneratedFile[],
  outside: { files: readonly OutsideFile[]; baseDir: string },
  maxLines = 200,
) {
  const plan = planOutput(outDir, files);
  const stale: string[] = [];
  const diffs: { path: string; text: string }[] = [];
  const journal = readJournal(outDir);
  const diagnostics = [
    ...(journal && "problem" in journal
      ? unsafeJournalDiagnostic(outDir, journal.problem)
      : []),
    ...ignoredEntries(outDir, plan),
  ];
  if (hasInterruptedRun(outDir))
    stale.push("! an interrupted run left the output folder unfinished");
  // paths from the project's folder: two APIs' folders never show the same path, and `patch -p1`
  // applies there
  const fromBase = (path: string) =>
    slashedRelative(outside.baseDir, join(outDir, path));
  /** A file added, changed or removed: its line, and its diff (`shown`: the diff's name for it). */
  const changed = (
    path: string,
    shown: string,
    before: string | undefined,
    after: string | undefined,
  ) => {
    stale.push(
      `${after === undefined ? "D" : before === undefined ? "A" : "M"} ${path}`,
    );
    const max = after === undefined ? { maxLines: 8 } : {};
    diffs.push({ path, text: unifiedDiff(shown, before, after, max) });
  };
  for (const { file, before } of plan.write)
    changed(file.path, fromBase(file.path), before, file.contents);
  for (const { path, before } of plan.remove)
    changed(path, fromBase(path), before, undefined);
  for (const { path, reason } of plan.conflicts)
    stale.push(`! ${path}: ${reason}`);
  if (plan.fileListStale && stale.length === 0)
    stale.push(`M ${MANIFEST_FILE}`);
  for (const { file, contents } of outside.files) {
    const before = readIfExists(file);
    if (sameBytes(before, contents)) continue;
    const shown = slashedRelative(outside.baseDir, file);
    changed(shown, shown, before?.toString(), Buffer.from(contents).toString());
  }
  const diffOf = (keep: (path: string) => boolean, max: number) =>
    capLines(
      diffs
        .filter((d) => keep(d.path))
        .flatMap((d) => d.text.split("\n").slice(0, -1)),
      max,
      "more diff lines not shown",
    );
  return {
    stale,
    diff: diffOf(() => true, maxLines),
    diffOf,
    diagnostics,
  };
}
