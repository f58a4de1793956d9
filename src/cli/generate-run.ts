import { availableParallelism } from "node:os";
import { performance } from "node:perf_hooks";
import { PluginError } from "../emit/artifact.js";
import { TemplateError } from "../emit/templates.js";
import {
  generateOnce,
  type GenerateOutcome,
  type LazyStages,
} from "../workflow/generate-once.js";
import { formerLock } from "../workflow/records/name-lock.js";
import { EmitterError } from "../workflow/output/output-files.js";
import { OutsideFileError } from "../workflow/output/outside-file.js";
import type { Stages } from "../workflow/produce.js";
import type { RemoteInputs } from "../workflow/sources/remote-inputs.js";
import type { GenerateSettings } from "../workflow/config/settings.js";
import type { GenerateFlags } from "./generate-options.js";
import { progressLine } from "./progress.js";
import { plural, seconds, shownPath } from "./report.js";
import { failedRun, type RunIO, type Stream } from "./run-io.js";

/**
 * One generate (workflow/generate-once.ts), printed: the up-to-date line here, a run that made
 * something by generate-full.ts, loaded then. Returns the exit code.
 */
export async function runOnce(
  settings: GenerateSettings,
  flags: GenerateFlags,
  stages: LazyStages | Stages,
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
      stages: "load" in stages ? stages : { load: async () => stages },
      check: flags.check,
      // --verbose prints every warning, which takes the full run that finds them; accepting a
      // change edits the handlers file, which takes the full run that finds the change
      full: flags.force || flags.verbose || flags.accept !== undefined,
      ...(flags.accept !== undefined ? { accept: flags.accept } : {}),
      ...(remote ? { remote } : {}),
      ...(io.sources ? { sources: io.sources } : {}),
      ...(io.env ? { env: io.env } : {}),
      ...(io.write ? { write: io.write } : {}),
      onStage: (m) => progress.update(m),
    });
  } catch (error) {
    const message = failure(error);
    if (message === undefined) throw error;
    say(`apiloom generate: ${message.text}\n`);
    return message.code;
  } finally {
    progress.clear();
  }
  if (!flags.quiet)
    for (const note of outcome.notes)
      io.stderr.write(io.paint.dim(`apiloom: ${note}\n`));
  if (outcome.status === "up-to-date") {
    if (flags.quiet) return 0;
    const { endpoints, warnings } = outcome.same;
    const heldWarnings = warnings
      ? `, ${plural(warnings, "warning")}: apiloom inspect, or --verbose`
      : "";
    io.stderr.write(
      `apiloom: nothing changed since the last run: ${shownPath(io.cwd, settings.out, true)} is up to date, ${plural(endpoints, "endpoint")}${heldWarnings}; parsing and emitting skipped (${seconds(performance.now() - started)})\n`,
    );
    return 0;
  }
  return (await import("./generate-full.js")).printMade(
    { settings, flags, io, started },
    outcome,
    progress,
  );
}

/** Why a run stopped, as the command says it, and its exit code; undefined when not the user's. */
function failure(error: unknown): { text: string; code: number } | undefined {
  // the lock or the handlers file cannot be read as a file (LockFileError is one); a template
  if (error instanceof OutsideFileError || error instanceof TemplateError)
    return { text: error.message, code: 2 };
  // a plugin's error (it threw, or returned what is not its files) is failedRun's: run-io.ts
  if (error instanceof PluginError) return undefined;
  if (error instanceof EmitterError)
    return { text: `internal error: ${error.message}`, code: 2 };
  return undefined;
}

/**
 * `apiloom generate` over the several APIs of one config: as many at once as the machine has
 * cores, each into a buffer printed in the config's order, each line labelled `[name] `; the
 * exit code is the worst of the runs' (2 over 1 over 0).
 */
export async function runApis(
  apis: readonly GenerateSettings[],
  flags: GenerateFlags,
  stages: LazyStages,
  io: RunIO,
): Promise<number> {
  const limit = Math.max(1, Math.min(apis.length, availableParallelism()));
  const codes: number[] = [];
  const done: boolean[] = [];
  const buffers = apis.map(() => ({ stdout: "", stderr: "" }));
  let printed = 0;
  const flush = () => {
    for (; printed < apis.length && done[printed]; printed++) {
      io.stdout.write(buffers[printed]!.stdout);
      io.stderr.write(buffers[printed]!.stderr);
    }
  };
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < apis.length; i = next++) {
      const buffer = buffers[i]!;
      const label = apiLabel(apis[i]!);
      const apiIO: RunIO = {
        ...io,
        // --check's diff too: every line of a run says which API it is about
        stdout: labelled(
          { write: (text: string) => void (buffer.stdout += text) },
          label,
        ),
        stderr: labelled(
          { write: (text: string) => void (buffer.stderr += text) },
          label,
        ),
      };
      try {
        codes[i] = await runOnce(apis[i]!, flags, stages, apiIO);
      } catch (error) {
        codes[i] = failedRun(error, apiIO.stderr);
      }
      done[i] = true;
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

/** The API's name as its lines show it. */
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
      const lines = text.split("\n");
      const last = lines.pop()!;
      let out = "";
      for (const line of lines) {
        out += `${lineStart ? `[${label}] ` : ""}${line}\n`;
        lineStart = true;
      }
      if (last !== "") {
        out += `${lineStart ? `[${label}] ` : ""}${last}`;
        lineStart = false;
      }
      return stream.write(out);
    },
  };
}
