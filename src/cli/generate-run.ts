import { availableParallelism } from "node:os";
import { slashedRelative } from "../workflow/sources/real-path.js";
import { performance } from "node:perf_hooks";
import { compareCodeUnits } from "../model/order.js";
import type { CheckReport } from "../workflow/output/check.js";
import { CONFIG_DEFAULTS } from "../workflow/config/types.js";
import { endpointChange, summarize, summaryLine } from "./diff-format.js";
import { EmitterError, PluginError } from "../emit/artifact.js";
import { TemplateError } from "../emit/templates.js";
import {
  generateOnce,
  type GenerateOutcome,
  type Made,
} from "../workflow/generate-once.js";
import { formerLock } from "../workflow/records/name-lock.js";
import { OutsideFileError } from "../workflow/output/outside-file.js";
import type { Stages } from "../workflow/produce.js";
import type { RemoteInputs } from "../workflow/sources/remote-inputs.js";
import type { GenerateSettings } from "../workflow/config/settings.js";
import type { GenerateFlags } from "./generate-options.js";
import {
  plural,
  printDiagnostics,
  printWarningGroups,
  problemsText,
  seconds,
  selectShown,
  shownPath,
  tally,
  visibleLines,
} from "./report.js";
import { failedRun, type RunIO, type Stream } from "./run-io.js";

