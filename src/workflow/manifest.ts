import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { GeneratedFile } from "../emit/artifact.js";
import type { Fingerprint } from "./fingerprint.js";
import { MANIFEST_FILE } from "./output-files.js";
import { updateWithText } from "./text-chunks.js";

/**
 * The output folder's record of which files apiloom made. Only files it lists are ever
 * overwritten or removed, so anything else in the folder (a hand-made file) is left alone.
 */
export interface Manifest {
  generator: "apiloom";
  version: 1;
  /**
   * What the run that wrote the folder was made from (see fingerprint.ts); absent in folders
   * written before it existed, or by stages that cannot be fingerprinted. Then the next run is full.
   */
  fingerprint?: Fingerprint;
  /** Generated path → sha256 of its contents, sorted by path. */
  files: Record<string, string>;
}

export function sha256(text: string): string {
  return updateWithText(createHash("sha256"), text).digest("hex");
}

/** Files must arrive sorted (collectFiles sorts) so the manifest text is deterministic. */
export function makeManifest(
  files: readonly GeneratedFile[],
  fingerprint?: Fingerprint,
): Manifest {
  const entries: Record<string, string> = {};
  for (const file of files) entries[file.path] = sha256(file.contents);
  return fingerprint
    ? { generator: "apiloom", version: 1, fingerprint, files: entries }
    : { generator: "apiloom", version: 1, files: entries };
}

export function manifestText(manifest: Manifest): string {
  return JSON.stringify(manifest, null, 2) + "\n";
}

/** The manifest in `outDir`, or undefined when there is none (first run) or it is not ours. */
export function readManifest(outDir: string): Manifest | undefined {
  let text: string;
  try {
    text = readFileSync(join(outDir, MANIFEST_FILE), "utf8");
  } catch {
    return undefined;
  }
  try {
    const value = JSON.parse(text) as Partial<Manifest>;
    if (
      value.generator === "apiloom" &&
      value.version === 1 &&
      typeof value.files === "object" &&
      value.files !== null
    )
      return value as Manifest;
  } catch {
    // a damaged manifest is treated as absent: nothing will be removed, conflicts are reported
  }
  return undefined;
}
