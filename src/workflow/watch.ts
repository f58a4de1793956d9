import { existsSync, readFileSync, watch, type FSWatcher } from "node:fs";
import { dirname, join, resolve, sep } from "node:path";
import { entriesOf, statOf } from "./sources/real-path.js";
import { compareCodeUnits } from "../model/order.js";
import { absoluteMatcher, isPattern, patternRoot } from "./sources/glob.js";
import type { GenerateSettings } from "./config/settings.js";
import { isInside, isUrlInput } from "../model/source-url.js";
import { performance } from "node:perf_hooks";
import { ConfigError, UnknownApiError } from "./config/error.js";
import { CONFIG_DEFAULTS } from "./config/types.js";
import { listInputs } from "./sources/inputs.js";
import {
  fetchRemoteInputs,
  remoteInputsOf,
  type RemoteInputs,
} from "./sources/remote-inputs.js";
import { createSourceCache, type SourceCache } from "./sources/source-cache.js";

type Ignored = { outDir: string; lockFile?: string };

const STOP_SIGNALS = ["SIGINT", "SIGTERM"] as const;

/**
 * The folders to watch (not files: editors save by renaming a new file over the old one, a glob
 * gains files), and which changed paths call for a rebuild; `read`: absolute paths.
 */
function watchPlan(settings: GenerateSettings, read: readonly string[]) {
  const files = new Set(read);
  if (settings.configFile) files.add(settings.configFile);
  if (settings.serverHandlers) files.add(settings.serverHandlers);
  const targets = new Map<string, boolean>();
  const add = (dir: string, recursive: boolean) =>
    targets.set(dir, (targets.get(dir) ?? false) || recursive);
  const patterns = settings.inputs.filter((p) => !isUrlInput(p));
  for (const pattern of patterns) {
    if (!isPattern(pattern))
      add(resolve(settings.baseDir, dirname(pattern)), false);
    else {
      const { dir, recursive } = patternRoot(pattern, settings.baseDir);
      add(resolve(dir), recursive);
    }
  }
  for (const file of files) add(dirname(file), false);
  const templates = settings.emit.templatesDir;
  if (templates) add(templates, true);
  const matchers = patterns.map((p) => absoluteMatcher(p, settings.baseDir));
  const folders = new Set<string>();
  for (const file of files)
    for (let dir = dirname(file); !folders.has(dir); dir = dirname(dir)) {
      folders.add(dir);
      if (dirname(dir) === dir) break;
    }
  return {
    targets: [...targets.entries()]
      .map(([dir, recursive]) => ({ dir, recursive }))
      .sort((a, b) => compareCodeUnits(a.dir, b.dir)),
    matters: (abs: string) => {
      if (files.has(abs) || folders.has(abs)) return true;
      if (templates && isInside(abs, templates)) return true;
      const slashed = abs.split(sep).join("/");
      return matchers.some((matches) => matches(slashed));
    },
  };
}

/**
 * Calls `onChange` with the changed paths once events stop for `debounceMs`; our own writes,
 * editor droppings and paths `matters` turns down are ignored. Every folder gets a watcher of its
 * own: Node's `recursive` option on Linux watches files by inode and loses one saved by renaming.
 * `retarget` changes what is watched in place: a folder still wanted keeps its watcher, so an
 * event it holds (the kernel's, not yet Node's) is not lost, nor one waiting for the debounce.
 */
