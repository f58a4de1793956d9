import { toPointer, type Path } from "./pointer.js";
import type { SourceRef } from "./types.js";

/** Line and column (1-based) of a place in a file. */
export interface LineColumn {
  line: number;
  column: number;
}

/**
 * True for a place whose line and column are not found yet: a {@link PendingPlaces} place before
 * its document is settled has line 0 (lines count from 1).
 */
export function isWaiting(at: Pick<SourceRef, "line">): boolean {
  return at.line === 0;
}

/**
 * The places one document's reader hands out, found together. Readers make a SourceRef per fact
 * (tens of thousands on a large spec), and finding each where it was made cost a lookup per fact
 * plus a position index of the whole file; here each is made with line and column 0, and
 * {@link settle} finds them all in one pass over the document when the reading is done, writing
 * them into the same plain objects. A reader that prints a line before that settles first
 * (`ReaderContext.settlePlaces`); the reporter holds a diagnostic at a waiting place until its
 * diagnostics are read.
 */
export class PendingPlaces {
  private refs: SourceRef[] = [];
  private paths: Path[] = [];

  constructor(
    private readonly file: string,
    private readonly prefix: string,
    private readonly find: (paths: readonly Path[]) => LineColumn[],
  ) {}

  place(path: Path): SourceRef {
    const ref: SourceRef = {
      file: this.file,
      line: 0,
      column: 0,
      pointer: toPointer(path, this.prefix),
    };
    this.refs.push(ref);
    this.paths.push(path);
    return ref;
  }

  /** Finds every place handed out since the last settle, in one pass over the document. */
  settle(): void {
    if (this.refs.length === 0) return;
    const { refs, paths } = this;
    this.refs = [];
    this.paths = [];
    const found = this.find(paths);
    for (let i = 0; i < refs.length; i++) {
      refs[i]!.line = found[i]!.line;
      refs[i]!.column = found[i]!.column;
    }
  }
}
