import { readFileSync } from "node:fs";
import { relative, sep } from "node:path";
import type { GeneratedFile } from "../emit/artifact.js";
import { unifiedDiff } from "./diff.js";
import { MANIFEST_FILE } from "./output-files.js";
import { planOutput } from "./plan.js";
import { hasInterruptedRun } from "./writer.js";

export interface CheckReport {
  /** One line per stale file: `M path` changed, `A path` missing, `D path` no longer made, `! path` conflict. */
  stale: string[];
  /** Unified diffs of the stale files, capped at `maxLines` in all. */
  diff: string;
}

/**
 * Compares what a run would make with what is on disk, touching nothing. The name lock is part
 * of the comparison: CI must also catch a lock that was not committed.
 */
export function checkOutput(
  outDir: string,
  files: readonly GeneratedFile[],
  lock: { file: string; text: string; baseDir: string } | undefined,
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
  if (plan.manifestStale && stale.length === 0)
    stale.push(`M ${MANIFEST_FILE}`);
  if (lock) {
    let before: string | undefined;
    try {
      before = readFileSync(lock.file, "utf8");
    } catch {
      before = undefined;
    }
    if (before !== lock.text) {
      const shown = relative(lock.baseDir, lock.file).split(sep).join("/");
      stale.push(`${before === undefined ? "A" : "M"} ${shown}`);
      diffs.push(unifiedDiff(shown, before, lock.text));
    }
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
