import { toPointer, unescapeSegment, type Path } from "../pointer.js";
import type { ApiDescription, SourceRef } from "../types.js";

/** 1-based. */
type LineColumn = Pick<SourceRef, "line" | "column">;

/** True for a {@link PendingPlaces} place not found yet (line 0). */
export function isWaiting(at: Pick<SourceRef, "line">): boolean {
  return at.line === 0;
}

/** Every {@link PendingPlaces} with places handed out and not found yet. */
const WAITING = new Set<PendingPlaces>();

/**
 * Finds the line and column of waiting places: every one handed out so far (no argument), or
 * those among `places`. Whoever reads a place's line or column, or a copy of it, calls this first.
 */
export function settlePlaces(places?: Iterable<Pick<SourceRef, "line">>): void {
  if (WAITING.size === 0) return;
  const wanted = places && new Set<object>([...places].filter(isWaiting));
  if (wanted?.size === 0) return;
  for (const pending of [...WAITING]) {
    pending.settle(wanted);
    if (wanted?.size === 0) return;
  }
}

/**
 * The line of a place, found first if it waits (with every other waiting place: one walk finds
 * them all). Code outside this file reads a line through this, {@link placeText} or the reporter.
 */
export function lineOf(at: SourceRef): number {
  if (isWaiting(at)) settlePlaces();
  return at.line;
}

/** `file:line` of a place, for a message that names it ({@link lineOf}). */
export function placeText(at: SourceRef): string {
  return `${at.file}:${lineOf(at)}`;
}

/** A reading's places, found when first needed (docs/benchmark.md); {@link release} drops the rest. */
export class DeferredPlaces {
  private readonly held: PendingPlaces[] = [];
  private readonly texts = new Map<string, () => string>();
  private readonly goes: (() => void)[] = [];

  constructor(
    /** The places of a model that the run's files print, found before the texts are let go. */
    readonly printed?: (model: ApiDescription) => Iterable<SourceRef>,
  ) {}

  hold(pending: PendingPlaces): void {
    this.held.push(pending);
  }

  /**
   * The text read from `absPath` can be made again by `textAgain` (decoding the bytes again):
   * once the model is built, the places still waiting are found from that text, if ever.
   */
  keepText(absPath: string, textAgain: () => string): void {
    this.texts.set(absPath, textAgain);
  }

  textAgain(absPath: string): (() => string) | undefined {
    return this.texts.get(absPath);
  }

  /** `go` lets go of a text read that can be made again. */
  onDropTexts(go: () => void): void {
    this.goes.push(go);
  }

  printedOf(documents: readonly ApiDescription[]): SourceRef[] {
    const printed = this.printed;
    return printed ? documents.flatMap((d) => [...printed(d)]) : [];
  }

  /** Once the model is built: finds the places it prints, then lets go of the texts. */
  findPrintedThenDropTexts(model: ApiDescription): void {
    if (this.printed) settlePlaces([...this.printed(model)]);
    for (const go of this.goes.splice(0)) go();
  }

  /** Forgets every place not found yet: only once nothing that holds one is used again. */
  release(): void {
    for (const pending of this.held.splice(0)) pending.release();
    this.texts.clear();
    this.goes.length = 0;
  }
}

/**
 * The places one document's reader hands out, made with line and column 0 and found together:
 * {@link settle} fills them in one pass over the document, at the end of the reading, when a line
 * is first needed ({@link settlePlaces}), or never ({@link release}).
 */
export class PendingPlaces {
  private refs: SourceRef[] = [];
  /**
   * Each place's path, kept small until settled: the pointer says the segments, a bit per segment
   * which were numbers (the finder treats an index and a key apart); a deeper path is kept whole.
   */
  private numbers: (number | Path)[] = [];

  constructor(
    private readonly file: string,
    private readonly prefix: string,
    private find: (paths: readonly Path[]) => LineColumn[],
  ) {}

  /** The places not found yet are found by `find` from now on (from a text made again). */
  refind(find: (paths: readonly Path[]) => LineColumn[]): void {
    this.find = find;
  }

  place(path: Path): SourceRef {
    let keys = 0;
    for (const segment of path)
      if (typeof segment === "string") keys += segment.length;
    const long = keys > KEPT_POINTER;
    const ref: SourceRef = long
      ? pointerWhenRead(this.file, path, this.prefix)
      : {
          file: this.file,
          line: 0,
          column: 0,
          pointer: toPointer(path, this.prefix),
        };
    if (this.refs.length === 0) WAITING.add(this);
    this.refs.push(ref);
    this.numbers.push(long ? path : numberBits(path));
    return ref;
  }

  /** Forgets the places not found yet (line 0 stays): only once nothing holding them is used. */
  release(): void {
    this.refs = [];
    this.numbers = [];
    WAITING.delete(this);
  }

  /** Finds the waiting places of this document: all, or those among `wanted` (taken out of it). */
  settle(wanted?: Set<object>): void {
    const { refs, numbers } = this;
    const picked: number[] = [];
    const kept: number[] = [];
    for (let i = 0; i < refs.length; i++) {
      // a place found by an earlier settle(wanted) is passed over
      if (!isWaiting(refs[i]!)) continue;
      (!wanted || wanted.delete(refs[i]!) ? picked : kept).push(i);
    }
    if (kept.length === 0) this.release();
    else if (picked.length > 0) {
      this.refs = kept.map((i) => refs[i]!);
      this.numbers = kept.map((i) => numbers[i]!);
    }
    if (picked.length === 0) return;
    const paths = picked.map((i) => {
      const bits = numbers[i]!;
      return typeof bits === "number"
        ? pathOf(refs[i]!.pointer, this.prefix.length, bits)
        : bits;
    });
    const found = this.find(paths);
    for (let k = 0; k < picked.length; k++) {
      const ref = refs[picked[k]!]!;
      ref.line = found[k]!.line;
      ref.column = found[k]!.column;
    }
  }
}

/**
 * A pointer longer than this is written each time it is read, not kept: every fact below a long
 * key (a 1 MB path template) would otherwise hold its own copy of that key.
 */
const KEPT_POINTER = 4096;

function pointerWhenRead(file: string, path: Path, prefix: string): SourceRef {
  const ref = { file, line: 0, column: 0 };
  return Object.defineProperty(ref, "pointer", {
    enumerable: true,
    get: () => toPointer(path, prefix),
  }) as SourceRef;
}

/** Bits of a small integer. */
const MAX_BITS = 30;

/** Bit i set when segment i of `path` is a number; the path itself when it is too deep. */
function numberBits(path: Path): number | Path {
  if (path.length > MAX_BITS) return path;
  let bits = 0;
  for (let i = 0; i < path.length; i++)
    if (typeof path[i] === "number") bits |= 1 << i;
  return bits;
}

/** The path {@link toPointer} wrote after `skip` characters; segment `i` a number if bit `i` is. */
function pathOf(pointer: string, skip: number, bits: number): Path {
  if (pointer.length === skip) return [];
  const parts = pointer.slice(skip + 1).split("/");
  return parts.map((part, i) =>
    bits & (1 << i) ? Number(part) : unescapeSegment(part),
  );
}
