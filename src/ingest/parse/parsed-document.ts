import type { Path } from "../../model/pointer.js";

/** One parsed document with lazily computed source positions. */
export interface ParsedDocument {
  readonly value: unknown;
  /**
   * Line and column of the entry at `path`: an object member's key, or an array element. A path
   * that does not exist resolves to its deepest existing ancestor.
   */
  locate(path: Path): { line: number; column: number };
}

/** A file that could not be read as JSON or YAML. Carries the place to point the user at. */
export class ParseError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly code: string,
  ) {
    super(message);
  }
}
