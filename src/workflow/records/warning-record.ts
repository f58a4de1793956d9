import { lstatSync } from "node:fs";
import type { Diagnostic } from "../../model/types.js";
import {
  cacheRecordPath,
  readCacheRecord,
  writeCacheRecord,
} from "./cache-dir.js";
import { sha256Bytes } from "../identity.js";

/**
 * The warnings of the last run into an output folder, so the next run can print in full only
 * the ones that are new (a quiet run counts the rest). Like the verified record (verified.ts) it
 * is this machine's business, kept in the cache (cache-dir.ts), one file per output folder:
 * `{ "keys": [...] }`, each key a hash of a warning's code, file and message (not its line, so
 * an edit above a warning does not make it new). The file is read back as untrusted: only a
 * regular file of at most MAX_BYTES, and only an object whose keys are KEY-shaped strings; any
 * doubt reads as "no record", which prints nothing as new. No record at all is a first run into
 * the folder (or a machine without a cache): every warning is new (a run lists new warnings one
 * line per code, src/cli/report.ts). Nothing of it reaches the output, which stays the same whatever
 * the record holds.
 */
const MAX_BYTES = 8 * 1024 * 1024;
const KEY = /^[0-9a-f]{20}$/;

const recordPath = (out: string, baseDir: string) =>
  cacheRecordPath("warnings", out, baseDir);

/** A warning's identity across runs: severity, code, file and message. */
export function warningKey(d: Diagnostic): string {
  return sha256Bytes(`${d.severity}\0${d.code}\0${d.file}\0${d.message}`).slice(
    0,
    20,
  );
}

/**
 * The keys the last run into `out` recorded: none on a first run (no record, or no cache), or
 * undefined when the record is not sound.
 */
export function readWarningKeys(
  out: string,
  baseDir: string,
): Set<string> | undefined {
  const path = recordPath(out, baseDir);
  if (!path || !exists(path)) return new Set();
  const record = readCacheRecord(path, MAX_BYTES);
  if (typeof record !== "object" || record === null) return undefined;
  const keys = (record as Record<string, unknown>)["keys"];
  if (!Array.isArray(keys)) return undefined;
  if (!keys.every((k) => typeof k === "string" && KEY.test(k)))
    return undefined;
  return new Set(keys as string[]);
}

/** Records the warnings of this run into `out` (sorted, so the same warnings give the same bytes). */
export function writeWarningKeys(
  out: string,
  baseDir: string,
  diagnostics: readonly Diagnostic[],
): void {
  const path = recordPath(out, baseDir);
  if (!path) return;
  const keys = [
    ...new Set(
      diagnostics.filter((d) => d.severity !== "error").map(warningKey),
    ),
  ].sort();
  writeCacheRecord(path, { keys });
}

/** Whether anything is at `path` (a link too, even a dangling one). */
function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
