import { performance } from "node:perf_hooks";
import { changesSinceLastRun } from "./generate-changes.js";
import { join } from "node:path";
import { checkOutput } from "../workflow/check.js";
import { makeManifest, manifestText } from "../workflow/manifest.js";
import { MANIFEST_FILE } from "../workflow/output-files.js";
import { readIfExists } from "../workflow/outside-file.js";
import { markVerified } from "../workflow/verified.js";
import {
  readWarningKeys,
  NEW_WARNINGS_SHOWN,
  warningKey,
  writeWarningKeys,
} from "../workflow/warning-record.js";
import { CONFIG_DEFAULTS } from "../workflow/config-types.js";
import { EmitterError } from "../workflow/output-files.js";
import { PluginError } from "../emit/plugin-error.js";
import { TemplateError } from "../emit/templates.js";
import {
  OutsideFileError,
  writeFileIfChanged,
  type OutsideFile,
} from "../workflow/outside-file.js";
import { produce, type Produced, type Stages } from "../workflow/produce.js";
import { EarlyStaging } from "../workflow/early-stage.js";
import type { RemoteInputs } from "../workflow/remote-inputs.js";
import type { GenerateSettings } from "../workflow/settings.js";
import type { Diagnostic } from "../model/types.js";
import { OutputBusyError } from "../workflow/output-lock.js";
import { OutputConflictError, writeOutput } from "../workflow/writer.js";
import type { GenerateFlags } from "./generate-options.js";
import type { RunIO } from "./run-io.js";
import { progressLine, type Progress } from "./progress.js";
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
  /** The files staged early, when this run writes. */
  early?: EarlyStaging;
}

/** One full run, as the command line starts it. */
export interface FullRun {
  settings: GenerateSettings;
  flags: GenerateFlags;
  stages: Stages;
  io: RunIO;
  /** When the run started (performance.now()), for the elapsed time it prints. */
  started: number;
  /** The URL inputs, fetched (remote-inputs.ts); produce() fetches them when not given. */
  remote?: RemoteInputs;
}

/**
 * The full run: make everything, report, then check or write. Returns the exit code. A run that
 * writes stages its large texts in the output folder as they are made (early-stage.ts), so it
 * does not hold them all in memory; `--check` keeps them in memory and writes nothing.
 */
export async function runFull(run: FullRun): Promise<number> {
  const early = run.flags.check
    ? undefined
    : new EarlyStaging(run.settings.out, {
        minChars: run.io.write?.earlyMinChars,
        afterStep: run.io.write?.afterStep,
      });
  try {
    return await makeAndReport(run, early);
  } finally {
    early?.close();
  }
}

/** Makes everything, prints the diagnostics, then checks or writes (with the files staged early). */
async function makeAndReport(
  { settings, flags, stages, io, started, remote }: FullRun,
  early: EarlyStaging | undefined,
): Promise<number> {
  const progress = progressLine(io.stderr, started);
  const say = (text: string) => {
    progress.clear();
    io.stderr.write(text);
  };
  let produced: Produced;
  try {
    produced = await produce({
      settings,
      stages,
      onStage: (m) => progress.update(m),
      sources: io.sources,
      accept: flags.accept,
      keep: early?.keep,
      remote,
    });
  } catch (error) {
    // the lock or the handlers file cannot be read as a file (LockFileError is one)
    if (error instanceof OutsideFileError) {
      say(`apiloom generate: ${error.message}\n`);
      return 2;
    }
    if (error instanceof TemplateError) {
      say(`apiloom generate: ${error.message}\n`);
      return 2;
    }
    // a plugin's error (it threw, or returned what is not its files) is failedRun's: run-io.ts
    if (error instanceof PluginError) throw error;
    if (error instanceof EmitterError) {
      say(`apiloom generate: internal error: ${error.message}\n`);
      return 2;
    }
    throw error;
  } finally {
    progress.clear();
  }
  const t = tally(produced.diagnostics);
  const failing = t.errors > 0 || (settings.strict && t.warnings > 0);
  const { shown, held, fresh, freshShown } = selectShown(produced.diagnostics, {
    verbose: flags.verbose || (settings.strict && t.warnings > 0),
    quiet: flags.quiet,
    known: readWarningKeys(settings.out, settings.baseDir),
  });
  writeWarningKeys(settings.out, settings.baseDir, produced.diagnostics);
  const printOptions = {
    paint: io.paint,
    baseDir: settings.baseDir,
    cwd: io.cwd,
    max: flags.maxDiagnostics ?? CONFIG_DEFAULTS.maxDiagnostics,
  };
  printDiagnostics(shown, printOptions, say);
  const outcome: Outcome = {
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
    early,
  };
  if (failing) {
    const why =
      t.errors > 0 ? "errors" : "warnings, which --strict treats as errors";
    say(
      `${io.paint.red("apiloom:")} ${outcome.endpoints}, ${outcome.problems}; nothing written because of ${why} (${outcome.time()})\n`,
    );
    return 1;
  }
  return flags.check ? check(outcome) : write(outcome);
}