/** One generate (workflow/generate-once.ts), printed. Returns the exit code. */
export async function runOnce(
  settings: GenerateSettings,
  flags: GenerateFlags,
  stages: Stages,
  io: RunIO,
  /** The URL inputs, when the caller fetched them already (a watch's interval did). */
  remote?: RemoteInputs,
): Promise<number> {
  const started = performance.now();
  // a config moved to `apis`: the names come from the lock it had before (name-lock.ts)
  const former = formerLock(settings);
  if (former && !flags.quiet)
    io.stderr.write(
      `apiloom: API ${settings.api} takes its endpoint names from ${shownPath(io.cwd, former)}, the lock from before the config listed apis, and keeps them in ${shownPath(io.cwd, settings.lock!)}${flags.check ? " (once generate runs without --check)" : ""}; delete ${shownPath(io.cwd, former)} when every API has its own lock\n`,
    );
  const progress = progressLine(io.stderr, started);
  const say = (text: string) => {
    progress.clear();
    io.stderr.write(text);
  };
  let outcome: GenerateOutcome;
  try {
    outcome = await generateOnce(settings, {
      ...io, // write, env, sources
      stages,
      check: flags.check,
      // --verbose and --accept need the full run, which finds every warning and changed contract
      full: flags.force || flags.verbose || flags.accept !== undefined,
      accept: flags.accept,
      remote,
      onStage: (m) => progress.update(m),
    });
  } catch (error) {
    // the lock or the handlers file cannot be read as a file (LockFileError is one); a template.
    // A plugin's error (it threw, or returned what is not its files) is failedRun's: run-io.ts
    const text =
      error instanceof OutsideFileError || error instanceof TemplateError
        ? error.message
        : error instanceof EmitterError && !(error instanceof PluginError)
          ? `internal error: ${error.message}`
          : undefined;
    if (text === undefined) throw error;
    say(`apiloom generate: ${visibleLines(text)}\n`);
    return 2;
  } finally {
    progress.clear();
  }
  if (!flags.quiet)
    for (const note of outcome.notes)
      io.stderr.write(io.paint.dim(`apiloom: ${note}\n`));
  const time = () => seconds(performance.now() - started);
  const out = `${shownPath(io.cwd, settings.out)}/`;
  if (outcome.status === "up-to-date") {
    if (flags.quiet) return 0;
    const { endpoints, warnings } = outcome.same;
    const heldWarnings = warnings
      ? `, ${plural(warnings, "warning")}: apiloom inspect, or --verbose`
      : "";
    io.stderr.write(
      `apiloom: nothing changed since the last run: ${out} is up to date, ${plural(endpoints, "endpoint")}${heldWarnings}; parsing and emitting skipped (${time()})\n`,
    );
    return 0;
  }
  // a run that made everything: its diagnostics, then the check's or the write's
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
  const endpoints = plural(produced.endpoints, "endpoint");
  if (outcome.refused) {
    const { why, fileSystem } = outcome.refused;
    say(
      `apiloom generate: ${fileSystem ? `cannot write ${out}: ` : ""}${why}\n`,
    );
    return 1;
  }
  if (outcome.status === "failed") {
    const why =
      t.errors > 0 ? "errors" : "warnings, which --strict treats as errors";
    say(
      `${io.paint.red("apiloom:")} ${endpoints}, ${problemsText(t, fresh.length, held)}; nothing written because of ${why} (${time()})\n`,
    );
    return 1;
  }
  // what the check or the writer found in the output folder's bookkeeping (planted, torn)
  const found = (outcome.report ?? outcome.result)!.diagnostics;
  const max = CONFIG_DEFAULTS.maxDiagnostics;
  printDiagnostics(found, { ...printOptions, max }, say);
  const problems =
    found.length > 0
      ? problemsText(tally([...produced.diagnostics, ...found]), 0, held)
      : problemsText(t, fresh.length, held);
  return outcome.status === "checked"
    ? printCheck(outcome.report!)
    : printWrite(outcome);

  function printCheck(report: CheckReport): number {
    if (report.stale.length === 0) {
      if (!flags.quiet)
        say(
          `apiloom: ${out} is up to date: ${endpoints}, ${plural(produced.files.length, "file")}, ${problems} (${time()})\n`,
        );
      return 0;
    }
    say(`${io.paint.red("apiloom:")} ${staleVerdict(report.stale)}`);
    // a short diff of the generated code; every file's (docs too) with --verbose
    io.stdout.write(
      flags.verbose ? report.diff : report.diffOf(isGeneratedCode, 40),
    );
    return 1;
  }

  function printWrite(made: Made): number {
    const result = made.result!;
    if (made.outsideFailure !== undefined) {
      say(`apiloom generate: ${out} is written, but ${made.outsideFailure}\n`);
      return 1;
    }
    const handlers = produced.handlers;
    if (flags.quiet) return 0;
    if (
      handlers &&
      (handlers.before === undefined || handlers.added.length > 0) &&
      made.updated?.some((u) => u.file === handlers.file)
    ) {
      const shown = shownPath(io.cwd, handlers.file);
      const stubs = plural(handlers.added.length, "handler stub");
      say(
        handlers.before === undefined
          ? `apiloom: created ${shown} with ${stubs}\n`
          : `apiloom: added ${stubs} to ${shown}: ${handlers.added.join(", ")}\n`,
      );
    }
    if (handlers && handlers.accepted.length > 0)
      say(
        `apiloom: accepted the changed contract of ${handlers.accepted.join(", ")} in ${shownPath(io.cwd, handlers.file)}\n`,
      );
    if (Array.isArray(flags.accept))
      for (const name of flags.accept)
        if (!handlers?.accepted.includes(name))
          say(
            `apiloom: --accept ${name}: no handler of that name has a changed contract; nothing accepted\n`,
          );
    // after the write: a failed write has nothing to summarise
    const changes = produced.since?.changes();
    if (changes?.length)
      say(
        `apiloom: since the last run: ${summaryLine(summarize(changes))} (apiloom diff tells what and where)\n`,
      );
    say(
      `apiloom: ${endpoints} → ${out}: ${result.written.length} written, ${result.unchanged.length} unchanged, ${result.removed.length} removed; ${problems} (${time()})\n`,
    );
    return 0;
  }

  /**
   * A stale `--check` in the user's terms, before any diff (docs/configuration.md shows it);
   * `stale` as CheckReport.stale lists it: `M path`, `A path`, `D path`, `! …`.
   */
  function staleVerdict(stale: readonly string[]): string {
    const changes = produced.since?.changes() ?? [];
    const lines = [
      `${out} is stale: ${changes.length > 0 ? "the inputs changed since it was generated" : "it differs from what the inputs and options make now (an edit by hand, or another apiloom)"}`,
    ];
    if (changes.length > 0) {
      // the endpoints added, changed and removed, by client function
      const by = {
        added: new Set<string>(),
        changed: new Set<string>(),
        removed: new Set<string>(),
      };
      for (const c of changes) {
        by[endpointChange(c)].add(c.names.function ?? c.endpoint);
        for (const a of c.also ?? []) by.changed.add(a.function);
      }
      for (const name of [...by.added, ...by.removed]) by.changed.delete(name);
      const parts = (["added", "changed", "removed"] as const)
        .filter((k) => by[k].size > 0)
        .map(
          (k) =>
            `${by[k].size} ${k} (${firstOf([...by[k]].sort(compareCodeUnits), NAMES_SHOWN).join(", ")})`,
        );
      lines.push(`  endpoints: ${parts.join(", ")}`);
    }
    const handlers = produced.handlers;
    if (
      handlers &&
      handlers.added.length > 0 &&
      stale.includes(`M ${slashedRelative(settings.baseDir, handlers.file)}`)
    )
      lines.push(
        `  handlers: ${shownPath(io.cwd, handlers.file)} lacks ${plural(handlers.added.length, "stub")} (${firstOf(handlers.added, NAMES_SHOWN).join(", ")})`,
      );
    // the generated code first: its diff follows; the rest is listed
    const isCode = (s: string) => isGeneratedCode(s.replace(/^[AMD!] /, ""));
    const code = stale.filter(isCode);
    const listed = [...code, ...stale.filter((s) => !isCode(s))];
    const other = stale.length - code.length;
    lines.push(
      `  ${plural(stale.length, "file")} to update` +
        (other > 0
          ? ` (${other} of them docs, the OpenAPI document or records${flags.verbose ? "" : ": their diffs with --verbose"})`
          : "") +
        ":",
      ...firstOf(listed, FILES_SHOWN).map((s) => `    ${s}`),
      "next: apiloom generate (the same options, without --check), then commit what it writes",
    );
    return lines.map((l) => `${l}\n`).join("");
  }
}

