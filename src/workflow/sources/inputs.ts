import { resolve } from "node:path";
import { formerLock } from "../records/name-lock.js";
import { expandInputs } from "./glob.js";
import { readManifest } from "../records/manifest.js";
import type { GenerateSettings } from "../config/settings.js";

/** The input files a run's patterns match, and the patterns that match none. */
export type Listed = ReturnType<typeof listInputs>;

/**
 * The input files the patterns expand to, sorted, relative to baseDir; never what apiloom writes
 * (the manifest's files, the lock, the handlers file).
 */
export function listInputs(settings: GenerateSettings) {
  const { files, unmatched } = expandInputs(settings.inputs, settings.baseDir);
  const ours = new Set(
    Object.keys(readManifest(settings.out)?.files ?? {}).map((p) =>
      resolve(settings.out, p),
    ),
  );
  const own = [settings.lock, formerLock(settings), settings.serverHandlers];
  for (const file of own) if (file) ours.add(file);
  // an overlay of the run is laid over the inputs, never read as one (specs/*.overlay.yaml)
  for (const o of settings.model.overlays)
    ours.add(resolve(settings.baseDir, o.file));
  // sorted (expandInputs sorts): diagnostics come out in input order, which then does not depend
  // on the shell or the config
  const inputFiles = files.filter(
    (f) => !ours.has(resolve(settings.baseDir, f)),
  );
  return { inputFiles, unmatched };
}
