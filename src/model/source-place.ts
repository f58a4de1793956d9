import { toPointer, type Path } from "./pointer.js";
import type { SourceRef } from "./types.js";

/** Line and column (1-based) of a place in a file. */
export interface LineColumn {
  line: number;
  column: number;
}

/** Finds where paths are in one parsed document: one at a time, or many in one pass. */
export interface PlaceFinder {
  one(path: Path): LineColumn;
  all(paths: readonly Path[]): LineColumn[];
}

/**
 * A {@link SourceRef} whose line, column and pointer are found later: readers make one per fact
 * (tens of thousands on a large spec), and finding each where it is made cost a lookup per fact
 * plus a position index of the whole file. Instead the document's {@link PendingPlaces} finds
 * them all in one pass when the reading is done ({@link PendingPlaces.settle}); a place read
 * before that (a reader's message that names a line) is found on its own then.
 *
 * Once found, `line`, `column` and `pointer` are own data properties (in SourceRef's order, after
 * `file`), so a settled place copies, clones and prints as the plain object it stands for.
 */
export class SourcePlace implements SourceRef {
  readonly file: string;
  #path: Path | undefined;
  #prefix: string;
  #finder: PlaceFinder | undefined;

  constructor(file: string, path: Path, prefix: string, finder: PlaceFinder) {
    this.file = file;
    this.#path = path;
    this.#prefix = prefix;
    this.#finder = finder;
  }

  /** True until the place is found: its line and column are not known yet. */
  get waiting(): boolean {
    return this.#path !== undefined;
  }

  get line(): number {
    return this.#own().line;
  }

  get column(): number {
    return this.#own().column;
  }

  get pointer(): string {
    return this.#own().pointer;
  }

  /** The path, for the document's batch; undefined once found. */
  pathIfWaiting(): Path | undefined {
    return this.#path;
  }

  /** Records where the place is (from the batch), making the fields own data. */
  fix(at: LineColumn): void {
    const path = this.#path;
    if (path === undefined) return;
    this.#path = undefined;
    this.#finder = undefined;
    own(this, "line", at.line);
    own(this, "column", at.column);
    own(this, "pointer", toPointer(path, this.#prefix));
  }

  toJSON(): SourceRef {
    const { file, line, column, pointer } = this;
    return { file, line, column, pointer };
  }

  #own(): SourceRef {
    // reached only while waiting: once fixed, the own fields shadow these getters
    if (this.#path !== undefined) this.fix(this.#finder!.one(this.#path));
    return this;
  }
}

function own(place: SourcePlace, key: keyof SourceRef, value: unknown): void {
  Object.defineProperty(place, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** True for a place whose position is not found yet (see {@link SourcePlace}). */
export function isWaiting(at: object): boolean {
  return at instanceof SourcePlace && at.waiting;
}

/** The places one document handed out, found together by {@link settle}. */
export class PendingPlaces {
  private places: SourcePlace[] = [];

  constructor(
    private readonly file: string,
    private readonly prefix: string,
    private finder: PlaceFinder,
  ) {}

  place(path: Path): SourcePlace {
    const place = new SourcePlace(this.file, path, this.prefix, this.finder);
    this.places.push(place);
    return place;
  }

  /** Finds every place still waiting, in one pass over the document. */
  settle(): void {
    const waiting: SourcePlace[] = [];
    const paths: Path[] = [];
    for (const place of this.places) {
      const path = place.pathIfWaiting();
      if (path === undefined) continue;
      waiting.push(place);
      paths.push(path);
    }
    this.places = [];
    if (waiting.length === 0) return;
    const found = this.finder.all(paths);
    for (let i = 0; i < waiting.length; i++) waiting[i]!.fix(found[i]!);
  }
}
