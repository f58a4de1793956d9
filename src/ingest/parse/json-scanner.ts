import type { Path } from "../../model/pointer.js";

/**
 * How deep the position index goes (`/paths/{path}/{method}` and `/definitions/{name}` are at
 * depth 3 or less); deeper lookups descend from the nearest indexed ancestor.
 */
export const INDEX_DEPTH = 4;

/** One entry a batch of lookups needs: its offset once seen, and the entries wanted below it. */
export interface WantedEntry {
  offset?: number;
  /** Above INDEX_DEPTH: the entries below by key or index as text (as the index keys them). */
  children?: Map<string, WantedEntry>;
  /** Below INDEX_DEPTH: an object's members by key and an array's elements by index. */
  members?: Map<string, WantedEntry>;
  elements?: Map<number, WantedEntry>;
}

/** The entry below `entry` that path segment `segment` at `depth` names, as the walk keys it. */
export function wantedChild(
  entry: WantedEntry,
  segment: string | number,
  depth: number,
  create: boolean,
): WantedEntry | undefined {
  let map: Map<string | number, WantedEntry> | undefined;
  let key: string | number = segment;
  if (depth < INDEX_DEPTH) {
    map = create ? (entry.children ??= new Map()) : entry.children;
    key = String(segment);
  } else if (typeof segment === "number") {
    map = create ? (entry.elements ??= new Map()) : entry.elements;
    // the element a descent stops at for this index (it skips `segment` elements, counting up)
    key = Math.max(0, Math.ceil(segment)) || 0;
  } else map = create ? (entry.members ??= new Map()) : entry.members;
  if (map === undefined) return undefined;
  let next = map.get(key);
  if (next === undefined && create) map.set(key, (next = {}));
  return next;
}

/** What the step-by-step skip stops at inside an object or array: a string's quote, or a bracket. */
const STRUCTURE = /["{}[\]]/g;
const SCALAR_END = /[,}\]\s]/g;

/**
 * Offset just past the bracket that closes the object or array opening at `at` (the text's length
 * if none), in a text `JSON.parse` accepted: one string or bracket at a time.
 */
export function skipBracketed(t: string, at: number): number {
  const next = STRUCTURE;
  next.lastIndex = at;
  let depth = 0;
  while (next.test(t)) {
    const i = next.lastIndex - 1;
    const ch = t.charCodeAt(i);
    if (ch === 34) next.lastIndex = stringEnd(t, i) + 1;
    else if (ch === 123 || ch === 91) depth++;
    else if (--depth === 0) return i + 1;
  }
  return t.length;
}

/** Offset of the quote that closes the string opening at `at` (the text's length if none). */
export function stringEnd(t: string, at: number): number {
  let q = t.indexOf('"', at + 1);
  while (q !== -1) {
    let backslashes = 0;
    for (let b = q - 1; t.charCodeAt(b) === 92; b--) backslashes++;
    if (backslashes % 2 === 0) return q;
    q = t.indexOf('"', q + 1);
  }
  return t.length;
}

/** A key as written (its quotes included) as the string it is; decoded only when it escapes. */
export function keyText(raw: string): string {
  return raw.includes("\\") ? (JSON.parse(raw) as string) : raw.slice(1, -1);
}

/**
 * Walks the raw text of a JSON document that `JSON.parse` accepted: skips values without building
 * them, indexes member offsets, and descends a path to its offset.
 */
export class Scanner {
  pos = 0;
  /**
   * For {@link indexWanted}: how many wanted entries are not seen yet, when each is seen once
   * (no key given twice); the walk stops when none is left. -1: walk to the end.
   */
  unseen = -1;
  /** For {@link indexWanted}: every entry is wanted, made as it is seen. */
  everything = false;
  /** For {@link indexWanted}: a container's first wanted entry is the only one gone into. */
  firstOnly = false;

  constructor(protected readonly text: string) {}

