import type { Path } from "../../model/pointer.js";

/** One parsed document with lazily computed source positions. */
export interface ParsedDocument {
  readonly value: unknown;
  /**
   * Line and column of the entry at `path`: an object member's key, or an array element. A path
   * that does not exist resolves to its deepest existing ancestor.
   */
  locate(path: Path): { line: number; column: number };
  /** Problems the parser saw that the value cannot show (a duplicated JSON key). */
  readonly warnings?: readonly ParseWarning[];
}

/** A place in the file being parsed. */
export interface TextPosition {
  line: number;
  column: number;
}

export interface ParseWarning extends TextPosition {
  code: string;
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
    readonly code: string,
    /** Other places in the same file that the message names. */
    readonly related: readonly TextPosition[] = [],
  ) {
    super(message);
  }
}