export function watchFolders(
  targets: readonly { dir: string; recursive: boolean }[],
  ignore: Ignored,
  matters: (abs: string) => boolean,
  debounceMs: number,
  onChange: (paths: string[]) => void,
) {
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  // the identity (dev:ino) tells a replaced folder from the one armed
  const watched = new Map<string, { watcher: FSWatcher; id: string }>();
  const fire = () => {
    timer = undefined;
    const paths = [...pending].sort();
    pending.clear();
    if (paths.length > 0) onChange(paths);
  };
  const changed = (abs: string) => {
    if (isIgnored(abs, ignore) || !matters(abs)) return;
    pending.add(abs);
    if (timer) clearTimeout(timer);
    timer = setTimeout(fire, debounceMs);
  };
  const arm = (initial: boolean) => {
    if (closed) return;
    const wanted = new Map<string, string>();
    for (const { dir, recursive } of targets)
      listFolders(dir, recursive, ignore, wanted);
    for (const [dir, entry] of watched)
      if (wanted.get(dir) !== entry.id) {
        entry.watcher.close();
        watched.delete(dir);
      }
    for (const [dir, id] of wanted) {
      if (watched.has(dir)) continue;
      let watcher: FSWatcher;
      try {
        watcher = watch(dir, (event, name) => {
          if (!name) return;
          const abs = join(dir, name.toString());
          changed(abs);
          if (
            event === "rename" &&
            (watched.has(abs) || statOf(abs)?.isDirectory())
          )
            arm(false);
        });
      } catch {
        continue; // gone meanwhile
      }
      watcher.on("error", () => {});
      watched.set(dir, { watcher, id });
      // what a new folder already holds was written before it was watched
      if (!initial)
        for (const entry of entriesOf(dir)) changed(join(dir, entry.name));
    }
  };
  arm(true);
  return {
    retarget(...next: [typeof targets, Ignored, typeof matters]) {
      [targets, ignore, matters] = next;
      arm(true);
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      for (const { watcher } of watched.values()) watcher.close();
      watched.clear();
    },
  };
}

/**
 * `dir` (if a folder) and, when recursive, every folder under it that `**` enters (no dot-folder,
 * no node_modules), not ignored nor reached through a link, each with its identity.
 */
function listFolders(
  dir: string,
  recursive: boolean,
  ignore: Ignored,
  into: Map<string, string>,
): void {
  const stat = statOf(dir);
  if (!stat?.isDirectory()) return;
  into.set(dir, `${stat.dev}:${stat.ino}`);
  if (!recursive) return;
  for (const child of entriesOf(dir)) {
    const abs = join(dir, child.name);
    if (
      child.isDirectory() &&
      !child.name.startsWith(".") &&
      child.name !== "node_modules" &&
      !isIgnored(abs, ignore)
    )
      listFolders(abs, true, ignore, into);
  }
}

function isIgnored(abs: string, ignore: Ignored): boolean {
  const base = abs.slice(abs.lastIndexOf("/") + 1);
  const lock = ignore.lockFile;
  return (
    base.startsWith(".apiloom") ||
    base.endsWith("~") ||
    /\.sw[a-p]$/.test(base) ||
    base === "4913" || // vim probes a folder's writability with this name
    abs.split("/").includes(".git") ||
    (!!lock && (abs === lock || abs.startsWith(`${lock}.`))) ||
    isInside(abs, ignore.outDir)
  );
}

export type WatchEvent =
  | { kind: "changed"; paths: string[] }
  | { kind: "ran"; first: boolean; ms: number; counts: RunCounts }
  | { kind: "watching" }
  /** A run, or the settings after a change, failed with an error not the user's. */
  | { kind: "failed"; error: unknown }
  /** The config does not load: said, still watching. */
  | { kind: "config"; error: ConfigError }
  /** The API this loop watched left the config: the loop ends. */
  | { kind: "left"; api: string }
  | { kind: "stopped" };

type RunCounts = ReturnType<SourceCache["endRun"]>;

/**
 * `generate --watch` of one API, keeping each input's parsed documents between runs: a change to
 * a watched folder or a URL input re-resolves the settings and runs again. SIGINT or SIGTERM stops
 * once a run in progress has finished (the writer is never cut short); resolves with 0.
 */
