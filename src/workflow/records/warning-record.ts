import { entryExists } from "../output/writer.js";
import type { Diagnostic } from "../../model/types.js";
import {
  cacheRecordPath,
  readCacheRecord,
  writeCacheRecord,
} from "./cache-dir.js";
import { sha256Bytes } from "../identity.js";
import { isRecord } from "../../ingest/reader.js";

/**
 * The warnings of the last run into an output folder, so the next run prints in full only the
 * new ones: kept in this machine's cache, each a hash of a warning without its line (an edit
 * above it does not make it new).
 */
const MAX_BYTES = 8 * 1024 * 1024;
const KEY = /^[0-9a-f]{20}$/;

/** A warning's identity across runs: severity, code, file and message. */
export function warningKey(d: Diagnostic): string {
  const text = `${d.severity}\0${d.code}\0${d.file}\0${d.message}`;
  return sha256Bytes(text).slice(0, 20);
}

/** None on a first run, undefined when the record is not sound (then nothing prints as new). */
export function readWarningKeys(
  out: string,
  baseDir: string,
): Set<string> | undefined {
  const path = cacheRecordPath("warnings", out, baseDir);
  if (!path || !entryExists(path)) return new Set();
  const record = readCacheRecord(path, MAX_BYTES);
  const keys = isRecord(record) ? record["keys"] : undefined;
  if (!Array.isArray(keys)) return undefined;
  if (!keys.every((k) => typeof k === "string" && KEY.test(k)))
    return undefined;
  return new Set(keys as string[]);
}

export function writeWarningKeys(
  out: string,
  baseDir: string,
  diagnostics: readonly Diagnostic[],
): void {
  const path = cacheRecordPath("warnings", out, baseDir);
  if (!path) return;
  const keys = [
    ...new Set(
      diagnostics.filter((d) => d.severity !== "error").map(warningKey),
    ),
  ].sort();
  writeCacheRecord(path, { keys });
}
