import { closeSync, openSync, writeSync } from "node:fs";
import type { Hash } from "node:crypto";

/**
 * Large generated texts (GitHub's openapi.json is 15 MB) are written and hashed a slice at a
 * time: converting a whole string to UTF-8 at once allocates a buffer as large as the file
 * outside the JavaScript heap, which is what pushed a run's peak memory up at the very end.
 * Slices never split a surrogate pair, so the bytes are those of the whole string.
 */
const CHUNK = 1 << 20;

export function textChunks(text: string): string[] {
  if (text.length <= CHUNK) return [text];
  const chunks: string[] = [];
  for (let start = 0; start < text.length;) {
    let end = Math.min(start + CHUNK, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    chunks.push(text.slice(start, end));
    start = end;
  }
  return chunks;
}

/**
 * The slices of a text given as parts (emit/shared/text-parts.ts), as of their concatenation:
 * small parts are joined into slices of about {@link CHUNK} units, large ones sliced, and a
 * surrogate pair split between two parts is kept together.
 */
export function* partChunks(parts: readonly string[]): Generator<string> {
  let batch: string[] = [];
  let size = 0;
  for (const part of parts) {
    batch.push(part);
    size += part.length;
    if (size < CHUNK) continue;
    let joined = batch.join("");
    batch = [];
    size = 0;
    const last = joined.charCodeAt(joined.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) {
      batch.push(joined.slice(-1));
      size = 1;
      joined = joined.slice(0, -1);
    }
    yield* textChunks(joined);
  }
  if (batch.length > 0) yield* textChunks(batch.join(""));
}

/**
 * Writes `text` (a string, or parts to concatenate) to `path`. `flag` "wx" refuses to open what
 * is already there (a planted link is never followed). Returns how many bytes were written;
 * `hash`, when given, is fed those very bytes.
 */
export function writeTextFile(
  path: string,
  text: string | readonly string[],
  flag: "w" | "wx" = "w",
  hash?: Hash,
): number {
  const fd = openSync(path, flag);
  let bytes = 0;
  try {
    const chunks =
      typeof text === "string" ? textChunks(text) : partChunks(text);
    for (const chunk of chunks) {
      // encoded into one reused buffer: a new one per slice is memory outside the heap that
      // stays taken until the next full garbage collection
      const buffer = scratchFor(chunk.length);
      const n = buffer.write(chunk, 0, "utf8");
      writeSync(fd, buffer, 0, n);
      hash?.update(buffer.subarray(0, n));
      bytes += n;
    }
  } finally {
    closeSync(fd);
  }
  return bytes;
}

export function updateWithText(hash: Hash, text: string): Hash {
  for (const chunk of textChunks(text)) hash.update(chunk, "utf8");
  return hash;
}

// the buffer of writeTextFile and sameUtf8, grown as needed and reused: one slice's UTF-8 at
// most (three bytes a unit)
let scratch: Buffer | undefined;

function scratchFor(units: number): Buffer {
  const need = 3 * units;
  if (scratch === undefined || scratch.length < need)
    scratch = Buffer.allocUnsafe(need);
  return scratch;
}

/**
 * Whether `bytes` are exactly the UTF-8 of `text` (bytes, not decoded text: a file with invalid
 * UTF-8 must not pass for the same text). Each slice is encoded into one reused buffer and
 * compared in place, so comparing a file costs no copy of its size.
 */
export function sameUtf8(bytes: Uint8Array, text: string): boolean {
  const buffer = scratchFor(Math.min(text.length, CHUNK));
  let at = 0;
  for (const chunk of textChunks(text)) {
    const n = buffer.write(chunk, 0, "utf8");
    const end = at + n;
    if (end > bytes.length || buffer.compare(bytes, at, end, 0, n) !== 0)
      return false;
    at = end;
  }
  return at === bytes.length;
}
