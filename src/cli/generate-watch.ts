import { existsSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { dirname } from "node:path";
import { ConfigError, UnknownApiError } from "../workflow/config/error.js";
import { CONFIG_DEFAULTS } from "../workflow/config/types.js";
import { localFiles } from "../workflow/sources/resolve-inputs.js";
import {
  resolveApis,
  resolveSettings,
  type GenerateSettings,
} from "../workflow/config/settings.js";
import { createSourceCache } from "../workflow/sources/source-cache.js";
import {
  relevantPaths,
  watchFolders,
  watchTargets,
} from "../workflow/watch.js";
import { parseGenerateArgs } from "./generate-options.js";
import type { LazyStages } from "../workflow/generate-once.js";
import { failedRun, type RunIO } from "./run-io.js";
import { plural, seconds, shownPath } from "./report.js";
import { apiLabel, labelled, runOnce } from "./generate-run.js";
import { RemotePoll } from "../workflow/sources/remote-poll.js";
import { isRemoteInput } from "../workflow/sources/remote-url.js";
import { shownUrl } from "../model/source-url.js";

/**
 * `generate --watch`: runs in this process, keeping each input's parsed documents between runs
 * (source-cache.ts). SIGINT or SIGTERM stops watching once a run in progress has finished (the
 * writer's transaction is never cut short); the promise resolves with 0.
 */
export async function watchApis(
  args: readonly string[],
  apis: readonly GenerateSettings[],
  stages: LazyStages,
  io: RunIO,
): Promise<number> {
  const named = apis[0]?.api !== undefined;
  if (!named) return runWatch(args, apis[0]!, stages, io);
  const flags = watchFlags(args, apis[0]!);
  const loops = new Map<string, Promise<number>>();
  const codes: number[] = [];
  let stopped = false;
  const start = (api: GenerateSettings) => {
    const name = apiLabel(api);
    const loop = runWatch(args, api, stages, {
      ...io,
      stderr: labelled(io.stderr, name),
    }).then((code) => {
      loops.delete(name);
      codes.push(code);
      return code;
    });
    loops.set(name, loop);
  };
  apis.forEach(start);
  // `--api x` watches that API alone; otherwise an API added to the config is watched from the
  // config change on (a removed one's loop stops itself: runWatch, UnknownApiError)
  const configFile = apis[0]!.configFile;
  let closeConfigWatch = () => {};
  if (flags.api === undefined && configFile) {
    closeConfigWatch = watchFolders(
      [{ dir: dirname(configFile), recursive: false }],
      { outDir: apis[0]!.out },
      (abs) => abs === configFile,
      CONFIG_DEFAULTS.watchDebounceMs,
      () => {
        if (stopped) return;
        resolveApis(flags, io.cwd).then(
          (now) => now.filter((a) => !loops.has(apiLabel(a))).forEach(start),
          () => {}, // each API's own loop reports a broken config
        );
      },
    );
  }
  const stop = () => {
    stopped = true;
    closeConfigWatch();
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  // every loop ends on SIGINT; a loop whose API left the config ends earlier
  while (loops.size > 0) await Promise.race(loops.values());
  process.off("SIGINT", stop);
  process.off("SIGTERM", stop);
  stop();
  return Math.max(0, ...codes);
}

/**
 * Watches one API. Of a config with several, each API is watched by its own loop with its own
 * watchers and source cache (watchApis), so a change to one API's spec regenerates that API only.
 */
export function runWatch(
  args: readonly string[],
  initial: GenerateSettings,
  stages: LazyStages,
  io: RunIO,
): Promise<number> {
  const flags = watchFlags(args, initial);
  // the API this loop watches, of a config with several
  if (initial.api !== undefined) flags.api = initial.api;
  const sources = createSourceCache();
  let settings = initial;
  let running = false;
  let again: string[] | undefined;
  let stopped = false;
  let closeWatchers = () => {};
  let finish: (code: number) => void = () => {};

  let watched = "";
  // the folders and files that matter: the settings' and those the last run read ($ref); a
  // folder that did not exist (the handlers file's, before the first run made it) is watched
  // once it does
  const rewatch = () => {
    // the inputs and overlays, read by a run or not (the first run may be skipped as up to date)
    const inputs = localFiles(settings);
    const read = sources.lastRead();
    const targets = watchTargets(settings, inputs, read);
    const key = JSON.stringify([
      settings,
      inputs,
      read,
      targets.map((t) => [t.dir, t.recursive, existsSync(t.dir)]),
    ]);
    if (key === watched) return;
    watched = key;
    closeWatchers();
    closeWatchers = watchFolders(
      targets,
      { outDir: settings.out, lockFile: settings.lock },
      relevantPaths(settings, inputs, read),
      CONFIG_DEFAULTS.watchDebounceMs,
      onChange,
    );
  };

  // URL inputs are asked on an interval whether they changed (a 304 when not): a change
  // rebuilds with what that question fetched
  const remote = new RemotePoll(io.env, (urls) => void onChange(urls));

  const run = async (first: boolean) => {
    running = true;
    const started = performance.now();
    try {
      const fetched = await remote.forRun(settings);
      await runOnce(settings, flags, stages, { ...io, sources }, fetched);
    } catch (error) {
      failedRun(error, io.stderr);
    }
    const counts = sources.endRun();
    running = false;
    if (!stopped) rewatch(); // a run can reach new files through $ref
    if (!stopped) remote.schedule(settings, () => running || stopped);
    if (!first || counts.read + counts.reused > 0)
      io.stderr.write(
        io.paint.dim(
          `apiloom: ${first ? "built" : "rebuilt"} in ${seconds(performance.now() - started)}: ${plural(counts.read, "file")} read, ${counts.reused} unchanged; ${counts.parsed} parsed, ${counts.cached} from the cache\n`,
        ),
      );
    if (stopped) return finish(0);
    if (again) return takeUpWaiting();
    io.stderr.write(
      io.paint.dim("apiloom: watching for changes (Ctrl-C to stop)\n"),
    );
  };

  /** The changes that came while a run (or its config) was under way, if any. */
  const takeUpWaiting = (): Promise<void> | undefined => {
    if (!again) return;
    const paths = again;
    again = undefined;
    return onChange(paths);
  };

  async function onChange(paths: string[]): Promise<void> {
    if (stopped) return;
    if (running) {
      again = [...(again ?? []), ...paths];
      return;
    }
    // busy from here, not from run(): a change that comes while the config loads waits too
    running = true;
    io.stderr.write(
      `${io.paint.blue("apiloom: changed")} ${paths.map((p) => (isRemoteInput(p) ? shownUrl(p) : shownPath(io.cwd, p))).join(", ")}\n`,
    );
    sources.invalidate(paths);
    try {
      settings = await resolveSettings(flags, io.cwd);
    } catch (error) {
      if (error instanceof UnknownApiError && initial.api !== undefined) {
        io.stderr.write(
          `apiloom: ${initial.api} is no longer in the config; stopped watching it\n`,
        );
        stopped = true;
        closeWatchers();
        remote.stop();
        return finish(0);
      }
      running = false;
      // a config that does not load, or a plugin whose option check throws: said, still watching
      if (error instanceof ConfigError)
        io.stderr.write(`apiloom generate: ${error.message}\n`);
      else failedRun(error, io.stderr);
      return takeUpWaiting();
    }
    // Ctrl-C while the config loaded: stop without the run
    if (stopped) {
      running = false;
      return finish(0);
    }
    rewatch();
    await run(false);
  }

  return new Promise((resolveExit) => {
    finish = (code) => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolveExit(code);
    };
    const stop = () => {
      if (stopped) return;
      stopped = true;
      closeWatchers();
      remote.stop();
      io.stderr.write("apiloom: stopped watching\n");
      if (!running) finish(0);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
    rewatch();
    void run(true);
  });
}

/** The flags of each run a watch starts: the command's, but --watch. */
function watchFlags(args: readonly string[], settings: GenerateSettings) {
  return parseGenerateArgs(
    args.filter((a) => a !== "--watch" && a !== "-w"),
    settings.emit.plugins,
  );
}