  skipWs(): void {
    const t = this.text;
    let p = this.pos;
    for (;;) {
      const c = t.charCodeAt(p);
      if (c === 32 || c === 10 || c === 13 || c === 9 || c === 0xfeff) p++;
      else break;
    }
    this.pos = p;
  }

  skipString(): void {
    this.pos = Math.min(stringEnd(this.text, this.pos) + 1, this.text.length);
  }

  /** A member's key, read to past its colon: the scanner is at the member's value. */
  readKey(): string {
    const start = this.pos;
    this.skipString();
    const key = keyText(this.text.slice(start, this.pos));
    this.skipWs();
    this.pos++; // ':'
    this.skipWs();
    return key;
  }

  /** Skips one value of any kind (assumes valid JSON: it runs after JSON.parse succeeded). */
  skipValue(): void {
    const t = this.text;
    const c = t.charCodeAt(this.pos);
    if (c === 34) this.skipString();
    else if (c === 123 || c === 91) this.pos = skipBracketed(t, this.pos);
    else {
      // a number, true, false or null: it ends where the text or its container goes on
      SCALAR_END.lastIndex = this.pos;
      this.pos = SCALAR_END.test(t) ? SCALAR_END.lastIndex - 1 : t.length;
    }
  }

  /**
   * Records the offsets of the entries a batch asked for, down to `limit`, going into only those
   * (with `everything`, of every entry: the index of single lookups). Above INDEX_DEPTH keys
   * compare as text, as the index's; below, members by key and elements by index, as a descent.
   */
  indexWanted(node: WantedEntry, depth: number, limit: number): void {
    const t = this.text;
    const c = t.charCodeAt(this.pos);
    const wanted =
      depth < limit &&
      (this.everything ||
        (depth < INDEX_DEPTH
          ? node.children
          : c === 123
            ? node.members
            : node.elements) !== undefined);
    if (!wanted || (c !== 123 && c !== 91)) return this.skipValue();
    this.pos++;
    this.skipWs();
    if (t.charCodeAt(this.pos) === (c === 123 ? 125 : 93)) {
      this.pos++;
      return;
    }
    for (let i = 0; ; i++) {
      const start = this.pos;
      let segment: string | number = i;
      if (c === 123) segment = this.readKey();
      const child = wantedChild(node, segment, depth, this.everything);
      if (child) {
        // a key given again: JSON.parse keeps this one, and nothing of the earlier's value
        if (child.offset !== undefined) forget(child);
        child.offset = start;
        if (--this.unseen === 0) return;
        this.indexWanted(child, depth + 1, limit);
        if (this.unseen === 0 || this.firstOnly) return;
      } else this.skipValue();
      this.skipWs();
      if (t.charCodeAt(this.pos) === 44) {
        this.pos++;
        this.skipWs();
        continue;
      }
      this.pos++; // '}' or ']'
      return;
    }
  }

  /**
   * From an entry's offset (a member's key, or a value), walks `rest` to the offset of the deepest
   * entry reached (a missing member's nearest existing parent); of a key given twice (`duplicates`:
   * the text has one), the last, as JSON.parse.
   */
  descend(
    offset: number,
    atKey: boolean,
    rest: Path,
    duplicates = false,
  ): number {
    this.pos = offset;
    if (atKey) this.readKey();
    const chain: WantedEntry[] = [{ offset }];
    for (const segment of rest)
      chain.push(wantedChild(chain.at(-1)!, segment, INDEX_DEPTH, true)!);
    this.unseen = duplicates ? -1 : rest.length;
    this.firstOnly = !duplicates;
    this.indexWanted(chain[0]!, INDEX_DEPTH, Infinity);
    return chain.findLast((entry) => entry.offset !== undefined)!.offset!;
  }
}

/** Forgets the offsets seen below `entry` (of an earlier value of a key given twice). */
function forget(entry: WantedEntry): void {
  for (const map of [entry.children, entry.members, entry.elements])
    for (const child of map?.values() ?? []) {
      child.offset = undefined;
      forget(child);
    }
}
