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
  /**
   * Each place's path, kept small until settled: the ref's pointer says the segments, and a bit
   * per segment says which were numbers (an array index, or a number a reader passed for a key:
   * the finder treats the two differently). A path too deep for the bits is kept as it is. The
   * paths themselves, one array per fact, were most of what reading a large spec held at its
   * end (12.8 of 50 MB live on the 10k synthetic spec).
   */
  private numbers: (number | Path)[] = [];

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
    this.numbers.push(numberBits(path));
    return ref;
  }

  /** Finds every place handed out since the last settle, in one pass over the document. */
  settle(): void {
    if (this.refs.length === 0) return;
    const { refs, numbers } = this;
    this.refs = [];
    this.numbers = [];
    const paths = refs.map((ref, i) => {
      const bits = numbers[i]!;
      return typeof bits === "number"
        ? pathOf(ref.pointer, this.prefix.length, bits)
        : bits;
    });
    const found = this.find(paths);
    for (let i = 0; i < refs.length; i++) {
      refs[i]!.line = found[i]!.line;
      refs[i]!.column = found[i]!.column;
    }
  }
}

/** The most segments {@link numberBits} can describe (bits of a small integer). */
const MAX_BITS = 30;

/** Bit i set when segment i of `path` is a number; the path itself when it is too deep. */
function numberBits(path: Path): number | Path {
  if (path.length > MAX_BITS) return path;
  let bits = 0;
  for (let i = 0; i < path.length; i++)
    if (typeof path[i] === "number") bits |= 1 << i;
  return bits;
}

/**
 * The path {@link toPointer} wrote after a prefix of `skip` characters, segment `i` a number when
 * bit `i` is set. Exact: a number's text (`String`) reads back as the same number.
 */
function pathOf(pointer: string, skip: number, bits: number): Path {
  if (pointer.length === skip) return [];
  const parts = pointer.slice(skip + 1).split("/");
  const path = new Array<string | number>(parts.length);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    path[i] =
      bits & (1 << i)
        ? Number(part)
        : part.includes("~")
          ? part.replace(/~1/g, "/").replace(/~0/g, "~")
          : part;
  }
  return path;
}
