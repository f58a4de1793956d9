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
 * The committed manifest names apiloom by its version only, so it is the same on every machine.
 * Which exact code made or checked the output (apiloomIdentity) is this machine's record in the
 * cache, `{ identity, manifest }`: a run may skip its work only when it says this very code stood
 * behind the manifest on disk; a fresh clone, CI or a changed apiloom compares the files afresh.
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

/** Records that this apiloom stands behind the manifest of `files` and `fingerprint` in `out`. */
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
