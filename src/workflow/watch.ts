import { watch, type FSWatcher } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { MAGIC_SEGMENT } from "./glob.js";
import type { GenerateSettings } from "./settings.js";

export interface WatchTarget {
  dir: string;
  recursive: boolean;
}

/**
 * Folders to watch for a run's settings. Folders, not files: editors often save by writing a
 * new file and renaming it over the old one, which a watch on the file itself would miss, and a
 * glob can gain files. Input folders, the config's folder and the templates folder (recursive).
 */
export function watchTargets(
  settings: GenerateSettings,
  inputFiles: readonly string[],
): WatchTarget[] {
  const targets = new Map<string, boolean>();
  const add = (dir: string, recursive: boolean) =>
    targets.set(dir, (targets.get(dir) ?? false) || recursive);
  for (const pattern of settings.inputs) {
    const segments = pattern.split("/");
    const magic = segments.findIndex((s) => MAGIC_SEGMENT.test(s));
    if (magic === -1) add(resolve(settings.baseDir, dirname(pattern)), false);
    else
      add(
        resolve(settings.baseDir, segments.slice(0, magic).join("/") || "."),
        magic < segments.length - 1,
      );
  }
  for (const file of inputFiles)
    add(dirname(resolve(settings.baseDir, file)), false);
  if (settings.configFile) add(dirname(settings.configFile), false);
  if (settings.templates) add(settings.templates, true);
  return [...targets.entries()]
    .map(([dir, recursive]) => ({ dir, recursive }))
    .sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0));
}

/**
 * Calls `onChange` with the changed paths once events stop for `debounceMs`. Our own writes
 * (the output folder, the lock, bookkeeping files) and editor droppings are ignored.
 */
export function watchFolders(
  targets: readonly WatchTarget[],
  ignore: { outDir: string; lockFile?: string },
  debounceMs: number,
  onChange: (paths: string[]) => void,
): () => void {
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const watchers: FSWatcher[] = [];
  const fire = () => {
    timer = undefined;
    const paths = [...pending].sort();
    pending.clear();
    onChange(paths);
  };
  for (const { dir, recursive } of targets) {
    let watcher: FSWatcher;
    try {
      watcher = watch(dir, { recursive }, (_event, name) => {
        if (!name) return;
        const abs = join(dir, name.toString());
        if (isIgnored(abs, ignore)) return;
        pending.add(abs);
        if (timer) clearTimeout(timer);
        timer = setTimeout(fire, debounceMs);
      });
    } catch {
      continue; // a folder that does not exist (yet): nothing to watch there
    }
    watcher.on("error", () => {});
    watchers.push(watcher);
  }
  return () => {
    if (timer) clearTimeout(timer);
    for (const w of watchers) w.close();
  };
}

function isIgnored(
  abs: string,
  ignore: { outDir: string; lockFile?: string },
): boolean {
  const base = abs.slice(abs.lastIndexOf("/") + 1);
  if (
    base.startsWith(".apiloom") ||
    base.endsWith("~") ||
    /\.sw[a-p]$/.test(base) ||
    base === "4913" // vim probes a folder's writability with this name
  )
    return true;
  if (abs.split("/").includes(".git")) return true;
  if (
    ignore.lockFile &&
    (abs === ignore.lockFile || abs.startsWith(`${ignore.lockFile}.`))
  )
    return true;
  const rel = relative(ignore.outDir, abs);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}
