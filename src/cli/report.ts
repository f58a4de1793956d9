import { slashedRelative } from "../workflow/sources/real-path.js";
import type { Diagnostic, Severity } from "../model/types.js";
import type { Paint } from "./colors.js";
import type { Stream } from "./run-io.js";
import type { GenerateSettings } from "../workflow/config/settings.js";
import {
  formatDiagnostic,
  frameLines,
  severityLabel,
  shownPlace,
  visible,
} from "./diagnostic-format.js";
import {
  leftBehind,
  leftBehindMessage,
} from "../workflow/output/moved-output.js";
import { warningKey } from "../workflow/records/warning-record.js";
import { grouped } from "../model/lists.js";
import { fileStart, SEVERITY_ORDER } from "../model/diagnostics/reporter.js";
export { visibleLines } from "./diagnostic-format.js";

export function tally(diagnostics: readonly Diagnostic[]) {
  const count = (s: Severity) =>
    diagnostics.filter((d) => d.severity === s).length;
  return { errors: count("error"), warnings: count("warning") };
}

/** Prints diagnostics errors first, the first `max` in full with a code frame, the rest as a count. */
export function printDiagnostics(
  diagnostics: readonly Diagnostic[],
  opts: { paint: Paint; baseDir: string; cwd: string; max: number },
  write: (text: string) => void,
): void {
  // sort is stable: each severity keeps the run's order
  const ordered = [...diagnostics].sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  );
  const cache = new Map<string, string[] | undefined>();
  const lines = (abs: string) => {
    if (!cache.has(abs)) cache.set(abs, frameLines(abs));
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
      `… and ${plural(hidden, "more diagnostic")} (raise --max-diagnostics to see them)\n`,
    );
}

/** How many codes a run's new warnings list, one line each; the summary counts the rest. */
const WARNING_CODES_SHOWN = 12;

/** New warnings, one line per code (docs/diagnostics.md): a messy spec's first run fits a screen. */
export function printWarningGroups(
  warnings: readonly Diagnostic[],
  opts: { paint: Paint; baseDir: string; cwd: string },
  write: (text: string) => void,
): void {
  const groups = grouped(warnings, (d) => d.code);
  const { paint } = opts;
  for (const [code, list] of [...groups].slice(0, WARNING_CODES_SHOWN)) {
    const d = list[0]!;
    const count = list.length > 1 ? ` ×${list.length}, the first:` : "";
    write(
      `${paint.bold(shownPlace(d, opts))}: ${severityLabel(d.severity, paint)} ${paint.dim(code)}${count} ${visible(d.message)}\n`,
    );
  }
  const more = groups.size - WARNING_CODES_SHOWN;
  if (more > 0)
    write(`… and warnings of ${plural(more, "more code")}: apiloom inspect\n`);
}

/** Errors in full, the rest only when `verbose`; `fresh`: held warnings new since the last run. */
export function selectShown(
  diagnostics: readonly Diagnostic[],
  opts: { verbose: boolean; quiet: boolean; known: Set<string> | undefined },
): { shown: Diagnostic[]; held: Diagnostic[]; fresh: Diagnostic[] } {
  const inFull = (d: Diagnostic) =>
    d.severity === "error" || (opts.verbose && !opts.quiet);
  const held = diagnostics.filter((d) => !inFull(d));
  return {
    shown: diagnostics.filter(inFull),
    held,
    fresh: held.filter(
      (d) =>
        d.severity === "warning" &&
        !opts.quiet &&
        opts.known !== undefined &&
        !opts.known.has(warningKey(d)),
    ),
  };
}

/** `0 errors, 34 warnings (2 new, above): apiloom inspect, or --verbose`. */
export function problemsText(
  t: ReturnType<typeof tally>,
  fresh: number,
  held: readonly Diagnostic[],
): string {
  const heldWarnings = held.some((d) => d.severity === "warning");
  return `${plural(t.errors, "error")}, ${plural(t.warnings, "warning")}${
    fresh > 0 && heldWarnings ? ` (${fresh} new, above)` : ""
  }${heldWarnings ? ": apiloom inspect, or --verbose" : ""}`;
}

/** Several APIs' JSON reports as one object, `{ "apis": { <name>: … } }`. */
export function apisJson(reports: Iterable<readonly unknown[]>): string {
  return JSON.stringify({ apis: Object.fromEntries(reports) }, null, 2) + "\n";
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

/** A path as the user would type it from where they are. */
export function shownPath(cwd: string, abs: string): string {
  return slashedRelative(cwd, abs) || ".";
}

/** `apiloom: config apiloom.config.ts`, and in a one-off run what of it is not used. */
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

/** `output/left-behind` at the config (docs/configuration.md): only a whole-config run can tell. */
export function printLeftBehind(
  apis: readonly GenerateSettings[],
  opts: { paint: Paint; cwd: string; stderr: Stream },
): void {
  const { configFile, baseDir } = apis[0]!;
  if (!configFile || apis.some((a) => a.notApplied?.length)) return;
  for (const left of leftBehind(configFile, baseDir, apis)) {
    const d: Diagnostic = {
      severity: "warning",
      code: "output/left-behind",
      message: leftBehindMessage(left, baseDir),
      ...fileStart(slashedRelative(baseDir, configFile)),
    };
    opts.stderr.write(
      formatDiagnostic(d, { ...opts, baseDir, lines: () => undefined }),
    );
  }
}
