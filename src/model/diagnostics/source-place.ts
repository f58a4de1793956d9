import { toPointer, type Path } from "../pointer.js";
import type { ApiDescription, SourceRef } from "../types.js";

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

/** Every {@link PendingPlaces} with places handed out and not found yet. */
const WAITING = new Set<PendingPlaces>();

/**
 * Finds the line and column of waiting places: of every one handed out so far (no argument),
 * or of those among `places` (others are left as they are). Whoever reads a place's line or
 * column, or a copy of it, calls this first; it costs nothing when nothing waits. A few places
 * cost a walk of their document up to the last of them; all of them, one walk of the whole.
 */
export function settlePlaces(places?: Iterable<Pick<SourceRef, "line">>): void {
  if (WAITING.size === 0) return;
  if (places === undefined) {
    for (const pending of [...WAITING]) pending.settle();
    return;
  }
  const wanted = new Set<object>();
  for (const at of places) if (isWaiting(at)) wanted.add(at);
  if (wanted.size === 0) return;
  for (const pending of [...WAITING]) {
    pending.settleSome(wanted);
    if (wanted.size === 0) return;
  }
}

/**
 * The line of a place, found first if it waits (with every other waiting place: whoever reads one
 * line of a run's places usually reads more, and one walk of a document finds them all). Code
 * outside this file reads a place's line through this, {@link placeText} or the reporter, never
 * `.line` of a place that may wait: the model's merge, naming and ranking and the emitters do not
 * call {@link settlePlaces} themselves.
 */
export function lineOf(at: SourceRef): number {
  if (isWaiting(at)) settlePlaces();
  return at.line;
}

/** `file:line` of a place, for a message that names it ({@link lineOf}). */
export function placeText(at: SourceRef): string {
  return `${at.file}:${lineOf(at)}`;
}

/**
 * The documents of a reading whose places are left to be found when first needed (the CLI's
 * generate runs, when the artifacts it makes print no place, or only the ones {@link printed}
 * names): {@link release} at the end of the run forgets those never needed, with what finding
 * them would take.
 */
export class DeferredPlaces {
  private readonly held: PendingPlaces[] = [];
  private readonly texts = new Map<string, () => string>();
  private readonly goes: (() => void)[] = [];

  constructor(
    /**
     * The places of a model that the run's files print: found before the texts are let go
     * ({@link findPrintedThenDropTexts}); the rest wait, and most are never needed.
     */
    readonly printed?: (model: ApiDescription) => Iterable<SourceRef>,
  ) {}

  /** Whether the run prints some places ({@link printed}). */
  get printsPlaces(): boolean {
    return this.printed !== undefined;
  }

  hold(pending: PendingPlaces): void {
    this.held.push(pending);
  }

  /**
   * The text read from `absPath` can be made again by `textAgain` (decoding the file's bytes
   * again, which are half the size of a text with characters above U+00FF): once the model is
   * built, the places still waiting are found from that text, if ever, not from the one read.
   */
  keepText(absPath: string, textAgain: () => string): void {
    this.texts.set(absPath, textAgain);
  }

  /** What {@link keepText} kept for `absPath`. */
  textAgain(absPath: string): (() => string) | undefined {
    return this.texts.get(absPath);
  }

  /** `go` lets go of a text read, for one that can be made again ({@link findPrintedThenDropTexts} calls it). */
  onDropTexts(go: () => void): void {
    this.goes.push(go);
  }

  /** The places of the documents read that the run prints. */
  printedOf(documents: readonly ApiDescription[]): SourceRef[] {
    const printed = this.printed;
    return printed ? documents.flatMap((d) => [...printed(d)]) : [];
  }

  /**
   * The model is built (its diagnostics' places found, with the texts read): finds the places
   * of it the run prints (found already unless the build made new ones), then lets go of the
   * texts that can be made again.
   */
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
 * The places one document's reader hands out, found together. Readers make a SourceRef per fact
 * (tens of thousands on a large spec), and finding each where it was made cost a lookup per fact
 * plus a position index of the whole file; here each is made with line and column 0, and
 * {@link settle} finds them all in one pass over the document, writing them into the same plain
 * objects. When that happens is the reading's call: at its end (ingest), or when something first
 * needs a line ({@link settlePlaces}, which the reporter calls for its diagnostics' places), or
 * never, when the run ends without ({@link release}).
 */
export class PendingPlaces {
  private refs: SourceRef[] = [];
  /**
   * Each place's path, kept small until settled: the ref's pointer says the segments, and a bit
   * per segment says which were numbers (an array index, or a number a reader passed for a key:
   * the finder treats the two differently). A path too deep for the bits is kept as it is. The
   * paths themselves, one array per fact, were most of what reading a large spec held.
   */
  private numbers: (number | Path)[] = [];

  constructor(
    private readonly file: string,
    private readonly prefix: string,
    private find: (paths: readonly Path[]) => LineColumn[],
  ) {}

  /** From now on, the places not found yet are found by `find` (from a text made again). */
  refind(find: (paths: readonly Path[]) => LineColumn[]): void {
    this.find = find;
  }

  place(path: Path): SourceRef {
    const ref: SourceRef = {
      file: this.file,
      line: 0,
      column: 0,
      pointer: toPointer(path, this.prefix),
    };
    if (this.refs.length === 0) WAITING.add(this);
    this.refs.push(ref);
    this.numbers.push(numberBits(path));
    return ref;
  }

  /** Finds every place handed out and not found yet, in one pass over the document. */
  settle(): void {
    this.settleWhere(() => true);
  }

  /** Finds the places of this document among `wanted`, in one pass, and takes them out of it. */
  settleSome(wanted: Set<object>): void {
    this.settleWhere((ref) => wanted.delete(ref));
  }

  /**
   * Forgets the places not found yet: they keep line and column 0. Only for a caller that drops
   * everything that holds them (the CLI's run, at its end), so that what finding them needs
   * (the document's text) is not kept.
   */
  release(): void {
    this.refs = [];
    this.numbers = [];
    WAITING.delete(this);
  }

  private settleWhere(chosen: (ref: SourceRef) => boolean): void {
    const { refs, numbers } = this;
    const picked: number[] = [];
    const kept: number[] = [];
    for (let i = 0; i < refs.length; i++) {
      // a place found by an earlier settleSome is passed over
      if (!isWaiting(refs[i]!)) continue;
      (chosen(refs[i]!) ? picked : kept).push(i);
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
