import { performance } from "node:perf_hooks";
import { changesSinceLastRun } from "./generate-changes.js";
import type { CheckReport } from "../workflow/check.js";
import { CONFIG_DEFAULTS } from "../workflow/config-types.js";
import type { Produced } from "../workflow/produce.js";
import type { GenerateSettings } from "../workflow/settings.js";
import type { Diagnostic } from "../model/types.js";
import type { GenerateOutcome, Made } from "../workflow/generate-once.js";
import { NEW_WARNINGS_SHOWN, warningKey } from "../workflow/warning-record.js";
import type { GenerateFlags } from "./generate-options.js";
import type { RunIO } from "./run-io.js";
import type { Progress } from "./progress.js";
import {
  plural,
  printDiagnostics,
  seconds,
  shownPath,
  tally,
  type Tally,
} from "./report.js";

/** What every ending of a run prints from. */
interface Outcome {
  settings: GenerateSettings;
  produced: Produced;
  io: RunIO;
  progress: Progress;
  say(text: string): void;
  /** `out/` as the user would type it. */
  out: string;
  /** `4 endpoints`, `0 errors, 2 warnings`, elapsed time. */
  endpoints: string;
  problems: string;
  time(): string;
  /** The diagnostics not printed in full (known warnings, infos): a --check failure prints them. */
  held: Diagnostic[];
  flags: GenerateFlags;
}

/**
 * What a run that made everything found, printed: the diagnostics, then the check's or the
 * write's result. Returns the exit code.
 */
export function printMade(
  {
    settings,
    flags,
    io,
    started,
  }: {
    settings: GenerateSettings;
    flags: GenerateFlags;
    io: RunIO;
    /** When the run started (performance.now()), for the elapsed time it prints. */
    started: number;
  },
  outcome: GenerateOutcome & Made,
  progress: Progress,
): number {
  const say = (text: string) => {
    progress.clear();
    io.stderr.write(text);
  };
  const { produced, known } = outcome;
  const t = tally(produced.diagnostics);
  const { shown, held, fresh, freshShown } = selectShown(produced.diagnostics, {
    verbose: flags.verbose || (settings.strict && t.warnings > 0),
    quiet: flags.quiet,
    known,
  });
  const printOptions = {
    paint: io.paint,
    baseDir: settings.baseDir,
    cwd: io.cwd,
    max: flags.maxDiagnostics ?? CONFIG_DEFAULTS.maxDiagnostics,
  };
  printDiagnostics(shown, printOptions, say);
  const o: Outcome = {
    settings,
    produced,
    io,
    progress,
    say,
    out: shownPath(io.cwd, settings.out, true),
    endpoints: plural(produced.endpoints, "endpoint"),
    problems: problems(t, { all: fresh, shown: freshShown }, held),
    time: () => seconds(performance.now() - started),
    held,
    flags,
  };
  if (outcome.refused) {
    const { why, fileSystem } = outcome.refused;
    say(
      `apiloom generate: ${fileSystem ? `cannot write ${o.out}: ` : ""}${why}\n`,
    );
    return 1;
  }
  if (outcome.status === "failed") {
    const why =
      t.errors > 0 ? "errors" : "warnings, which --strict treats as errors";
    say(
      `${io.paint.red("apiloom:")} ${o.endpoints}, ${o.problems}; nothing written because of ${why} (${o.time()})\n`,
    );
    return 1;
  }
  return outcome.status === "checked"
    ? printCheck(o, outcome.report!)
    : printWrite(o, outcome);
}

/** What the writer or check found in the output folder's bookkeeping (planted, torn). */
function printFolderDiagnostics(o: Outcome, diagnostics: Diagnostic[]): void {
  if (diagnostics.length === 0) return;
  printDiagnostics(
    diagnostics,
    {
      paint: o.io.paint,
      baseDir: o.settings.baseDir,
      cwd: o.io.cwd,
      max: CONFIG_DEFAULTS.maxDiagnostics,
    },
    o.say,
  );
  const t = tally([...o.produced.diagnostics, ...diagnostics]);
  o.problems = problems(t, { all: 0, shown: 0 }, o.held);
}

