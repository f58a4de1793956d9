import { resolve } from "node:path";
import { notAFileMessage } from "../../ingest/read-source.js";
import type { LoadOptions } from "../../pipeline.js";
import { formerLock, readNameLock } from "../records/name-lock.js";
import type { IngestCode as DiagnosticCode } from "../../ingest/codes.js";
import { expandInputs, isPattern } from "./glob.js";
import { statOf } from "./real-path.js";
import { readManifest } from "../records/manifest.js";
import { overlayOptions } from "../config/overlay-settings.js";
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

/**
 * Why an input pattern matched nothing: a path that exists but is not a regular file (a folder,
 * FIFO, device) says what it is, without opening it; anything else matched no file.
 */
export function unmatchedInput(
  pattern: string,
  baseDir: string,
): { code: DiagnosticCode; message: string } {
  const stats = statOf(resolve(baseDir, pattern));
  if (stats && !stats.isFile())
    return { code: "input/not-a-file", message: notAFileMessage(stats) };
  return {
    code: "input/no-match",
    message: `no file matches the input ${JSON.stringify(pattern)}${isPattern(pattern) ? "" : ": no such file"}`,
  };
}

/** loadModel's options from a run's settings: generate and inspect load alike with them. */
export function modelLoadOptions(
  settings: GenerateSettings,
  readText: (absPath: string) => string,
): LoadOptions {
  return {
    ...settings.model,
    cwd: settings.baseDir,
    overlays: overlayOptions(settings.model.overlays, settings.baseDir),
    lockedNames: settings.lock
      ? readNameLock(formerLock(settings) ?? settings.lock)
      : undefined,
    readText,
  };
}
