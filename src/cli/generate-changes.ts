import type { SinceLastRun } from "../workflow/since-last-run.js";
import { summarize, summaryLine } from "./diff-format.js";

/**
 * What changed in the API since the last run, in one line, from the comparison of the OpenAPI
 * document apiloom wrote then with this run's (src/workflow/since-last-run.ts; the docs'
 * changelog page reads the same one). Called after the output is written: a failed write has
 * nothing to summarise. Undefined when there is no earlier document, nothing changed, or either
 * does not load.
 */
export function changesSinceLastRun(
  since: SinceLastRun | undefined,
): (() => string | undefined) | undefined {
  if (!since || since.before === undefined || since.before === since.now)
    return undefined;
  return () => {
    const changes = since.changes();
    if (!changes || changes.length === 0) return undefined;
    return `apiloom: since the last run: ${summaryLine(summarize(changes))} (apiloom diff tells what and where)\n`;
  };
}
