import { readdirSync, realpathSync } from "node:fs";
import { dirname, isAbsolute, join, resolve, sep } from "node:path";
import {
  cacheRecordPath,
  readCacheRecord,
  writeCacheRecord,
} from "../records/cache-dir.js";
import { readManifest } from "../records/manifest.js";
import { MANIFEST_FILE } from "./output-files.js";
import { isRecord } from "../../ingest/reader.js";
import { compareCodeUnits } from "../../model/order.js";
import { isInside } from "../../model/source-url.js";
import { statOf, slashedRelative } from "../sources/real-path.js";

// When an API's output folder moves (a new `out`, a config switched to `apis`), the old folder
// and its lock stay behind, and a handlers file may keep importing the old folder.

/** One output folder and its lock (absolute paths). */
export interface OutputPlace {
  out: string;
  lock?: string;
}

/** An output folder no API of the config writes any more (its lock when no API uses it now). */
export interface LeftBehind extends OutputPlace {
  /** The paths to remove, relative to the config's folder: the manifest's files, then the lock. */
  remove: string[];
}

const MAX_BYTES = 1024 * 1024;
const MAX_PLACES = 256;
const MAX_WALK = 100_000;

/**
 * The output folders of `configFile` that an earlier run recorded (this machine's cache) and no
 * API in `now` writes, still holding apiloom's manifest; then records `now` with those.
 */
export function leftBehind(
  configFile: string,
  baseDir: string,
  now: readonly OutputPlace[],
): LeftBehind[] {
  const path = cacheRecordPath("outputs", configFile, baseDir);
  if (!path) return [];
  // the cache is a stranger's folder: a place outside the project is never named (the printed
  // command would remove it)
  const earlier = readPlaces(readCacheRecord(path, MAX_BYTES))
    .filter((p) => insideByRealPath(p.out, baseDir))
    .map((p) =>
      p.lock === undefined || insideByRealPath(p.lock, baseDir)
        ? p
        : { out: p.out },
    );
  const outs = new Set(now.map((p) => p.out));
  const locks = new Set(now.flatMap((p) => (p.lock ? [p.lock] : [])));
  const found: LeftBehind[] = [];
  for (const place of earlier) {
    if (outs.has(place.out) || !hasManifest(place.out)) continue;
    const lock =
      place.lock && !locks.has(place.lock) && statOf(place.lock, true)?.isFile()
        ? place.lock
        : undefined;
    found.push({
      out: place.out,
      lock,
      remove: removable(place.out, now, baseDir, lock),
    });
  }
  writeCacheRecord(path, { places: [...now, ...found].map(place) });
  return found;
}

/** A place as the record holds it: no `lock` key without a lock. */
function place({ out, lock }: OutputPlace): OutputPlace {
  return lock ? { out, lock } : { out };
}

export function leftBehindMessage(left: LeftBehind, baseDir: string): string {
  const shown = (p: string) => slashedRelative(baseDir, p);
  const lock = left.lock ? ` and its name lock ${shown(left.lock)}` : "";
  return `${shown(left.out)}/ is no longer an output folder of this config, but apiloom's manifest marks it as its own${lock}: it is stale, and code importing it compiles against old output. Remove ${left.lock ? "them" : "it"}: rm -r -- ${left.remove.map(shellWord).join(" ")}`;
}

/**
 * `path` as one POSIX shell word. The paths come from a manifest a pull request can edit: a name
 * such as `x'; rm -rf ~ #` must stay one argument of the printed command.
 */
export function shellWord(path: string): string {
  return /^[\w./@+-]+$/.test(path)
    ? path
    : `'${path.replaceAll("'", "'\\''")}'`;
}

/**
 * The top-level entries of the old folder's manifest (a folder whole when all it holds is listed
 * and no current output lies inside it), the manifest, and the lock: nothing apiloom did not make.
 */
function removable(
  out: string,
  now: readonly OutputPlace[],
  baseDir: string,
  lock: string | undefined,
): string[] {
  const listed = Object.keys(readManifest(out)?.files ?? {});
  const names = new Set(listed);
  const shown = (p: string) => slashedRelative(baseDir, p);
  const entries = new Set<string>();
  for (const file of listed) {
    const top = file.split("/")[0]!;
    const folder = join(out, top);
    const whole =
      file.includes("/") &&
      !now.some((p) => isInside(p.out, folder)) &&
      onlyListed(folder, `${top}/`, names);
    entries.add(whole ? top : file);
  }
  return [
    ...[...entries].sort(compareCodeUnits).map((e) => shown(join(out, e))),
    shown(join(out, MANIFEST_FILE)),
    ...(lock ? [shown(lock)] : []),
  ];
}

/**
 * Why the handlers file's import of `specifier` points at an output folder other than `out`, or
 * undefined: only a relative specifier is followed, up to the first folder holding apiloom's
 * manifest, not past `baseDir`.
 */
export function staleOutputImport(
  handlersFile: string,
  out: string,
  baseDir: string,
): (specifier: string) => string | undefined {
  return (specifier) => {
    if (!specifier.startsWith("./") && !specifier.startsWith("../"))
      return undefined;
    const target = resolve(dirname(handlersFile), specifier);
    const root = resolve(baseDir);
    for (let at = dirname(target); ; at = dirname(at)) {
      if (at === out || !isInside(at, root)) return undefined;
      if (hasManifest(at)) {
        const shown = (p: string) => slashedRelative(baseDir, p);
        return `imports ${specifier}, from ${shown(at)}/, an output folder this API no longer generates (it writes ${shown(out)}/ now): tsc compiles against the old output. Import from ${shown(out)}/ instead`;
      }
      if (dirname(at) === at) return undefined;
    }
  };
}

/** Whether `path` lies strictly inside `root`, both as given and by their real paths. */
function insideByRealPath(path: string, root: string): boolean {
  const given = resolve(path);
  if (!given.startsWith(resolve(root) + sep)) return false;
  try {
    return realpathSync(given).startsWith(realpathSync(root) + sep);
  } catch {
    return false;
  }
}

function hasManifest(dir: string): boolean {
  return statOf(dir, true)?.isDirectory() === true && !!readManifest(dir);
}

/** Whether every file below `dir` is listed (`prefix` + its path). */
function onlyListed(dir: string, prefix: string, listed: Set<string>): boolean {
  let entries;
  try {
    entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch {
    return false;
  }
  if (entries.length > MAX_WALK) return false;
  return entries.every(
    (e) =>
      e.isDirectory() ||
      listed.has(prefix + slashedRelative(dir, join(e.parentPath, e.name))),
  );
}

/** Anything but at most MAX_PLACES absolute paths reads as none. */
function readPlaces(record: unknown): OutputPlace[] {
  const places = isRecord(record) ? record["places"] : undefined;
  if (!Array.isArray(places) || places.length > MAX_PLACES) return [];
  const absolute = (v: unknown): v is string =>
    typeof v === "string" && isAbsolute(v);
  const sound = places.every(
    (p) => absolute(p?.out) && (p.lock === undefined || absolute(p.lock)),
  );
  return sound ? places.map(place) : [];
}
