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
 * Writes `text` (a string, or parts to concatenate) to `path`. `flag` "wx" refuses to open what
 * is already there (a planted link is never followed). Returns how many bytes were written;
 * `hash`, when given, is fed those very bytes.
 *
 * Each part is encoded straight into one reused buffer, which is written and hashed whenever the
 * next part might not fit: the parts are never joined into a string first (on GitHub's API that
 * join copied ~38 MB of text into 1 MiB strings that only lived until they were encoded). A part
 * ending with the first half of a surrogate pair is held back one unit, so the pair is encoded
 * together, as in the parts' concatenation.
 */
export function writeTextFile(
  path: string,
  text: string | readonly string[],
  flag: "w" | "wx" = "w",
  hash?: Hash,
): number {
  const fd = openSync(path, flag);
  try {
    return encodeParts(typeof text === "string" ? [text] : text, (bytes) => {
      writeSync(fd, bytes);
      hash?.update(bytes);
    });
  } finally {
    closeSync(fd);
  }
}

/**
 * The UTF-8 of the parts' concatenation, given to `sink` a buffer of at most 3 MiB at a time
 * (one reused buffer: each is valid only until `sink` returns). Returns the byte count.
 */
export function encodeParts(
  parts: readonly string[],
  sink: (bytes: Buffer) => void,
): number {
  // one buffer, reused: a new one per slice is memory outside the heap that stays taken until
  // the next full garbage collection
  const buffer = scratchFor(CHUNK);
  let used = 0;
  let total = 0;
  const flush = () => {
    if (used === 0) return;
    sink(buffer.subarray(0, used));
    total += used;
    used = 0;
  };
  const put = (piece: string) => {
    if (used + 3 * piece.length > buffer.length) flush();
    used += buffer.write(piece, used, "utf8");
  };
  let held = "";
  for (let part of parts) {
    if (held !== "") {
      part = held + part;
      held = "";
    }
    const last = part.charCodeAt(part.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) {
      held = part.slice(-1);
      part = part.slice(0, -1);
    }
    if (part.length <= CHUNK) put(part);
    else for (const chunk of textChunks(part)) put(chunk);
  }
  if (held !== "") put(held);
  flush();
  return total;
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
