import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import type { GeneratedFile } from "../emit/artifact.js";
import { compareModels } from "../diff/compare.js";
import { loadModel } from "../pipeline.js";
import { summarize, summaryLine } from "./diff-format.js";

/**
 * What changed in the API since the last run, in one line, from the OpenAPI document apiloom
 * writes (the merged model as it was, and as it is now): read before the output is replaced.
 * Undefined when there is no earlier document, nothing changed, or either does not load.
 */
export function changesSinceLastRun(
  out: string,
  files: readonly GeneratedFile[],
): (() => string | undefined) | undefined {
  const now = files.find((f) =>
    /^openapi\.(json|ya?ml)$/.test(basename(f.path)),
  );
  if (!now) return undefined;
  const file = join(out, now.path);
  if (!existsSync(file)) return undefined;
  let before: string;
  try {
    before = readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
  if (before === now.contents) return undefined;
  // compared after the output is written: a failed write has nothing to summarise
  return () => {
    const load = (text: string) =>
      loadModel([{ file: now.path, text }], { cwd: out });
    const a = load(before);
    const b = load(now.contents);
    if ([a, b].some((m) => m.diagnostics.some((d) => d.severity === "error")))
      return undefined;
    const changes = compareModels(a, b);
    if (changes.length === 0) return undefined;
    return `apiloom: since the last run: ${summaryLine(summarize(changes))} (apiloom diff tells what and where)\n`;
  };
}
