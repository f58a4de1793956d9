import { lstatSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import {
  fingerprintBase,
  fromOut,
  hashFile,
  type Fingerprint,
} from "./fingerprint.js";
import { readManifest } from "./manifest.js";
import { blockedFolder } from "./plan.js";
import { listInputs } from "./inputs.js";
import type { GenerateSettings } from "./settings.js";
import { hasInterruptedRun } from "./writer.js";
import { MANIFEST_FILE } from "./output-files.js";
import { isVerified } from "./verified.js";

/**
 * The fingerprint of the run that wrote the output folder, when a run with these settings and
 * stages would make exactly what is there: the same apiloom (its version in the manifest, its
 * code in this machine's record: verified.ts), settings and templates, the same
 * input files with the same bytes (and every file they reached), the name lock and handlers file
 * as that run left them, and every file the manifest lists still on disk with the bytes it
 * wrote. Any doubt (no record, an interrupted run, a link in the way) answers undefined: a full run.
 */
export function upToDate(
  settings: GenerateSettings,
  stagesId: string,
): Fingerprint | undefined {
  const out = settings.out;
  const manifest = readManifest(out);
  const recorded = manifest?.fingerprint;
  if (!manifest || !recorded || hasInterruptedRun(out)) return undefined;
  const base = fingerprintBase(settings, stagesId);
  if (
    base.apiloom !== recorded.apiloom ||
    base.settings !== recorded.settings ||
    base.templates !== recorded.templates
  )
    return undefined;
  const { inputFiles, unmatched } = listInputs(settings);
  if (unmatched.length > 0) return undefined;
  const inputs = inputFiles.map((f) =>
    fromOut(out, resolve(settings.baseDir, f)),
  );
  if (JSON.stringify(inputs) !== JSON.stringify(recorded.inputs))
    return undefined;
  for (const hashes of [recorded.reads, recorded.outside])
    for (const [path, hash] of Object.entries(hashes ?? {}))
      if (hashFile(resolve(out, path)) !== hash) return undefined;
  const folders = new Map<string, string | undefined>();
  for (const [path, hash] of Object.entries(manifest.files)) {
    if (blockedFolder(out, path, folders)) return undefined;
    const full = join(out, path);
    try {
      if (!lstatSync(full).isFile()) return undefined;
    } catch {
      return undefined;
    }
    if (hashFile(full) !== hash) return undefined;
  }
  // the manifest names apiloom by version; that this very code made it is this machine's record
  const text = readFileSync(join(out, MANIFEST_FILE), "utf8");
  if (!isVerified(out, settings.baseDir, text)) return undefined;
  return recorded;
}
