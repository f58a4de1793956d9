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

/** `flag` "wx" refuses to open what is already there (a planted link is never followed). */
export function writeTextFile(
  path: string,
  text: string,
  flag: "w" | "wx" = "w",
): void {
  const fd = openSync(path, flag);
  try {
    for (const chunk of textChunks(text)) writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
}

export function updateWithText(hash: Hash, text: string): Hash {
  for (const chunk of textChunks(text)) hash.update(chunk, "utf8");
  return hash;
}

// sameUtf8's buffer, grown as needed and reused: one slice's UTF-8 at most (three bytes a unit)
let scratch: Buffer | undefined;

/**
 * Whether `bytes` are exactly the UTF-8 of `text` (bytes, not decoded text: a file with invalid
 * UTF-8 must not pass for the same text). Each slice is encoded into one reused buffer and
 * compared in place, so comparing a file costs no copy of its size.
 */
export function sameUtf8(bytes: Uint8Array, text: string): boolean {
  const need = 3 * Math.min(text.length, CHUNK);
  if (scratch === undefined || scratch.length < need)
    scratch = Buffer.allocUnsafe(need);
  let at = 0;
  for (const chunk of textChunks(text)) {
    const n = scratch.write(chunk, 0, "utf8");
    const end = at + n;
    if (end > bytes.length || scratch.compare(bytes, at, end, 0, n) !== 0)
      return false;
    at = end;
  }
  return at === bytes.length;
}
