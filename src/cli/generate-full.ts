import { performance } from "node:perf_hooks";
import {
  changesSinceLastRun,
  isGeneratedCode,
  staleVerdict,
} from "./generate-changes.js";
import { relative, sep } from "node:path";
import type { CheckReport } from "../workflow/output/check.js";
import { CONFIG_DEFAULTS } from "../workflow/config/types.js";
import type { Produced } from "../workflow/produce.js";
import type { GenerateSettings } from "../workflow/config/settings.js";
import type { Diagnostic } from "../model/types.js";
import type { GenerateOutcome, Made } from "../workflow/generate-once.js";
import type { GenerateFlags } from "./generate-options.js";
import type { RunIO } from "./run-io.js";
import type { Progress } from "./progress.js";
import {
  plural,
  printDiagnostics,
  printWarningGroups,
  problemsText,
  seconds,
  selectShown,
  shownPath,
  tally,
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
  printOptions: Parameters<typeof printDiagnostics>[1];
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
  const { shown, held, fresh } = selectShown(produced.diagnostics, {
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
  printWarningGroups(fresh, printOptions, say);
  const o: Outcome = {
    settings,
    produced,
    io,
    progress,
    say,
    out: shownPath(io.cwd, settings.out, true),
    endpoints: plural(produced.endpoints, "endpoint"),
    problems: problemsText(t, fresh.length, held),
    time: () => seconds(performance.now() - started),
    held,
    flags,
    printOptions,
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
    { ...o.printOptions, max: CONFIG_DEFAULTS.maxDiagnostics },
    o.say,
  );
  const t = tally([...o.produced.diagnostics, ...diagnostics]);
  o.problems = problemsText(t, 0, o.held);
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
  const handlers = o.produced.handlers;
  const handlersStale =
    handlers &&
    report.stale.includes(
      `M ${relative(o.settings.baseDir, handlers.file).split(sep).join("/")}`,
    );
  o.say(
    `${o.io.paint.red("apiloom:")} ${staleVerdict({
      out: o.out,
      stale: report.stale,
      since: o.produced.since,
      verbose: o.flags.verbose,
      ...(handlersStale
        ? {
            handlers: {
              file: shownPath(o.io.cwd, handlers.file),
              added: handlers.added,
            },
          }
        : {}),
    })}`,
  );
  // a short diff of the generated code; every file's (docs too) with --verbose
  o.io.stdout.write(
    o.flags.verbose ? report.diff : report.diffOf(isGeneratedCode, 40),
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
