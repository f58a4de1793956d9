import {
  readdirSync,
  statSync,
  watch,
  type Dirent,
  type FSWatcher,
} from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { isPattern, patternMatcher } from "./sources/glob.js";
import type { GenerateSettings } from "./config/settings.js";
import { isRemoteInput } from "./sources/remote-url.js";

export interface WatchTarget {
  dir: string;
  recursive: boolean;
}

/**
 * Folders to watch for a run's settings. Folders, not files: editors often save by writing a
 * new file and renaming it over the old one, which a watch on the file itself would miss, and a
 * glob can gain files. Input folders, the folders of the files the last run read ($ref), the
 * config's folder, the handlers file's folder and the templates folder (recursive). What in
 * them counts is `relevantPaths`'s business.
 */
export function watchTargets(
  settings: GenerateSettings,
  inputFiles: readonly string[],
  readFiles: readonly string[] = [],
): WatchTarget[] {
  const targets = new Map<string, boolean>();
  const add = (dir: string, recursive: boolean) =>
    targets.set(dir, (targets.get(dir) ?? false) || recursive);
  for (const pattern of settings.inputs) {
    if (isRemoteInput(pattern)) continue; // asked on an interval (generate-watch.ts)
    const segments = pattern.split("/");
    const magic = segments.findIndex((s) => isPattern(s));
    if (magic === -1) add(resolve(settings.baseDir, dirname(pattern)), false);
    else
      add(
        resolve(settings.baseDir, segments.slice(0, magic).join("/") || "."),
        magic < segments.length - 1,
      );
  }
  for (const file of [...inputFiles, ...readFiles])
    if (!isRemoteInput(file))
      add(dirname(resolve(settings.baseDir, file)), false);
  if (settings.configFile) add(dirname(settings.configFile), false);
  if (settings.serverHandlers) add(dirname(settings.serverHandlers), false);
  if (settings.emit.templatesDir) add(settings.emit.templatesDir, true);
  return [...targets.entries()]
    .map(([dir, recursive]) => ({ dir, recursive }))
    .sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0));
}

/**
 * Which changed paths call for a rebuild: an input, a file the last run read (a $ref), a new file
 * an input pattern matches, the config file, the handlers file, anything in the templates folder,
 * or a folder holding one of those (renamed or deleted). Anything else in a watched folder (a log
 * the watch writes to, an editor's temp file, a README) is not a reason to rebuild.
 */
export function relevantPaths(
  settings: GenerateSettings,
  inputFiles: readonly string[],
  readFiles: readonly string[] = [],
): (abs: string) => boolean {
  const files = new Set(
    [...inputFiles, ...readFiles]
      .filter((f) => !isRemoteInput(f))
      .map((f) => resolve(settings.baseDir, f)),
  );
  if (settings.configFile) files.add(settings.configFile);
  if (settings.serverHandlers) files.add(settings.serverHandlers);
  const patterns = settings.inputs
    .filter((pattern) => !isRemoteInput(pattern))
    .map((pattern) =>
      patternMatcher(resolve(settings.baseDir, pattern).split(sep).join("/")),
    );
  const folders = new Set<string>();
  for (const file of files)
    for (let dir = dirname(file); !folders.has(dir); dir = dirname(dir)) {
      folders.add(dir);
      if (dirname(dir) === dir) break;
    }
  return (abs) => {
    if (files.has(abs) || folders.has(abs)) return true;
    const templates = settings.emit.templatesDir;
    if (templates && within(templates, abs)) return true;
    const slashed = abs.split(sep).join("/");
    return patterns.some((matches) => matches(slashed));
  };
}

function within(dir: string, abs: string): boolean {
  const rel = relative(dir, abs);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

/**
 * Calls `onChange` with the changed paths once events stop for `debounceMs`. Our own writes
 * (the output folder, the lock, bookkeeping files), editor droppings and paths `matters`
 * turns down (see relevantPaths) are ignored.
 *
 * Every folder gets a watcher of its own, also under a recursive target: never a file, and
 * never Node's `recursive` option, which on Linux (Node 20) watches each file by inode, so a
 * file an editor saves by renaming a new one over it is watched no more after the first save. A
 * folder's watcher sees a rename onto any name in it. After each change the folders are listed
 * again: a new subfolder is watched (and the files already in it count as changed), a removed
 * one is let go, and a folder replaced by another of the same name is watched anew.
 */
export function watchFolders(
  targets: readonly WatchTarget[],
  ignore: { outDir: string; lockFile?: string },
  matters: (abs: string) => boolean,
  debounceMs: number,
  onChange: (paths: string[]) => void,
): () => void {
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  /** Watched folder → its watcher and the folder's identity (dev:ino) when it was armed. */
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
          // a folder came, went or was replaced
          if (event === "rename" && (watched.has(abs) || isFolder(abs)))
            arm(false);
        });
      } catch {
        continue; // gone meanwhile
      }
      watcher.on("error", () => {});
      watched.set(dir, { watcher, id });
      // what a new folder already holds was written before it was watched
      if (!initial) for (const file of entries(dir)) changed(file);
    }
  };
  arm(true);
  return () => {
    closed = true;
    if (timer) clearTimeout(timer);
    for (const { watcher } of watched.values()) watcher.close();
    watched.clear();
  };
}

/**
 * `dir` (if it is a folder) and, when recursive, every folder under it that `**` enters (not a
 * dot-folder, not node_modules), that
 * is not ignored and not reached through a link, each with its identity.
 */
function listFolders(
  dir: string,
  recursive: boolean,
  ignore: { outDir: string; lockFile?: string },
  into: Map<string, string>,
): void {
  let id: string;
  try {
    const stat = statSync(dir);
    if (!stat.isDirectory()) return;
    id = `${stat.dev}:${stat.ino}`;
  } catch {
    return; // a folder that does not exist (yet): nothing to watch there
  }
  into.set(dir, id);
  if (!recursive) return;
  let children: Dirent[];
  try {
    children = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const child of children) {
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

function isFolder(abs: string): boolean {
  try {
    return statSync(abs).isDirectory();
  } catch {
    return false;
  }
}

function entries(dir: string): string[] {
  try {
    return readdirSync(dir).map((name) => join(dir, name));
  } catch {
    return [];
  }
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