/**
 * `apiloom generate` over a config's several APIs, as many at once as there are cores, each
 * printed in the config's order, its lines labelled `[name] `; the exit code is the worst.
 */
export async function runApis(
  apis: readonly GenerateSettings[],
  flags: GenerateFlags,
  stages: Stages,
  io: RunIO,
): Promise<number> {
  const limit = Math.max(1, Math.min(apis.length, availableParallelism()));
  const codes: number[] = [];
  const buffers = apis.map(() => ({ stdout: "", stderr: "" }));
  let printed = 0;
  const flush = () => {
    for (; printed < apis.length && codes[printed] !== undefined; printed++) {
      io.stdout.write(buffers[printed]!.stdout);
      io.stderr.write(buffers[printed]!.stderr);
    }
  };
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < apis.length; i = next++) {
      const buffer = buffers[i]!;
      const label = apiLabel(apis[i]!);
      // --check's diff too: every line of a run says which API it is about
      const into = (to: "stdout" | "stderr") =>
        labelled({ write: (text: string) => void (buffer[to] += text) }, label);
      const apiIO = { ...io, stdout: into("stdout"), stderr: into("stderr") };
      try {
        codes[i] = await runOnce(apis[i]!, flags, stages, apiIO);
      } catch (error) {
        codes[i] = failedRun(error, apiIO.stderr);
      }
      flush();
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  const failed = apis.filter((_, i) => codes[i] !== 0).map(apiLabel);
  io.stderr.write(
    failed.length === 0
      ? `apiloom: ${apis.length} APIs done\n`
      : `apiloom: ${failed.length} of ${apis.length} APIs failed: ${failed.join(", ")}\n`,
  );
  return Math.max(...codes);
}

export function apiLabel(settings: Pick<GenerateSettings, "api">): string {
  return settings.api ?? "api";
}

/**
 * A stream that starts every line with `[label] `. It reports no terminal, so a labelled run
 * draws no self-erasing progress line into the others' lines.
 */
export function labelled(stream: Stream, label: string): Stream {
  let lineStart = true;
  return {
    isTTY: false,
    write(text: string) {
      if (text === "") return;
      const out = text.replace(/\n(?=[^])/g, () => `\n[${label}] `);
      const head = lineStart ? `[${label}] ` : "";
      lineStart = text.endsWith("\n");
      return stream.write(head + out);
    },
  };
}

/** Whether a stale path is generated code (its diff is shown), not docs, the OpenAPI document or a record. */
const isGeneratedCode = (path: string) => /\.[cm]?[jt]s$/.test(path);

const FILES_SHOWN = 8;
const NAMES_SHOWN = 6;

/** The first `max` of `list`, then `… <n> more` when there are more. */
function firstOf(list: readonly string[], max: number): string[] {
  const more = list.length - max;
  return more > 0 ? [...list.slice(0, max), `… ${more} more`] : [...list];
}

export const DELAY_MS = 1000;

/** A self-erasing status line on a TTY ("reading 5 inputs…") once a run takes DELAY_MS: not hung. */
export function progressLine(
  stream: Stream,
  /** When the run started (performance.now()), and the clock (tests pass their own). */
  started = performance.now(),
  now: () => number = () => performance.now(),
) {
  if (!stream.isTTY) return { update() {}, clear() {} };
  let shown = false;
  let latest = "";
  let timer: ReturnType<typeof setTimeout> | undefined;
  const show = () => {
    clearTimeout(timer);
    timer = undefined;
    stream.write(`\r\x1b[K${latest}…`);
    shown = true;
  };
  return {
    update(message: string) {
      latest = message;
      const waited = now() - started;
      if (waited >= DELAY_MS) return show();
      timer ??= setTimeout(show, DELAY_MS - waited);
      timer.unref?.();
    },
    clear() {
      clearTimeout(timer);
      timer = undefined;
      if (shown) stream.write("\r\x1b[K");
      shown = false;
    },
  };
}
