import { performance } from "node:perf_hooks";
import type { Stages } from "../workflow/produce.js";
import type { GenerateSettings } from "../workflow/settings.js";
import { formerLock } from "../workflow/name-lock.js";
import { upToDate } from "../workflow/up-to-date.js";
import {
  fetchRemoteInputs,
  type RemoteInputs,
} from "../workflow/remote-inputs.js";
import type { GenerateFlags } from "./generate-options.js";
import type { RunIO } from "./run-io.js";
import { plural, seconds, shownPath } from "./report.js";

/**
 * The stages of a run, loaded only when needed: a run in which nothing changed must not pay for
 * loading the readers and emitters. `id` names them in the manifest's fingerprint (see Stages).
 */
export interface LazyStages {
  id?: string;
  load(): Promise<Stages>;
}

/**
 * One generate run. When the manifest's fingerprint shows nothing changed since the last run,
 * that is all (one line, exit 0); otherwise the full run (generate-full.ts) makes everything in
 * memory, reports, then checks or writes. Returns the exit code.
 */
export async function runOnce(
  settings: GenerateSettings,
  flags: GenerateFlags,
  stages: LazyStages,
  io: RunIO,
  /** The URL inputs, when the caller fetched them already (a watch's interval did). */
  fetched?: RemoteInputs,
): Promise<number> {
  const started = performance.now();
  // URL inputs are fetched first (a 304 when unchanged): the fingerprint holds their bytes' hash
  const remote = fetched ?? (await fetchRemoteInputs(settings, io.env));
  if (!flags.quiet)
    for (const note of remote.notes)
      io.stderr.write(io.paint.dim(`apiloom: ${note}\n`));
  // a config moved to `apis`: the names come from the lock it had before (name-lock.ts)
  const former = formerLock(settings);
  if (former && !flags.quiet)
    io.stderr.write(
      `apiloom: API ${settings.api} takes its endpoint names from ${shownPath(io.cwd, former)}, the lock from before the config listed apis, and keeps them in ${shownPath(io.cwd, settings.lock!)}${flags.check ? " (once generate runs without --check)" : ""}; delete ${shownPath(io.cwd, former)} when every API has its own lock\n`,
    );
  // --verbose prints every warning, which takes the full run that finds them
  // accepting a change edits the handlers file, which takes the full run that finds the change
  if (
    stages.id !== undefined &&
    !flags.force &&
    !flags.verbose &&
    flags.accept === undefined
  ) {
    const same = upToDate(settings, stages.id, remote);
    if (same) {
      if (flags.quiet) return 0;
      const out = shownPath(io.cwd, settings.out, true);
      const warnings = same.warnings
        ? `, ${plural(same.warnings, "warning")}: apiloom inspect, or --verbose`
        : "";
      io.stderr.write(
        `apiloom: nothing changed since the last run: ${out} is up to date, ${plural(same.endpoints, "endpoint")}${warnings}; parsing and emitting skipped (${seconds(performance.now() - started)})\n`,
      );
      return 0;
    }
  }
  const { runFull } = await import("./generate-full.js");
  return runFull({
    settings,
    flags,
    stages: await stages.load(),
    io,
    started,
    remote,
  });
}
