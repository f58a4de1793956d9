import { createHash } from "node:crypto";
import { lstatSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { GeneratedFile } from "../../emit/artifact.js";
import type { Fingerprint } from "./fingerprint.js";
import { MANIFEST_FILE, unsafePathReason } from "../output/output-files.js";
import { placeInText } from "../output/safe-path.js";
import { textChunks } from "../output/text-chunks.js";
import { stagedText, type StagedText } from "../output/early-file.js";
import { sha256Bytes, SHA256_HEX } from "../identity.js";
import { isRecord } from "../../ingest/reader.js";
import type { TextPosition } from "../../ingest/parse/parsed-document.js";

/**
 * The output folder's record of which files apiloom made. Only files it lists are ever
 * overwritten or removed, so anything else in the folder (a hand-made file) is left alone.
 */
export interface Manifest {
  generator: "apiloom";
  version: 1;
  /** Absent when the stages cannot be fingerprinted: then the next run is full. */
  fingerprint?: Fingerprint;
  /** Generated path → sha256 of its contents, sorted by path. */
  files: Record<string, string>;
}

export function sha256(text: string): string {
  const hash = createHash("sha256");
  for (const chunk of textChunks(text)) hash.update(chunk, "utf8");
  return hash.digest("hex");
}

/** sha256 of a generated file's contents, hashed once per file object and contents. */
export function fileHash(file: GeneratedFile): string {
  const early = stagedText(file);
  if (early) return early.hash;
  const known = HASHES.get(file);
  if (known !== undefined && known.contents === file.contents)
    return known.hash;
  const hash = sha256(file.contents);
  HASHES.set(file, { contents: file.contents, hash });
  return hash;
}

const HASHES = new WeakMap<GeneratedFile, { contents: string; hash: string }>();

export function sameAsStaged(bytes: Uint8Array, staged: StagedText): boolean {
  return bytes.length === staged.bytes && sha256Bytes(bytes) === staged.hash;
}

/** Files must arrive sorted (collectFiles sorts) so the manifest text is deterministic. */
export function makeManifest(
  files: readonly GeneratedFile[],
  fingerprint?: Fingerprint,
): Manifest {
  const entries = Object.fromEntries(files.map((f) => [f.path, fileHash(f)]));
  return fingerprint
    ? { generator: "apiloom", version: 1, fingerprint, files: entries }
    : { generator: "apiloom", version: 1, files: entries };
}

export function manifestText(manifest: Manifest): string {
  return JSON.stringify(manifest, null, 2) + "\n";
}

/** A manifest entry that names no file apiloom could have made there: ignored, never acted on. */
export interface UnsafeEntry extends TextPosition {
  path: string;
  reason: string;
}

/** Undefined when there is none or it is not ours. */
export function readManifest(outDir: string): Manifest | undefined {
  return readManifestChecked(outDir).manifest;
}

/**
 * The manifest with only its safe entries, and the entries left out: it is a stranger's file, so
 * a key apiloom could not have made or a hash that is not a sha256 is reported, never acted on.
 */
export function readManifestChecked(outDir: string): {
  manifest: Manifest | undefined;
  unsafe: UnsafeEntry[];
  /** Where an entry's key stands in the manifest's text (line 1 when it cannot be found). */
  placeOf?: (path: string) => TextPosition;
} {
  const file = join(outDir, MANIFEST_FILE);
  const none = { manifest: undefined, unsafe: [] };
  let text: string;
  let value: Partial<Manifest> | null;
  try {
    if (!lstatSync(file).isFile()) return none;
    text = readFileSync(file, "utf8");
    // one that does not parse is treated as absent: nothing will be removed, conflicts are reported
    value = JSON.parse(text) as Partial<Manifest> | null;
  } catch {
    return none;
  }
  if (
    !isRecord(value) ||
    value.generator !== "apiloom" ||
    value.version !== 1 ||
    !isRecord(value.files)
  )
    return none;
  const placeOf = (path: string) => placeInText(text, JSON.stringify(path));
  const kept: [string, string][] = [];
  const unsafe: UnsafeEntry[] = [];
  for (const [path, hash] of Object.entries(value.files)) {
    const reason =
      unsafePathReason(path) ??
      (typeof hash === "string" && SHA256_HEX.test(hash)
        ? undefined
        : "its hash is not a sha256");
    if (reason === undefined) kept.push([path, hash as string]);
    else unsafe.push({ path, reason, ...placeOf(path) });
  }
  // fromEntries makes own properties: a key `__proto__` stays a key
  const files = Object.fromEntries(kept);
  return { manifest: { ...(value as Manifest), files }, unsafe, placeOf };
}
