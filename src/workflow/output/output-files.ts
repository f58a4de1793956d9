import type { GeneratedFile } from "../../emit/artifact.js";
import { compareCodeUnits } from "../../model/order.js";
import { pathShapeProblem } from "./safe-path.js";
import { trimTrailing } from "../../model/linear-text.js";
import { EmitterError, PluginError } from "../../emit/artifact.js";

/** Names in the output folder that belong to the writer itself; no emitter may produce them. */
export const MANIFEST_FILE = ".apiloom-manifest.json";
export const JOURNAL_FILE = ".apiloom-journal.json";
export const STAGING_DIR = ".apiloom-staging";
export const BUSY_FILE = ".apiloom-busy";
/** Held for a moment by a run taking over a dead run's lock. */
export const BUSY_GUARD = `${BUSY_FILE}.takeover`;
export const JOURNAL_TMP = `${JOURNAL_FILE}.tmp`;
/** Left by versions that wrote the manifest through a temp name; removed when found. */
export const OLD_MANIFEST_TMP = `${MANIFEST_FILE}.tmp`;
export const RESERVED: ReadonlySet<string> = new Set([
  MANIFEST_FILE,
  JOURNAL_FILE,
  STAGING_DIR,
  BUSY_FILE,
  BUSY_GUARD,
  JOURNAL_TMP,
  OLD_MANIFEST_TMP,
]);

export function unsafePathReason(path: string): string | undefined {
  const problem = pathShapeProblem(path);
  if (problem) return problem;
  if (RESERVED.has(path.split("/")[0]!))
    return `the path is reserved for apiloom's own bookkeeping`;
  return undefined;
}

/**
 * Joins what every emitter returned into one sorted list. Each file belongs to one artifact, so a
 * path made twice, an unsafe path or two paths differing only by case are emitter bugs.
 */
export function collectFiles(
  batches: readonly {
    emitter: string;
    path?: string;
    files: readonly GeneratedFile[];
  }[],
): GeneratedFile[] {
  // the file objects are kept as they are: an early-staged file's text is not read back here
  const byPath = new Map<string, { file: GeneratedFile; emitter: string }>();
  const byFolded = new Map<string, string>();
  for (const { emitter, path: own, files } of batches)
    for (const file of files) {
      const reason = unsafePathReason(file.path);
      if (reason)
        throw new PluginError(
          emitter,
          `returned the path ${JSON.stringify(file.path)}: ${reason}`,
        );
      if (own !== undefined && !isWithin(file.path, own))
        throw new PluginError(
          emitter,
          `returned the path ${JSON.stringify(file.path)}, outside its own path ${JSON.stringify(own)}: a plugin makes only its own file, or files in its own folder`,
        );
      const seen = byPath.get(file.path);
      if (seen)
        throw new EmitterError(
          seen.emitter === emitter
            ? `emitter ${emitter} makes ${file.path} twice`
            : `emitters ${seen.emitter} and ${emitter} both make ${file.path}`,
        );
      const folded = file.path.toLowerCase();
      const twin = byFolded.get(folded);
      if (twin !== undefined)
        throw new EmitterError(
          `${twin} and ${file.path} differ only by letter case and would overwrite each other on some file systems`,
        );
      byFolded.set(folded, file.path);
      byPath.set(file.path, { file, emitter });
    }
  const folders = new Set<string>();
  for (const path of byPath.keys())
    for (let i = path.indexOf("/"); i !== -1; i = path.indexOf("/", i + 1))
      folders.add(path.slice(0, i));
  for (const path of byPath.keys())
    if (folders.has(path))
      throw new EmitterError(
        `${path} is made both as a file and as a folder holding other files`,
      );
  return [...byPath.entries()]
    .sort(([a], [b]) => compareCodeUnits(a, b))
    .map(([, { file }]) => file);
}

function isWithin(path: string, own: string): boolean {
  const folder = trimTrailing(own, "/");
  return path === folder || path.startsWith(`${folder}/`);
}
