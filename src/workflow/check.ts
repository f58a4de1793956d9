import { relative, sep } from "node:path";
import type { GeneratedFile } from "../emit/artifact.js";
import { unifiedDiff } from "./diff.js";
import { MANIFEST_FILE } from "./output-files.js";
import { readIfExists, sameBytes, type OutsideFile } from "./outside-file.js";
import { planOutput } from "./plan.js";
import { hasInterruptedRun } from "./writer.js";

export interface CheckReport {
  /** One line per stale file: `M path` changed, `A path` missing, `D path` no longer made, `! path` conflict. */
  stale: string[];
  /** Unified diffs of the stale files, capped at `maxLines` in all. */
  diff: string;
}

/**
 * Compares what a run would make with what is on disk, touching nothing. Files kept outside the
 * output folder (the name lock, the handlers file) are compared too: CI must also catch a lock
 * that was not committed or a handlers file missing its new stubs.
 */
export function checkOutput(
  outDir: string,
  files: readonly GeneratedFile[],
  outside: { files: readonly OutsideFile[]; baseDir: string },
  maxLines = 200,
): CheckReport {
  const plan = planOutput(outDir, files);
  const stale: string[] = [];
  const diffs: string[] = [];
  if (hasInterruptedRun(outDir))
    stale.push("! an interrupted run left the output folder unfinished");
  for (const { file, before } of plan.write) {
    stale.push(`${before === undefined ? "A" : "M"} ${file.path}`);
    diffs.push(unifiedDiff(file.path, before, file.contents));
  }
  for (const { path, before } of plan.remove) {
    stale.push(`D ${path}`);
    diffs.push(unifiedDiff(path, before, undefined, { maxLines: 8 }));
  }
  for (const { path, reason } of plan.conflicts)
    stale.push(`! ${path}: ${reason}`);
  if (plan.fileListStale && stale.length === 0)
    stale.push(`M ${MANIFEST_FILE}`);
  for (const { file, contents } of outside.files) {
    const before = readIfExists(file);
    if (sameBytes(before, contents)) continue;
    const shown = relative(outside.baseDir, file).split(sep).join("/");
    stale.push(`${before === undefined ? "A" : "M"} ${shown}`);
    diffs.push(
      unifiedDiff(shown, before?.toString(), Buffer.from(contents).toString()),
    );
  }
  return { stale, diff: capLines(diffs.join(""), maxLines) };
}

function capLines(text: string, maxLines: number): string {
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  if (lines.length <= maxLines)
    return lines.length ? lines.join("\n") + "\n" : "";
  const shown = lines.slice(0, maxLines - 1);
  shown.push(`... ${lines.length - shown.length} more diff lines not shown`);
  return shown.join("\n") + "\n";
}
