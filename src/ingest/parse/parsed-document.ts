import type { IngestCode } from "../codes.js";
import type { Path } from "../../model/pointer.js";
import { valueAt } from "../reader.js";

/** One parsed document with lazily computed source positions. */
export interface ParsedDocument {
  readonly value: unknown;
  /**
   * Line and column of the entry at `path`: an object member's key, or an array element. A path
   * that does not exist resolves to its deepest existing ancestor.
   */
  locate(path: Path): { line: number; column: number };
  /** {@link locate} for many paths at once (cheaper than one by one on a large file). */
  locateAll?(paths: readonly Path[]): { line: number; column: number }[];
  /**
   * {@link locateAll} as a function holding only what finding positions needs (a JSON text, not its
   * value); with `textAgain` it holds that instead and calls it once, when first used.
   */
  placeFinder?(
    textAgain?: () => string,
  ): (paths: readonly Path[]) => { line: number; column: number }[];
  /**
   * The text of the scalar at `path` as written (`1.10` where the value is the number 1.1, `0x1F`
   * where it is 31), or undefined when it cannot be read back to the same value.
   */
  rawScalar?(path: Path): string | undefined;
  /** Problems the parser saw that the value cannot show (a duplicated JSON key). */
  readonly warnings?: readonly ParseWarning[];
}

/** A place in the file being parsed. */
export interface TextPosition {
  line: number;
  column: number;
}

export interface ParseWarning extends TextPosition {
  code: IngestCode;
  message: string;
  /** Other places the message names (the first of two duplicate keys). */
  related?: TextPosition[];
}

/** A file that could not be read as JSON or YAML. Carries the place to point the user at. */
export class ParseError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly code: IngestCode,
    /** Other places in the same file that the message names. */
    readonly related: TextPosition[] = [],
  ) {
    super(message);
  }
}

/**
 * {@link ParsedDocument.rawScalar}: the unquoted scalar at `path`'s place (on line `lineText`),
 * after a member's key (`version: 1.10`) or an item's start; undefined unless it reads back.
 */
export function rawScalarAt(
  doc: ParsedDocument,
  lineText: (line: number) => string,
  path: Path,
): string | undefined {
  const { line, column } = doc.locate(path);
  const value = valueAt(doc.value, path);
  let rest = lineText(line).slice(column - 1);
  if (typeof path.at(-1) === "string") {
    // a quoted key and its blanks, or everything up to the first ":" (each way read once)
    const key = /^(?:"(?:[^"\\]|\\.)*"\s*|'(?:[^']|'')*'\s*|[^:]*):\s*/.exec(
      rest,
    );
    if (!key) return undefined;
    rest = rest.slice(key[0].length);
  }
  const token = /^[^\s,}\]#"']+/.exec(rest)?.[0];
  if (token === undefined) return undefined;
  if (typeof value === "number")
    return Object.is(Number(token), value) ? token : undefined;
  if (typeof value === "boolean")
    return token.toLowerCase() === String(value) ? token : undefined;
  return undefined;
}
