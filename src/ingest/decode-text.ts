import { isUtf8 } from "node:buffer";
import { readSourceBytes, SourceReadError } from "./read-source.js";

/** The text of a spec file: {@link readSourceBytes} (regular files of a sane size), decoded. */
export function readSourceText(absPath: string, maxBytes: number): string {
  return decodeSource(readSourceBytes(absPath, maxBytes));
}

/**
 * A spec file's bytes as text. UTF-8 (with or without a BOM; the BOM is kept as U+FEFF, which
 * the parser drops), or UTF-16 in either byte order, with a BOM or recognised without one by the
 * NUL byte every ASCII character carries (a spec starts with ASCII: `{`, `openapi`, `#`, a
 * space). Anything else is refused, never guessed: a Latin-1 `café` read as UTF-8 would become
 * U+FFFD in a path and `listeCafS` in the code, so the error names the first bad byte's
 * line:column instead (UTF-32 is refused by name).
 */
export function decodeSource(bytes: Buffer): string {
  const encoding = sniff(bytes);
  if (encoding === "utf-32")
    throw new SourceReadError(
      "the file is UTF-32 text; apiloom reads UTF-8 or UTF-16: save it as UTF-8",
      "input/encoding",
    );
  if (encoding === "utf-8") {
    if (isUtf8(bytes)) return bytes.toString("utf8");
    const at = firstBadUtf8(bytes);
    const { line, column } = utf8Position(bytes, at);
    throw new SourceReadError(
      `the file is not valid UTF-8: byte 0x${hex(bytes[at]!)} at line ${line}, column ${column} (offset ${at}) cannot start or continue a character; save the file as UTF-8 (apiloom never guesses an encoding)`,
      "input/encoding",
      line,
      column,
    );
  }
  return decodeUtf16(bytes, encoding);
}

type Encoding = "utf-8" | "utf-16le" | "utf-16be" | "utf-32";

function sniff(b: Buffer): Encoding {
  const [b0, b1, b2, b3] = [b[0], b[1], b[2], b[3]];
  if (b.length >= 4) {
    if (b0 === 0 && b1 === 0 && ((b2 === 0xfe && b3 === 0xff) || b2 === 0))
      return "utf-32";
    if (b0 !== 0 && b1 === 0 && b2 === 0 && b3 === 0) return "utf-32";
    if (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) return "utf-32";
  }
  if (b0 === 0xff && b1 === 0xfe) return "utf-16le";
  if (b0 === 0xfe && b1 === 0xff) return "utf-16be";
  if (b.length >= 2 && b0 !== 0 && b1 === 0) return "utf-16le";
  if (b.length >= 2 && b0 === 0 && b1 !== 0) return "utf-16be";
  return "utf-8";
}

function decodeUtf16(bytes: Buffer, encoding: "utf-16le" | "utf-16be"): string {
  const name = encoding === "utf-16le" ? "UTF-16LE" : "UTF-16BE";
  if (bytes.length % 2 !== 0)
    throw new SourceReadError(
      `the file reads as ${name} but has an odd number of bytes (${bytes.length}); save it as UTF-8`,
      "input/encoding",
    );
  const le = encoding === "utf-16le" ? bytes : Buffer.from(bytes).swap16();
  let text = le.toString("utf16le");
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const bad = loneSurrogate(text);
  if (bad !== -1) {
    const before = text.slice(0, bad);
    const line = before.split("\n").length;
    const column = bad - before.lastIndexOf("\n");
    throw new SourceReadError(
      `the file reads as ${name} but holds a lone surrogate (U+${text.charCodeAt(bad).toString(16).toUpperCase()}) at line ${line}, column ${column}; save it as UTF-8`,
      "input/encoding",
      line,
      column,
    );
  }
  return text;
}

function loneSurrogate(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return i;
    } else if (c >= 0xdc00 && c <= 0xdfff) return i;
  }
  return -1;
}

/** Offset of the first byte that does not start a well-formed UTF-8 sequence (RFC 3629). */
function firstBadUtf8(b: Buffer): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= n; k++) {
      const d = b[i + k];
      const min = k === 1 ? lo : 0x80;
      const max = k === 1 ? hi : 0xbf;
      if (d === undefined || d < min || d > max) return i;
    }
    i += n + 1;
  }
  return b.length;
}

/** Line and column (in UTF-16 code units, as every position apiloom reports) of byte `at`. */
function utf8Position(
  bytes: Buffer,
  at: number,
): { line: number; column: number } {
  const lineStart = at === 0 ? 0 : bytes.lastIndexOf(0x0a, at - 1) + 1;
  let line = 1;
  for (let i = bytes.indexOf(0x0a); i !== -1 && i < at;)
    (line++, (i = bytes.indexOf(0x0a, i + 1)));
  const column = bytes.subarray(lineStart, at).toString("utf8").length + 1;
  return { line, column };
}

function hex(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, "0");
}
