import * as nodeBuffer from "node:buffer";
import { decodeUtf8 } from "./utf8-bytes.js";
import { readSourceBytes, SourceReadError } from "./read-source.js";
import { LineIndex } from "./parse/lines.js";

export function readSourceText(absPath: string, maxBytes: number): string {
  return decodeSource(readSourceBytes(absPath, maxBytes));
}

/**
 * A spec file's bytes as text: UTF-8 (BOM or not) or UTF-16 of either order (by BOM, or the NULs
 * of an ASCII start); all else is refused at its first bad byte (UTF-32 by name), never guessed.
 */
export function decodeSource(bytes: Buffer): string {
  const encoding = sniff(bytes);
  if (encoding === "utf-32")
    throw new SourceReadError(
      "the file is UTF-32 text; apiloom reads UTF-8 or UTF-16: save it as UTF-8",
      "input/encoding",
    );
  if (encoding === "utf-8") {
    if (nodeBuffer.isUtf8(bytes)) return utf8Text(bytes);
    // the first byte that is not UTF-8 (utf8-bytes.ts decides), at its line and column in UTF-16
    // code units as every position apiloom reports, so the code frame's caret sits on it
    const decoded = decodeUtf8(bytes);
    const at = decoded.firstInvalid ?? bytes.length;
    const { line, column } = new LineIndex(decoded.text).position(
      Math.max(0, decoded.byteOffsets.indexOf(at)),
    );
    throw new SourceReadError(
      `the file is not valid UTF-8: byte 0x${bytes[at]!.toString(16).toUpperCase().padStart(2, "0")} at line ${line}, column ${column} (offset ${at}) cannot start or continue a character; save the file as UTF-8 (apiloom never guesses an encoding)`,
      "input/encoding",
      line,
      column,
    );
  }
  return decodeUtf16(bytes, encoding);
}

/** Texts from this size up are decoded outside the JavaScript heap (see {@link utf8Text}). */
const EXTERNAL_BYTES = 1 << 20;

/**
 * The text of valid UTF-8 bytes: a large one not all ASCII is made an external string (Node keeps
 * a large "ucs2" string outside the heap), so that the heap's next limit is not sized from it.
 */
function utf8Text(bytes: Buffer): string {
  // looked up, not imported by name: a runtime without them (no ICU, another engine) decodes as before
  const { isAscii, transcode } = nodeBuffer as Partial<typeof nodeBuffer>;
  if (bytes.length < EXTERNAL_BYTES || !isAscii || !transcode)
    return bytes.toString("utf8");
  if (isAscii(bytes)) return bytes.toString("utf8");
  try {
    return transcode(bytes, "utf8", "ucs2").toString("ucs2");
  } catch {
    return bytes.toString("utf8");
  }
}

function sniff(b: Buffer): "utf-8" | "utf-16le" | "utf-16be" | "utf-32" {
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
  // with the `u` flag a surrogate pair is one code point: only a lone surrogate matches
  const bad = text.search(/[\ud800-\udfff]/u);
  if (bad !== -1) {
    const { line, column } = new LineIndex(text).position(bad);
    throw new SourceReadError(
      `the file reads as ${name} but holds a lone surrogate (U+${text.charCodeAt(bad).toString(16).toUpperCase()}) at line ${line}, column ${column}; save it as UTF-8`,
      "input/encoding",
      line,
      column,
    );
  }
  return text;
}
