import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fingerprintBase, type Fingerprint } from "./fingerprint.js";
import type { GeneratedFile } from "../../emit/artifact.js";
import { isRecord } from "../../ingest/reader.js";
import {
  cacheRecordPath,
  readCacheRecord,
  writeCacheRecord,
} from "./cache-dir.js";
import { apiloomIdentity, hashFile, sha256Bytes } from "../identity.js";
import { makeManifest, manifestText, readManifestChecked } from "./manifest.js";
import { blockedFolder } from "../output/safe-path.js";
import type { Listed } from "../sources/inputs.js";
import type { GenerateSettings } from "../config/settings.js";
import { entryExists, hasInterruptedRun } from "../output/writer.js";
import { BUSY_FILE, MANIFEST_FILE } from "../output/output-files.js";
import { isUrlInput } from "../../model/source-url.js";
import { statOf } from "../sources/real-path.js";
import { readIfExists } from "../output/outside-file.js";
import type { RemoteInputs } from "../sources/remote-inputs.js";

/**
 * The fingerprint of the run that wrote the output folder, when a run with these settings and
 * stages would make exactly what is there. Any doubt answers undefined: a full run.
 */
export function upToDate(
  settings: GenerateSettings,
  stagesId: string,
  remote: RemoteInputs,
  { inputFiles, unmatched }: Listed,
): Fingerprint | undefined {
  const out = settings.out;
  const { manifest, unsafe } = readManifestChecked(out);
  const recorded = manifest?.fingerprint;
  // entries to report (output/unsafe-manifest-entry) take the full run, which reports them; a
  // lock (a killed run's) too, which that run takes over and removes
  if (!manifest || !recorded || unsafe.length > 0 || hasInterruptedRun(out))
    return undefined;
  if (entryExists(join(out, BUSY_FILE))) return undefined;
  const base = fingerprintBase(settings, stagesId, inputFiles);
  const keys = Object.keys(base) as (keyof typeof base)[];
  const same = (k: keyof typeof base) =>
    JSON.stringify(base[k]) === JSON.stringify(recorded[k]);
  if (!keys.every(same) || unmatched.length > 0) return undefined;
  for (const hashes of [recorded.reads, recorded.outside])
    for (const [path, hash] of Object.entries(hashes ?? {})) {
      if (isUrlInput(path)) {
        if (remote.hash(path) !== hash) return undefined;
        continue;
      }
      const full = resolve(out, path);
      // a FIFO or device swapped in since would never end the hash: a full run names it
      if (statOf(full)?.isFile() === false || hashFile(full) !== hash)
        return undefined;
    }
  for (const [path, hash] of Object.entries(manifest.files)) {
    if (blockedFolder(out, path)) return undefined;
    const full = join(out, path);
    if (!statOf(full, true)?.isFile() || hashFile(full) !== hash)
      return undefined;
  }
  // The committed manifest names apiloom by its version only, so it is the same on every machine.
  // Which exact code made or checked it is this machine's record in the cache: a fresh clone, CI
  // or a changed apiloom compares the files afresh.
  const path = cacheRecordPath("verified", out, settings.baseDir);
  const record = path && readCacheRecord(path, 4096);
  const text = readFileSync(join(out, MANIFEST_FILE), "utf8");
  return isRecord(record) &&
    record["identity"] === apiloomIdentity() &&
    record["manifest"] === sha256Bytes(text)
    ? recorded
    : undefined;
}

/**
 * Records that this apiloom stands behind the manifest of `files` and `fingerprint` (if any) in
 * `out`; `onDisk`: only when it is the manifest there already (a --check that found nothing stale).
 */
export function markVerified(
  { out, baseDir }: Pick<GenerateSettings, "out" | "baseDir">,
  files: readonly GeneratedFile[],
  fingerprint: Fingerprint | undefined,
  onDisk = false,
): void {
  if (!fingerprint) return;
  const manifest = manifestText(makeManifest(files, fingerprint));
  const there = onDisk && readIfExists(join(out, MANIFEST_FILE));
  if (there !== false && !there?.equals(Buffer.from(manifest))) return;
  const path = cacheRecordPath("verified", out, baseDir);
  if (path)
    writeCacheRecord(path, {
      identity: apiloomIdentity(),
      manifest: sha256Bytes(manifest),
    });
}
