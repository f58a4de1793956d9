import {
  existsSync,
  lstatSync,
  mkdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { homedir } from "node:os";
import { dirname, isAbsolute, join } from "node:path";
import { readSourceBytes } from "../../ingest/read-source.js";
import { sha256Bytes } from "../identity.js";

/** `node_modules/.cache/apiloom` in the nearest folder up from `dir`, not past package.json's. */
export function projectCacheDir(dir: string): string | undefined {
  for (let at = dir; ; at = dirname(at)) {
    if (existsSync(join(at, "node_modules")))
      return join(at, "node_modules/.cache/apiloom");
    if (existsSync(join(at, "package.json")) || dirname(at) === at)
      return undefined;
  }
}

/** Where this machine's records go: the project's cache, else the user's (XDG), else none. */
export function cacheDir(dir: string): string | undefined {
  const project = projectCacheDir(dir);
  if (project) return project;
  const xdg = process.env["XDG_CACHE_HOME"];
  if (xdg && isAbsolute(xdg)) return join(xdg, "apiloom");
  try {
    const home = homedir();
    return home ? join(home, ".cache/apiloom") : undefined;
  } catch {
    return undefined;
  }
}

/** The cache's record of `kind` (`verified`, `warnings`) for the output folder `out`. */
export function cacheRecordPath(kind: string, out: string, baseDir: string) {
  const dir = cacheDir(baseDir);
  return dir
    ? join(dir, kind, `${sha256Bytes(out).slice(0, 32)}.json`)
    : undefined;
}

/** A record read back from the cache, a stranger's folder: undefined at any doubt. */
export function readCacheRecord(path: string, maxBytes: number): unknown {
  try {
    // apiloom never writes a link: one is somebody else's doing
    if (lstatSync(path).isSymbolicLink()) return undefined;
    return JSON.parse(readSourceBytes(path, maxBytes).toString("utf8"));
  } catch {
    return undefined;
  }
}

/** A cache that cannot be written only costs the next run what the record would have saved. */
export function writeCacheRecord(path: string, value: unknown): void {
  writeCacheFile(path, JSON.stringify(value) + "\n");
}

/**
 * Writes a file of the cache, a stranger's folder, through a temp name created new (`wx`) and a
 * rename, so no link there is followed and no reader sees half a file; false when it cannot.
 */
export function writeCacheFile(path: string, data: string | Buffer): boolean {
  const folder = dirname(path);
  try {
    mkdirSync(folder, { recursive: true });
    if (!lstatSync(folder).isDirectory()) return false;
    const tmp = `${path}.${process.pid}.tmp`;
    rmSync(tmp, { force: true });
    writeFileSync(tmp, data, { flag: "wx" });
    renameSync(tmp, path);
    return true;
  } catch {
    return false; // a read-only cache
  }
}
