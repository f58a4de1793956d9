import type { Path } from "../../model/pointer.js";
import { LineIndex } from "./lines.js";
import {
  INDEX_DEPTH,
  Scanner,
  wantedChild,
  type WantedEntry,
} from "./json-scanner.js";
import {
  rawScalarAt,
  type ParsedDocument,
  type ParseWarning,
} from "./parsed-document.js";

/**
 * The positions of a JSON text (it holds the text, not the value): an index built on the first
 * `locate` call (every member down to {@link INDEX_DEPTH}), deeper paths walked from the nearest
 * indexed ancestor; or, for many paths at once, one walk ({@link locateAll}).
 */
export class JsonPositions {
  private index: WantedEntry | undefined;
  readonly lines: LineIndex;

  constructor(
    protected readonly text: string,
    /** The text gives a key twice in one object (a parse/duplicate-json-key warning). */
    readonly duplicates: boolean,
  ) {
    this.lines = new LineIndex(text);
  }

  locate(path: Path): { line: number; column: number } {
    if (!this.index) this.walk((this.index = {}), INDEX_DEPTH, true);
    return this.lines.position(this.offsetOf(this.index, INDEX_DEPTH, path));
  }

  /**
   * {@link locate} for many paths, with the same answers, in one walk that records only the entries
   * the paths go through and stops once each is seen (with duplicate keys, at the end: the last
   * counts, as in JSON.parse).
   */
  locateAll(paths: readonly Path[]): { line: number; column: number }[] {
    if (this.index) return paths.map((path) => this.locate(path));
    const root: WantedEntry = {};
    for (const path of paths) {
      let entry = root;
      for (let d = 0; d < path.length; d++)
        entry = wantedChild(entry, path[d]!, d, true)!;
    }
    this.walk(root, Infinity, false);
    return this.lines.positions(
      paths.map((path) => this.offsetOf(root, Infinity, path)),
    );
  }

  /** Records the offsets of `root`'s wanted entries (or of `everything`) down to `limit`. */
  private walk(root: WantedEntry, limit: number, everything: boolean): void {
    const scanner = new Scanner(this.text);
    scanner.skipWs();
    root.offset = scanner.pos;
    // a key seen twice would be recorded twice (the last place wins): no stopping early then
    scanner.unseen = this.duplicates || everything ? -1 : entriesBelow(root);
    scanner.everything = everything;
    scanner.indexWanted(root, 0, limit);
  }

  /** The offset of `path`: the deepest entry of `root` seen on the way down, then the rest. */
  private offsetOf(root: WantedEntry, limit: number, path: Path): number {
    let entry = root;
    let depth = 0;
    for (; depth < Math.min(path.length, limit); depth++) {
      const next = wantedChild(entry, path[depth]!, depth, false);
      if (next?.offset === undefined) break;
      entry = next;
    }
    // a walk that stopped above INDEX_DEPTH, or at it, goes on as a descent (which may read a
    // segment the index could not, as `-1` for the first element)
    if (depth >= path.length || (depth >= INDEX_DEPTH && limit !== INDEX_DEPTH))
      return entry.offset!;
    return new Scanner(this.text).descend(
      entry.offset!,
      depth > 0 && typeof path[depth - 1] === "string",
      path.slice(depth),
      this.duplicates,
    );
  }
}

/** A parsed JSON document: its value, and its positions. */
export class JsonDocument extends JsonPositions implements ParsedDocument {
  constructor(
    text: string,
    readonly value: unknown,
    readonly warnings: readonly ParseWarning[],
  ) {
    super(text, warnings.length > 0);
  }

  placeFinder(
    textAgain?: () => string,
  ): (paths: readonly Path[]) => { line: number; column: number }[] {
    // positions of their own, which hold the text (or, with `textAgain`, not even that), not the value
    let positions = textAgain
      ? undefined
      : new JsonPositions(this.text, this.duplicates);
    const duplicates = this.duplicates;
    return (paths) =>
      (positions ??= new JsonPositions(textAgain!(), duplicates)).locateAll(
        paths,
      );
  }

  rawScalar(path: Path): string | undefined {
    return rawScalarAt(this, (line) => this.lines.lineText(line), path);
  }
}

function entriesBelow(entry: WantedEntry): number {
  let n = 0;
  for (const map of [entry.children, entry.members, entry.elements])
    if (map) for (const child of map.values()) n += 1 + entriesBelow(child);
  return n;
}
