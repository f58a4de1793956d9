import type { Path } from "../../model/pointer.js";
import { LineIndex } from "./lines.js";
import { INDEX_DEPTH, Scanner } from "./json-scanner.js";
import {
  scalarTokenAt,
  type ParsedDocument,
  type ParseWarning,
} from "./parsed-document.js";

/**
 * A parsed JSON document and its position index: built on the first `locate` call (every member
 * down to {@link INDEX_DEPTH}), deeper paths walked from the nearest indexed ancestor.
 */
export class JsonDocument implements ParsedDocument {
  private index: Map<string, number> | undefined;
  private lines: LineIndex;

  constructor(
    private readonly text: string,
    readonly value: unknown,
    readonly warnings: readonly ParseWarning[],
  ) {
    this.lines = new LineIndex(text);
  }

  locate(path: Path): { line: number; column: number } {
    if (!this.index) {
      this.index = new Map();
      const scanner = new Scanner(this.text);
      scanner.skipWs();
      this.index.set("", scanner.pos);
      scanner.indexValue(0, "", this.index);
    }
    // Find the deepest indexed ancestor, then walk the rest of the way.
    let depth = Math.min(path.length, INDEX_DEPTH);
    let offset: number | undefined;
    for (; depth >= 0; depth--) {
      offset = this.index.get(keyOf(path, depth));
      if (offset !== undefined) break;
    }
    if (offset === undefined) return { line: 1, column: 1 };
    if (depth < path.length) {
      const scanner = new Scanner(this.text);
      offset = scanner.descend(
        offset,
        depth === 0 ? false : isMemberKey(path, depth),
        path.slice(depth),
      );
    }
    return this.lines.position(offset);
  }

  rawScalar(path: Path): string | undefined {
    const at = this.locate(path);
    let value: unknown = this.value;
    for (const segment of path)
      value =
        value !== null && typeof value === "object"
          ? (value as Record<string, unknown>)[segment as string]
          : undefined;
    return scalarTokenAt(
      this.lines.lineText(at.line),
      at.column,
      typeof path.at(-1) === "string",
      value,
    );
  }
}

function keyOf(path: Path, depth: number): string {
  let key = "";
  for (let i = 0; i < depth; i++) key += "\u0000" + String(path[i]);
  return key;
}

/** True when the entry recorded for `path[0..depth)` is an object member (its offset is the key). */
function isMemberKey(path: Path, depth: number): boolean {
  return typeof path[depth - 1] === "string";
}
