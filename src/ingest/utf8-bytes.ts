/**
 * Text read as UTF-8 without losing a byte: a file apiloom edits in place (the handlers file) may
 * hold bytes that are not UTF-8, which the usual decoding would write back as EF BF BD.
 * `decodeUtf8` decodes strictly (RFC 3629), turns each byte of an invalid sequence into one U+FFFD
 * and records where every character came from (`byteOffsets`: the byte offset of each UTF-16 offset
 * of `text`, and of its end), so an edit found in the text is made on the bytes; `firstInvalid` is
 * the offset of the first byte that is not part of valid UTF-8, if any.
 */
export function decodeUtf8(bytes: Uint8Array) {
  const units: number[] = [];
  const offsets: number[] = [];
  let firstInvalid: number | undefined;
  let i = 0;
  while (i < bytes.length) {
    const length = sequenceLength(bytes, i);
    if (length === 0) firstInvalid ??= i;
    const point = length === 0 ? 0xfffd : codePoint(bytes, i, length);
    offsets.push(i);
    if (point > 0xffff) {
      offsets.push(i);
      units.push(0xd800 + ((point - 0x10000) >> 10));
      units.push(0xdc00 + ((point - 0x10000) & 0x3ff));
    } else units.push(point);
    i += Math.max(1, length);
  }
  offsets.push(bytes.length);
  let text = "";
  for (let start = 0; start < units.length; start += 8192)
    text += String.fromCharCode(...units.slice(start, start + 8192));
  return {
    text,
    byteOffsets: Uint32Array.from(offsets),
    ...(firstInvalid === undefined ? {} : { firstInvalid }),
  };
}

/**
 * `path:3:7: byte 0xE9 is not UTF-8` for the first byte of `bytes` that is not part of valid
 * UTF-8 (1-based line, and column in characters: code points), or undefined when all of it is.
 */
export function invalidUtf8Message(
  path: string,
  decoded: ReturnType<typeof decodeUtf8>,
  bytes: Uint8Array,
): string | undefined {
  const offset = decoded.firstInvalid;
  if (offset === undefined) return undefined;
  const before = decoded.text.slice(0, decoded.byteOffsets.indexOf(offset));
  const line = before.split("\n").length;
  const column = [...before.slice(before.lastIndexOf("\n") + 1)].length + 1;
  return `${path}:${line}:${column}: byte 0x${bytes[offset].toString(16).toUpperCase().padStart(2, "0")} is not UTF-8`;
}

/**
 * Inserts UTF-8 text at byte offsets of `bytes`; equal offsets keep their order. An insertion
 * with an `end` replaces the bytes from `at` to `end` (the ranges must not overlap).
 */
export function insertBytes(
  bytes: Uint8Array,
  insertions: readonly { at: number; end?: number; text: string }[],
): Buffer {
  const sorted = insertions
    .map((insertion, order) => ({ ...insertion, order }))
    .sort((a, b) => a.at - b.at || a.order - b.order);
  const parts: Uint8Array[] = [];
  let cursor = 0;
  for (const { at, end, text } of sorted) {
    parts.push(bytes.subarray(cursor, at), Buffer.from(text, "utf8"));
    cursor = end ?? at;
  }
  parts.push(bytes.subarray(cursor));
  return Buffer.concat(parts);
}

/** The length of the valid UTF-8 sequence starting at `i`, or 0 when there is none. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i];
  if (b < 0x80) return 1;
  const cont = (k: number, low = 0x80, high = 0xbf) =>
    i + k < bytes.length && bytes[i + k] >= low && bytes[i + k] <= high;
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    const low = b === 0xe0 ? 0xa0 : 0x80;
    return cont(1, low, b === 0xed ? 0x9f : 0xbf) && cont(2) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const low = b === 0xf0 ? 0x90 : 0x80;
    return cont(1, low, b === 0xf4 ? 0x8f : 0xbf) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

function codePoint(bytes: Uint8Array, i: number, length: number): number {
  if (length === 1) return bytes[i];
  let point = bytes[i] & (0xff >> (length + 1));
  for (let k = 1; k < length; k++) point = (point << 6) | (bytes[i + k] & 0x3f);
  return point;
}
