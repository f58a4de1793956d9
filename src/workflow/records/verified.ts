import type { GeneratedFile } from "../../emit/artifact.js";
import {
  cacheRecordPath,
  readCacheRecord,
  writeCacheRecord,
} from "./cache-dir.js";
import type { Fingerprint } from "./fingerprint.js";
import { apiloomIdentity, sha256Bytes } from "../identity.js";
import { makeManifest, manifestText } from "./manifest.js";

/**
 * The committed manifest names apiloom by its version only, so the same version and inputs give
 * the same bytes on every machine and every fresh clone, and a commit that changes only apiloom's
 * code does not touch the output. What exact code made or checked the output (a hash of the code
 * that runs, its templates and parsers: apiloomIdentity) is this machine's business: kept in the
 * cache (cache-dir.ts), one record per output folder, `{ identity, manifest }`, written after a
 * run made or checked the folder. A run may skip its work only when the record says this very
 * code stood behind the manifest on disk; a fresh clone, CI, or a changed apiloom makes and
 * compares the files afresh (and then writes nothing when they are the same).
 */
const recordPath = (out: string, baseDir: string) =>
  cacheRecordPath("verified", out, baseDir);

/** A record is two hashes and a little JSON around them. */
const MAX_BYTES = 4096;

/** Whether this apiloom made or checked `manifest` (the text on disk) in `out`. */
export function isVerified(
  out: string,
  baseDir: string,
  manifest: string,
): boolean {
  const path = recordPath(out, baseDir);
  if (!path) return false;
  const record = readCacheRecord(path, MAX_BYTES);
  return (
    typeof record === "object" &&
    record !== null &&
    (record as Record<string, unknown>)["identity"] === apiloomIdentity() &&
    (record as Record<string, unknown>)["manifest"] === sha256Bytes(manifest)
  );
}

/**
 * Records that this apiloom stands behind the manifest made of `files` and `fingerprint` in
 * `out` (after it wrote it, or checked that it is what is there). A cache that cannot be written
 * only costs the next run its skip.
 */
export function markVerified(
  out: string,
  baseDir: string,
  files: readonly GeneratedFile[],
  fingerprint: Fingerprint,
): void {
  const path = recordPath(out, baseDir);
  if (!path) return;
  const manifest = manifestText(makeManifest(files, fingerprint));
  writeCacheRecord(path, {
    identity: apiloomIdentity(),
    manifest: sha256Bytes(manifest),
  });
}
