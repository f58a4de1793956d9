import { closeSync, openSync, writeSync } from "node:fs";
import type { Hash } from "node:crypto";

/** Texts are encoded a slice at a time, not into one buffer as large as the file. */
const CHUNK = 1 << 20;

export function textChunks(text: string): string[] {
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

/** Pieces of text are gathered up to this many units, then encoded: docs/benchmark.md. */
const BATCH = 1 << 15;

/**
 * Writes a text given piece by piece to a file as the UTF-8 of the pieces' concatenation, a
 * surrogate pair split between pieces kept together; the bytes go to the file and `hash`.
 */
export class TextFileSink {
  bytes = 0;
  private batch: string[] = [];
  private size = 0;
  private at = 0;
  private readonly buffer: Buffer;
  private fd: number | undefined;

  /** `flag` "wx" refuses what is already there: a planted link is never followed. */
  constructor(
    path: string,
    flag: "w" | "wx",
    private readonly hash?: Hash,
  ) {
    this.fd = openSync(path, flag);
    // the shared buffer, unless another sink holds it (a streamed file's maker writing a file)
    this.buffer = scratchFor(CHUNK);
    scratchTaken = true;
  }

  write(piece: string): void {
    if (this.size + piece.length > 2 * BATCH) {
      this.flushBatch(false);
      if (this.size + piece.length > 2 * BATCH) {
        for (let at = 0; at < piece.length; at += BATCH)
          this.write(piece.slice(at, at + BATCH));
        return;
      }
    }
    this.batch.push(piece);
    this.size += piece.length;
    if (this.size >= BATCH) this.flushBatch(false);
  }

  /** Writes what is left and closes the file; returns how many bytes were written in all. */
  end(): number {
    try {
      this.flushBatch(true);
      this.flushBuffer();
    } finally {
      this.close();
    }
    return this.bytes;
  }

  /** Closes the file, leaving the rest unwritten. */
  close(): void {
    if (this.fd === undefined) return;
    if (this.buffer === scratch) scratchTaken = false;
    const fd = this.fd;
    this.fd = undefined;
    closeSync(fd);
  }

  private flushBatch(last: boolean): void {
    if (this.batch.length === 0) return;
    let joined = this.batch.length === 1 ? this.batch[0]! : this.batch.join("");
    this.batch = [];
    this.size = 0;
    const unit = joined.charCodeAt(joined.length - 1);
    if (!last && unit >= 0xd800 && unit <= 0xdbff) {
      // the low half of the pair comes with the next piece
      this.batch.push(joined.slice(-1));
      this.size = 1;
      joined = joined.slice(0, -1);
    }
    this.encode(joined);
  }

  /** `text` is at most two batches long: its UTF-8 fits in the buffer once it is flushed. */
  private encode(text: string): void {
    if (this.buffer.length - this.at < 3 * text.length) this.flushBuffer();
    this.at += this.buffer.write(text, this.at, "utf8");
  }

  private flushBuffer(): void {
    if (this.at === 0 || this.fd === undefined) return;
    // a write may write less than asked (a signal, a nearly full disk): it goes on from there,
    // or the file would end short under the hash of the whole text
    for (let done = 0; done < this.at;) {
      const n = writeSync(this.fd, this.buffer, done, this.at - done);
      if (n <= 0)
        throw Object.assign(new Error("EIO: a write wrote nothing"), {
          code: "EIO",
        });
      done += n;
    }
    this.hash?.update(this.buffer.subarray(0, this.at));
    this.bytes += this.at;
    this.at = 0;
  }
}

/** Writes `text` (a string, or parts to concatenate) to `path`; returns the bytes written. */
export function writeTextFile(
  path: string,
  text: string | readonly string[],
  flag: "w" | "wx" = "w",
  hash?: Hash,
): number {
  const sink = new TextFileSink(path, flag, hash);
  try {
    if (typeof text === "string") sink.write(text);
    else for (const part of text) sink.write(part);
  } catch (error) {
    sink.close();
    throw error;
  }
  return sink.end();
}

// the buffer of TextFileSink and sameUtf8, reused: one slice's UTF-8 at most
let scratch: Buffer | undefined;
let scratchTaken = false;

/** The shared buffer for `units`, or a buffer of its own while a sink holds the shared one. */
function scratchFor(units: number): Buffer {
  const need = 3 * units;
  if (scratchTaken) return Buffer.allocUnsafe(need);
  if (scratch === undefined || scratch.length < need)
    scratch = Buffer.allocUnsafe(need);
  return scratch;
}

/**
 * Whether `bytes` are exactly the UTF-8 of `text` (bytes, not decoded text: a file with invalid
 * UTF-8 must not pass for the same text), compared a slice at a time in place.
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