function printCheck(o: Outcome, report: CheckReport): number {
  printFolderDiagnostics(o, report.diagnostics);
  if (report.stale.length === 0) {
    if (!o.flags.quiet)
      o.say(
        `apiloom: ${o.out} is up to date: ${o.endpoints}, ${plural(o.produced.files.length, "file")}, ${o.problems} (${o.time()})\n`,
      );
    return 0;
  }
  o.io.stdout.write(report.diff);
  // a failing check shows every warning: the stale output may be why
  printDiagnostics(
    o.held,
    {
      paint: o.io.paint,
      baseDir: o.settings.baseDir,
      cwd: o.io.cwd,
      max: o.flags.maxDiagnostics ?? CONFIG_DEFAULTS.maxDiagnostics,
    },
    o.say,
  );
  o.say(
    `${o.io.paint.red("apiloom:")} ${o.out} is stale; run apiloom generate:\n${report.stale.map((s) => `  ${s}\n`).join("")}`,
  );
  return 1;
}

function printWrite(o: Outcome, made: Made): number {
  const result = made.result!;
  printFolderDiagnostics(o, result.diagnostics);
  if (made.outsideFailure !== undefined) {
    o.say(
      `apiloom generate: ${o.out} is written, but ${made.outsideFailure}\n`,
    );
    return 1;
  }
  const updated = made.updated ?? [];
  const handlers = o.produced.handlers;
  if (o.flags.quiet) return 0;
  if (
    handlers &&
    (handlers.before === undefined || handlers.added.length > 0) &&
    updated.some((u) => u.file === handlers.file)
  ) {
    const shown = shownPath(o.io.cwd, handlers.file);
    const stubs = plural(handlers.added.length, "handler stub");
    o.say(
      handlers.before === undefined
        ? `apiloom: created ${shown} with ${stubs}\n`
        : `apiloom: added ${stubs} to ${shown}: ${handlers.added.join(", ")}\n`,
    );
  }
  if (handlers && handlers.accepted.length > 0)
    o.say(
      `apiloom: accepted the changed contract of ${handlers.accepted.join(", ")} in ${shownPath(o.io.cwd, handlers.file)}\n`,
    );
  if (Array.isArray(o.flags.accept))
    for (const name of o.flags.accept)
      if (!handlers?.accepted.includes(name))
        o.say(
          `apiloom: --accept ${name}: no handler of that name has a changed contract; nothing accepted\n`,
        );
  const summary = changesSinceLastRun(o.produced.since)?.();
  if (summary) o.say(summary);
  o.say(
    `apiloom: ${o.endpoints} → ${o.out}: ${result.written.length} written, ${result.unchanged.length} unchanged, ${result.removed.length} removed; ${o.problems} (${o.time()})\n`,
  );
  return 0;
}

/**
 * Quiet by default: errors are always printed in full; warnings only when `verbose` (or
 * `--strict` made them errors) or when new since the last run into this folder (`known`: the
 * warning record, undefined when there is none, and then nothing is new); infos only when
 * `verbose`. `quiet` prints errors alone. The rest is held: counted in the summary.
 */
export function selectShown(
  diagnostics: readonly Diagnostic[],
  opts: { verbose: boolean; quiet: boolean; known: Set<string> | undefined },
): {
  shown: Diagnostic[];
  held: Diagnostic[];
  fresh: number;
  freshShown: number;
} {
  const shown: Diagnostic[] = [];
  const held: Diagnostic[] = [];
  let fresh = 0;
  let freshShown = 0;
  for (const d of diagnostics) {
    const isNew =
      d.severity === "warning" &&
      !opts.quiet &&
      opts.known !== undefined &&
      !opts.known.has(warningKey(d));
    if (isNew) fresh++;
    // new warnings are printed up to a cap (a first run's are all new); the summary counts the rest
    const showNew = isNew && freshShown < NEW_WARNINGS_SHOWN;
    if (showNew) freshShown++;
    if (d.severity === "error" || (opts.verbose && !opts.quiet) || showNew)
      shown.push(d);
    else held.push(d);
  }
  return { shown, held, fresh, freshShown };
}

/**
 * `0 errors, 34 warnings (2 new, above): apiloom inspect, or --verbose`; past the cap on new
 * warnings, `(10 of 34 new, above)`.
 */
function problems(
  t: Tally,
  fresh: { all: number; shown: number },
  held: readonly Diagnostic[],
): string {
  const heldWarnings = held.some((d) => d.severity === "warning");
  const shown =
    fresh.shown < fresh.all ? `${fresh.shown} of ${fresh.all}` : fresh.all;
  return `${plural(t.errors, "error")}, ${plural(t.warnings, "warning")}${
    fresh.all > 0 && heldWarnings ? ` (${shown} new, above)` : ""
  }${heldWarnings ? ": apiloom inspect, or --verbose" : ""}`;
}