export function watchApi(
  initial: GenerateSettings,
  hooks: {
    run(
      settings: GenerateSettings,
      remote: RemoteInputs,
      sources: SourceCache,
    ): Promise<unknown>;
    /** The settings again, after a change: the config may be what changed. */
    settings(): Promise<GenerateSettings>;
    tell(event: WatchEvent): void;
    env?: NodeJS.ProcessEnv;
  },
): Promise<number> {
  const sources = createSourceCache();
  let settings = initial;
  let running = false;
  let again: string[] | undefined;
  let stopped = false;
  let watchers: ReturnType<typeof watchFolders> | undefined;
  let finish: (code: number) => void = () => {};
  const halt = () => {
    stopped = true;
    watchers?.close();
    remote.stop();
  };

  // the handlers file as the last run that succeeded left it: the run's own write (and making its
  // folder) is no change of the user's
  let handlersLeft: string | undefined | false;
  const bytesOf = (file: string) => {
    try {
      return readFileSync(file, "latin1");
    } catch {
      return undefined;
    }
  };
  const userChanges = (paths: string[]) => {
    const handlers = settings.serverHandlers;
    return paths.filter(
      (p) =>
        !handlers ||
        !isInside(handlers, p) ||
        bytesOf(handlers) !== handlersLeft,
    );
  };

  let watched = "";
  // a folder that did not exist (the handlers file's, before the first run) is watched once it does
  const rewatch = () => {
    const read = [
      ...listInputs(settings).inputFiles.filter((f) => !isUrlInput(f)),
      ...settings.model.overlays.map((o) => o.file),
    ]
      .map((f) => resolve(settings.baseDir, f))
      .concat(sources.lastRead());
    const { targets, matters } = watchPlan(settings, read);
    const key = JSON.stringify([
      settings,
      read,
      targets.map((t) => [t.dir, t.recursive, existsSync(t.dir)]),
    ]);
    if (key === watched) return;
    watched = key;
    const ignore = { outDir: settings.out, lockFile: settings.lock };
    if (watchers) watchers.retarget(targets, ignore, matters);
    else
      watchers = watchFolders(
        targets,
        ignore,
        matters,
        CONFIG_DEFAULTS.watchDebounceMs,
        onChange,
      );
  };

  const remote = new RemotePoll(hooks.env, (urls) => void onChange(urls));

  const run = async (first: boolean) => {
    running = true;
    const started = performance.now();
    let code: unknown;
    try {
      code = await hooks.run(settings, await remote.forRun(settings), sources);
    } catch (error) {
      hooks.tell({ kind: "failed", error });
    }
    const counts = sources.endRun();
    running = false;
    // a run that failed (one that found the file edited meanwhile among them) wrote none of it
    const handlers = settings.serverHandlers;
    handlersLeft = code === 0 && !!handlers && bytesOf(handlers);
    if (!stopped) rewatch(); // a run can reach new files through $ref
    if (!stopped) remote.schedule(settings, () => running || stopped);
    hooks.tell({ kind: "ran", first, ms: performance.now() - started, counts });
    if (stopped) return finish(0);
    if (again && userChanges(again).length > 0) return takeUpWaiting();
    again = undefined;
    hooks.tell({ kind: "watching" });
  };

  const takeUpWaiting = () => {
    const paths = again;
    again = undefined;
    return paths && onChange(paths);
  };

  async function onChange(paths: string[]): Promise<void> {
    if (stopped) return;
    if (running) {
      again = [...(again ?? []), ...paths];
      return;
    }
    paths = userChanges(paths);
    if (paths.length === 0) return;
    // busy from here, not from run(): a change that comes while the config loads waits too
    running = true;
    hooks.tell({ kind: "changed", paths });
    sources.invalidate(paths);
    try {
      settings = await hooks.settings();
    } catch (error) {
      if (error instanceof UnknownApiError && initial.api !== undefined) {
        hooks.tell({ kind: "left", api: initial.api });
        halt();
        return finish(0);
      }
      running = false;
      hooks.tell(
        error instanceof ConfigError
          ? { kind: "config", error }
          : { kind: "failed", error },
      );
      return takeUpWaiting();
    }
    if (stopped) {
      running = false;
      return finish(0);
    }
    rewatch();
    await run(false);
  }

  return new Promise((resolveExit) => {
    finish = (code) => {
      for (const signal of STOP_SIGNALS) process.off(signal, stop);
      resolveExit(code);
    };
    const stop = () => {
      if (stopped) return;
      halt();
      hooks.tell({ kind: "stopped" });
      if (!running) finish(0);
    };
    for (const signal of STOP_SIGNALS) process.on(signal, stop);
    rewatch();
    void run(true);
  });
}

