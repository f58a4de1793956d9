import { readFileSync } from "node:fs";
import { relative, sep } from "node:path";
import type { Diagnostic } from "../model/types.js";
import type { Paint } from "./colors.js";
import type { GenerateSettings } from "../workflow/settings.js";
import { formatDiagnostic } from "./diagnostic-format.js";

export interface Tally {
  errors: number;
  warnings: number;
  infos: number;
}

export function tally(diagnostics: readonly Diagnostic[]): Tally {
  const t: Tally = { errors: 0, warnings: 0, infos: 0 };
  for (const d of diagnostics)
    if (d.severity === "error") t.errors++;
    else if (d.severity === "warning") t.warnings++;
    else t.infos++;
  return t;
}

/**
 * Prints diagnostics errors first (then warnings, then infos, each in model order), the first
 * `max` in full with a code frame and the rest as a count, so 5,000 warnings on a big spec do
 * not bury the one error.
 */
export function printDiagnostics(
  diagnostics: readonly Diagnostic[],
  opts: { paint: Paint; baseDir: string; cwd: string; max: number },
  write: (text: string) => void,
): void {
  const rank = { error: 0, warning: 1, info: 2 } as const;
  const ordered = diagnostics
    .map((d, i) => ({ d, i }))
    .sort((a, b) => rank[a.d.severity] - rank[b.d.severity] || a.i - b.i)
    .map(({ d }) => d);
  const cache = new Map<string, string[] | undefined>();
  const lines = (abs: string) => {
    if (!cache.has(abs)) {
      try {
        cache.set(abs, readFileSync(abs, "utf8").split(/\r?\n/));
      } catch {
        cache.set(abs, undefined);
      }
    }
    return cache.get(abs);
  };
  for (const d of ordered.slice(0, opts.max)) {
    const text = formatDiagnostic(d, { ...opts, lines });
    // a blank line after each multi-line entry keeps frames apart; one-liners stay together
    write(text.indexOf("\n") < text.length - 1 ? `${text}\n` : text);
  }
  const hidden = ordered.length - opts.max;
  if (hidden > 0)
    write(
      `… and ${hidden} more diagnostic${hidden === 1 ? "" : "s"} (raise --max-diagnostics to see them)\n`,
    );
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

/** A path as the user would type it from where they are; folders end in `/`. */
export function shownPath(cwd: string, abs: string, folder = false): string {
  const rel = relative(cwd, abs).split(sep).join("/") || ".";
  return folder ? `${rel}/` : rel;
}

/**
 * `apiloom: config apiloom.config.ts`, and in a one-off run what of it is not used; nothing
 * without a config.
 */
export function configLine(
  settings: Pick<GenerateSettings, "configFile" | "notApplied">,
  cwd: string,
): string {
  if (!settings.configFile) return "";
  const unused = settings.notApplied ?? [];
  const why =
    unused.length > 0
      ? `; its ${unused.join(" and ")} ${unused.length > 1 ? "are" : "is"} not used with inputs from the command line`
      : "";
  return `apiloom: config ${shownPath(cwd, settings.configFile)}${why}\n`;
}
