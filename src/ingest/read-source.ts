import {
  closeSync,
  constants,
  fstatSync,
  openSync,
  readSync,
  statSync,
  type Stats,
} from "node:fs";
import type { IngestCode } from "./codes.js";

/** The default size limit of one input or `$ref`'d file, in MiB (`--max-input-size`). */
export const DEFAULT_MAX_INPUT_MIB = 100;
export const MIB = 1024 * 1024;
export const DEFAULT_MAX_INPUT_BYTES = DEFAULT_MAX_INPUT_MIB * MIB;

/**
 * A file apiloom will not read as a spec, or whose bytes are not text: the code and where in the
 * file (1:1: the whole file). The caller names the file (display path) and a `$ref`'d one's `$ref`.
 */
export class SourceReadError extends Error {
  constructor(
    message: string,
    readonly code: IngestCode,
    readonly line = 1,
    readonly column = 1,
    /** The file the place is in, when not the one read (a URL's pin in the config). */
    readonly file?: string,
  ) {
    super(message);
  }
}

/**
 * The bytes of a spec file, read safely: a regular file only (checked before the open and on the
 * descriptor, opened non-blocking: a FIFO swapped in cannot hang it), at most `maxBytes` (ditto).
 */
export function readSourceBytes(absPath: string, maxBytes: number): Buffer {
  let fd: number;
  try {
    checkStats(statSync(absPath), maxBytes);
    fd = openSync(absPath, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw readFailure(error);
  }
  try {
    const stats = fstatSync(fd);
    checkStats(stats, maxBytes);
    return readBounded(fd, stats.size, maxBytes);
  } finally {
    closeSync(fd);
  }
}

export function readFailure(error: unknown): SourceReadError {
  if (error instanceof SourceReadError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === "ENOENT"
      ? "no such file"
      : code === "EACCES" || code === "EPERM"
        ? "permission denied"
        : (error as Error).message;
  return new SourceReadError(
    `cannot read the file: ${reason}`,
    "input/unreadable",
  );
}

function checkStats(stats: Stats, maxBytes: number): void {
  if (!stats.isFile())
    throw new SourceReadError(notAFileMessage(stats), "input/not-a-file");
  if (stats.size > maxBytes)
    throw tooLarge(`the file is ${size(stats.size)}`, maxBytes);
}

/** `input/too-large`: `what` (`the file is 2 MiB`) over the limit, and how to raise it. */
export function tooLarge(what: string, maxBytes: number): SourceReadError {
  return new SourceReadError(
    `${what}, more than the limit of ${size(maxBytes)}; raise it with --max-input-size <MiB> (config: merge.maxInputSize)`,
    "input/too-large",
  );
}

export function notAFileMessage(stats: Stats): string {
  return `the path is ${kindOf(stats)}, not a regular file; apiloom reads specs from regular files only`;
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return "a folder";
  if (stats.isFIFO()) return "a FIFO (named pipe)";
  if (stats.isCharacterDevice()) return "a character device";
  if (stats.isBlockDevice()) return "a block device";
  if (stats.isSocket()) return "a socket";
  return "not a file";
}

/** Reads to the end, but never more than `maxBytes` + 1 bytes (the one that proves it too large). */
function readBounded(fd: number, expected: number, maxBytes: number): Buffer {
  let buffer = Buffer.allocUnsafe(Math.min(expected, maxBytes) + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > maxBytes)
        throw tooLarge("the file grew while being read", maxBytes);
      const grown = Buffer.allocUnsafe(
        Math.min(buffer.length * 2, maxBytes + 1),
      );
      buffer.copy(grown, 0, 0, length);
      buffer = grown;
    }
    const n = readSync(fd, buffer, length, buffer.length - length, null);
    if (n === 0) break;
    length += n;
  }
  return buffer.subarray(0, length);
}

/** `65,536`: digits grouped by three, the same on every machine. */
export const count = (n: number) => n.toLocaleString("en-US");

/** A byte count in words: `512 bytes`, `2 MiB`, `1.5 GiB`. */
export function size(bytes: number): string {
  if (bytes < MIB) return `${bytes} bytes`;
  if (bytes < 1024 * MIB) return `${round(bytes / MIB)} MiB`;
  return `${round(bytes / (1024 * MIB))} GiB`;
}

function round(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}
