import { resolve } from "node:path";
import { compareCodeUnits } from "../model/order.js";
import { expandInputs } from "./glob.js";
import { readManifest } from "./manifest.js";
import type { GenerateSettings } from "./settings.js";

/**
 * The input files the patterns expand to, sorted, relative to baseDir. A broad glob (`**` and `*`)
 * must not read back what apiloom writes: files its manifest lists (openapi.json), the lock, the
 * handlers file.
 */
export function listInputs(settings: GenerateSettings): {
  inputFiles: string[];
  unmatched: string[];
} {
  const { files, unmatched } = expandInputs(settings.inputs, settings.baseDir);
  const ours = new Set(
    Object.keys(readManifest(settings.out)?.files ?? {}).map((p) =>
      resolve(settings.out, p),
    ),
  );
  if (settings.lock) ours.add(settings.lock);
  if (settings.serverHandlers) ours.add(settings.serverHandlers);
  const sources = files.filter((f) => !ours.has(resolve(settings.baseDir, f)));
  // diagnostics come out in input order: sorted, they do not depend on the shell or the config
  return { inputFiles: [...sources].sort(compareCodeUnits), unmatched };
}