/**
 * `generate --watch` of a config's several APIs (each named), a loop each; with `again` (no `--api`) an API
 * added to the config is watched too (a removed one's loop stops itself). Resolves with the worst code.
 */
export async function watchApis(
  apis: readonly GenerateSettings[],
  watch: (api: GenerateSettings) => Promise<number>,
  again?: () => Promise<GenerateSettings[]>,
): Promise<number> {
  const loops = new Map<string, Promise<void>>();
  const codes: number[] = [];
  let stopped = false;
  const start = (api: GenerateSettings) => {
    const loop = watch(api).then((code) => {
      loops.delete(api.api!);
      codes.push(code);
    });
    loops.set(api.api!, loop);
  };
  apis.forEach(start);
  const configFile = apis[0]!.configFile;
  const configWatch =
    again &&
    configFile &&
    watchFolders(
      [{ dir: dirname(configFile), recursive: false }],
      { outDir: apis[0]!.out },
      (abs) => abs === configFile,
      CONFIG_DEFAULTS.watchDebounceMs,
      () => {
        if (stopped) return;
        again().then(
          (now) => now.filter((a) => !loops.has(a.api!)).forEach(start),
          () => {}, // each API's own loop reports a broken config
        );
      },
    );
  const stop = () => {
    stopped = true;
    if (configWatch) configWatch.close();
  };
  for (const signal of STOP_SIGNALS) process.once(signal, stop);
  while (loops.size > 0) await Promise.race(loops.values());
  for (const signal of STOP_SIGNALS) process.off(signal, stop);
  stop();
  return Math.max(0, ...codes);
}

/**
 * `--watch` asks each URL input every `remote.watchInterval` seconds whether it changed (a 304
 * when not); on a change the next run reads what that question fetched. None while a run runs.
 */
class RemotePoll {
  private last: RemoteInputs | undefined;
  /** What a question that found a change fetched, for the next run. */
  private next: RemoteInputs | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  private key = "";
  private asking = false;

  constructor(
    private readonly env: NodeJS.ProcessEnv | undefined,
    private readonly changed: (urls: string[]) => void,
  ) {}

  async forRun(settings: GenerateSettings): Promise<RemoteInputs> {
    this.last = this.next ?? (await fetchRemoteInputs(settings, this.env));
    this.next = undefined;
    return this.last;
  }

  schedule(settings: GenerateSettings, busy: () => boolean): void {
    const urls = remoteInputsOf(settings);
    const key = JSON.stringify([
      urls,
      settings.remote,
      settings.baseDir,
      settings.maxInputBytes,
    ]);
    if (key === this.key) return;
    this.stop();
    this.key = key;
    if (urls.length === 0) return;
    this.timer = setInterval(() => {
      if (this.asking || busy()) return;
      this.asking = true;
      fetchRemoteInputs(settings, this.env)
        .then((now) => {
          const changed = urls.filter(
            (url) => now.hash(url) !== this.last?.hash(url),
          );
          if (changed.length === 0 || busy()) return;
          this.next = now;
          this.changed(changed);
        })
        .catch(() => {}) // the next run reports what fails
        .finally(() => (this.asking = false));
    }, settings.remote.watchIntervalMs);
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    this.key = "";
  }
}
