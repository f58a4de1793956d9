import type { Change } from "../diff/change.js";
import type { SinceLastRun } from "../workflow/records/since-last-run.js";
import { compareCodeUnits } from "../model/order.js";
import { summarize, summaryLine } from "./diff-format.js";
import { plural } from "./report.js";

/**
 * What changed in the API since the last run, in one line, from the comparison of the OpenAPI
 * document apiloom wrote then with this run's (src/workflow/records/since-last-run.ts; the docs'
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

/** Whether a stale path is generated code (its diff is shown), not docs, the OpenAPI document or a record. */
export function isGeneratedCode(path: string): boolean {
  return /\.[cm]?[jt]s$/.test(path);
}

/** Stale files a verdict lists before `…`. */
const FILES_SHOWN = 8;

/** Names shown in a verdict line before `…`. */
const NAMES_SHOWN = 6;

function names(list: readonly string[]): string {
  const shown = list.slice(0, NAMES_SHOWN).join(", ");
  return list.length > NAMES_SHOWN
    ? `${shown}, … ${list.length - NAMES_SHOWN} more`
    : shown;
}

/**
 * A stale `--check` in the user's terms, before any diff: which endpoints changed (in the client's
 * names, from the same comparison as changesSinceLastRun), which handler stubs the handlers file
 * lacks, which files are stale, and the command that brings them up to date.
 */
export function staleVerdict(o: {
  /** `out/` as the user types it. */
  out: string;
  /** CheckReport.stale: `M path`, `A path`, `D path`, `! …`. */
  stale: readonly string[];
  since: SinceLastRun | undefined;
  /** The handlers file as the user types it, and the stubs it lacks, when it is stale. */
  handlers?: { file: string; added: readonly string[] };
  verbose: boolean;
}): string {
  const lines: string[] = [];
  const changes = changedEndpoints(o.since);
  lines.push(
    `${o.out} is stale: ${changes ? "the inputs changed since it was generated" : "it differs from what the inputs and options make now (an edit by hand, or another apiloom)"}`,
  );
  if (changes) {
    const parts = (["added", "changed", "removed"] as const)
      .filter((k) => changes[k].length > 0)
      .map((k) => `${changes[k].length} ${k} (${names(changes[k])})`);
    lines.push(`  endpoints: ${parts.join(", ")}`);
  }
  if (o.handlers && o.handlers.added.length > 0)
    lines.push(
      `  handlers: ${o.handlers.file} lacks ${plural(o.handlers.added.length, "stub")} (${names(o.handlers.added)})`,
    );
  // the generated code first: its diff follows; the rest is listed
  const isCode = (s: string) => isGeneratedCode(s.replace(/^[AMD!] /, ""));
  const code = o.stale.filter(isCode);
  const listed = [...code, ...o.stale.filter((s) => !isCode(s))];
  const other = o.stale.length - code.length;
  lines.push(
    `  ${plural(o.stale.length, "file")} to update` +
      (other > 0
        ? ` (${other} of them docs, the OpenAPI document or records${o.verbose ? "" : ": their diffs with --verbose"})`
        : "") +
      ":",
    ...listed.slice(0, FILES_SHOWN).map((s) => `    ${s}`),
  );
  if (listed.length > FILES_SHOWN)
    lines.push(`    … ${listed.length - FILES_SHOWN} more`);
  lines.push(
    "next: apiloom generate (the same options, without --check), then commit what it writes",
  );
  return lines.map((l) => `${l}\n`).join("");
}

/** The endpoints added, changed and removed since the last run, by client function; undefined when unknown or none. */
function changedEndpoints(
  since: SinceLastRun | undefined,
): Record<"added" | "changed" | "removed", string[]> | undefined {
  if (!since || since.before === undefined || since.before === since.now)
    return undefined;
  const changes: readonly Change[] = since.changes() ?? [];
  if (changes.length === 0) return undefined;
  const by = {
    added: new Set<string>(),
    changed: new Set<string>(),
    removed: new Set<string>(),
  };
  for (const c of changes) {
    const kind =
      c.rule === "operation-added"
        ? by.added
        : c.rule === "operation-removed"
          ? by.removed
          : by.changed;
    kind.add(c.names.function ?? c.endpoint);
    for (const a of c.also ?? []) by.changed.add(a.function);
  }
  for (const name of [...by.added, ...by.removed]) by.changed.delete(name);
  const sorted = (s: Set<string>) => [...s].sort(compareCodeUnits);
  return {
    added: sorted(by.added),
    changed: sorted(by.changed),
    removed: sorted(by.removed),
  };
}
