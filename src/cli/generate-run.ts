import { performance } from "node:perf_hooks";
import type { LazyStages } from "../workflow/generate-once.js";
import { formerLock } from "../workflow/name-lock.js";
import type { RemoteInputs } from "../workflow/remote-inputs.js";
import type { GenerateSettings } from "../workflow/settings.js";
import { runFull } from "./generate-full.js";
import type { GenerateFlags } from "./generate-options.js";
import type { RunIO } from "./run-io.js";
import { shownPath } from "./report.js";

export type { LazyStages };

/**
 * One generate run (workflow/generate-once.ts: skipped when the manifest's fingerprint shows
 * nothing changed since the last run; otherwise everything made in memory, then checked or
 * written), printed. Returns the exit code.
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
  // a config moved to `apis`: the names come from the lock it had before (name-lock.ts)
  const former = formerLock(settings);
  if (former && !flags.quiet)
    io.stderr.write(
      `apiloom: API ${settings.api} takes its endpoint names from ${shownPath(io.cwd, former)}, the lock from before the config listed apis, and keeps them in ${shownPath(io.cwd, settings.lock!)}${flags.check ? " (once generate runs without --check)" : ""}; delete ${shownPath(io.cwd, former)} when every API has its own lock\n`,
    );
  return runFull({
    settings,
    flags,
    stages,
    io,
    started,
    ...(fetched ? { remote: fetched } : {}),
  });
}