/** The lock and the handlers file: kept outside the output folder, checked and written with it. */
function outsideFiles({ settings, produced }: Outcome): OutsideFile[] {
  const files: OutsideFile[] = [];
  if (settings.lock && produced.lockText !== undefined)
    files.push({ file: settings.lock, contents: produced.lockText });
  if (produced.handlers)
    files.push({
      file: produced.handlers.file,
      contents: produced.handlers.after,
    });
  return files;
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

function check(o: Outcome): number {
  const report = checkOutput(o.settings.out, o.produced.files, {
    files: outsideFiles(o),
    baseDir: o.settings.baseDir,
  });
  printFolderDiagnostics(o, report.diagnostics);
  if (report.stale.length === 0) {
    if (
      o.produced.fingerprint &&
      readIfExists(join(o.settings.out, MANIFEST_FILE))?.equals(
        Buffer.from(
          manifestText(makeManifest(o.produced.files, o.produced.fingerprint)),
        ),
      )
    )
      markVerified(
        o.settings.out,
        o.settings.baseDir,
        o.produced.files,
        o.produced.fingerprint,
      );
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

function write(o: Outcome): number {
  const changes = changesSinceLastRun(o.produced.since);
  o.progress.update(`writing ${o.out}`);
  let result;
  try {
    result = writeOutput(o.settings.out, o.produced.files, {
      ...o.io.write,
      fingerprint: o.produced.fingerprint,
      early: o.early?.active ? o.early : undefined,
    });
  } catch (error) {
    if (
      error instanceof OutputConflictError ||
      error instanceof OutputBusyError
    ) {
      o.say(`apiloom generate: ${error.message}\n`);
      return 1;
    }
    // the file system refused (permissions, a file where a folder must go, a full disk)
    if (typeof (error as NodeJS.ErrnoException).code === "string") {
      o.say(
        `apiloom generate: cannot write ${o.out}: ${(error as Error).message}\n`,
      );
      return 1;
    }
    throw error;
  }
  printFolderDiagnostics(o, result.diagnostics);
  if (o.produced.fingerprint)
    markVerified(
      o.settings.out,
      o.settings.baseDir,
      o.produced.files,
      o.produced.fingerprint,
    );
  // only after the output: the lock and the handlers must never name what was not written
  let updated: OutsideFile[];
  try {
    updated = outsideFiles(o).filter(writeFileIfChanged);
  } catch (error) {
    // the output is written; the lock or the handlers file could not be (permissions, a full disk)
    if (typeof (error as NodeJS.ErrnoException).code !== "string") throw error;
    o.say(
      `apiloom generate: ${o.out} is written, but ${(error as Error).message}\n`,
    );
    return 1;
  }
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
  const summary = changes?.();
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
