/**
 * A JSON Schema `pattern` read with the `u` flag into a tree whose characters are exact sets of
 * code points, for the check of pattern-ambiguity.ts. Only the syntax plain patterns use is read:
 * characters, escapes of syntax characters, `\d \w \s` and their complements, `\t \n \v \f \r`,
 * `\xHH`, `\uHHHH`, `\u{H…}`, classes with ranges, `.`, groups (capturing, named, `(?:`),
 * alternation, the quantifiers, `^`, `$`, `\b` and `\B`. Anything else (lookaround,
 * backreferences, `\p{…}`, `\c`, `\0`) is `undefined`: the fast path leaves it to recheck.
 */
export type PatternTree =
  | { readonly t: "set"; readonly set: CodePoints }
  | { readonly t: "seq"; readonly items: readonly PatternTree[] }
  | { readonly t: "alt"; readonly items: readonly PatternTree[] }
  | {
      readonly t: "rep";
      readonly node: PatternTree;
      readonly min: number;
      readonly max: number;
      /** `*`, `+`, `?`: how recheck builds them (the counted forms are copies). */
      readonly kind: "*" | "+" | "?" | "{}";
    }
  | { readonly t: "begin" }
  | { readonly t: "end" }
  | { readonly t: "word" };

/** Sorted, disjoint, non-adjacent ranges of code points: `[from, to, from, to, …]`. */
export type CodePoints = readonly number[];

const MAX = 0x10ffff;
export const ALL: CodePoints = [0, MAX];
const DIGIT: CodePoints = [0x30, 0x39];
const WORD: CodePoints = [0x30, 0x39, 0x41, 0x5a, 0x5f, 0x5f, 0x61, 0x7a];
/** ECMAScript's WhiteSpace and LineTerminator (`\s`). */
const SPACE: CodePoints = [
  0x09, 0x0d, 0x20, 0x20, 0xa0, 0xa0, 0x1680, 0x1680, 0x2000, 0x200a, 0x2028,
  0x2029, 0x202f, 0x202f, 0x205f, 0x205f, 0x3000, 0x3000, 0xfeff, 0xfeff,
];
const LINE_TERMINATORS: CodePoints = [0x0a, 0x0a, 0x0d, 0x0d, 0x2028, 0x2029];

/** The code points in none of `set`'s ranges. */
export function complement(set: CodePoints): CodePoints {
  const out: number[] = [];
  let next = 0;
  for (let i = 0; i < set.length; i += 2) {
    if (set[i]! > next) out.push(next, set[i]! - 1);
    next = set[i + 1]! + 1;
  }
  if (next <= MAX) out.push(next, MAX);
  return out;
}

/** The union of sets, normalized. */
export function union(sets: readonly CodePoints[]): CodePoints {
  const ranges: [number, number][] = [];
  for (const set of sets)
    for (let i = 0; i < set.length; i += 2) ranges.push([set[i]!, set[i + 1]!]);
  ranges.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [from, to] of ranges) {
    const last = out.length - 1;
    if (last > 0 && from <= out[last]! + 1)
      out[last] = Math.max(out[last]!, to);
    else out.push(from, to);
  }
  return out;
}

/** Whether the sets have a code point in common. */
export function meet(a: CodePoints, b: CodePoints): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i + 1]! < b[j]!) i += 2;
    else if (b[j + 1]! < a[i]!) j += 2;
    else return true;
  }
  return false;
}

/** The code points in both sets. */
export function intersection(a: CodePoints, b: CodePoints): CodePoints {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const from = Math.max(a[i]!, b[j]!);
    const to = Math.min(a[i + 1]!, b[j + 1]!);
    if (from <= to) out.push(from, to);
    if (a[i + 1]! < b[j + 1]!) i += 2;
    else j += 2;
  }
  return out;
}

/** The tree of `pattern` (known to compile with the `u` flag), or undefined past the plain syntax. */
export function patternTree(pattern: string): PatternTree | undefined {
  try {
    const reader = new TreeReader(Array.from(pattern));
    const tree = reader.alternation();
    return reader.done() ? tree : undefined;
  } catch (error) {
    if (error instanceof Unread) return undefined;
    throw error;
  }
}

/** Syntax the fast path does not read. */
class Unread extends Error {}

const SYNTAX = new Set("^$\\.*+?()[]{}|/");
const HEX = /^[0-9a-fA-F]+$/;
const CLASS_ESCAPES: Record<string, CodePoints> = {
  d: DIGIT,
  D: complement(DIGIT),
  w: WORD,
  W: complement(WORD),
  s: SPACE,
  S: complement(SPACE),
};
const CONTROL: Record<string, number> = { t: 9, n: 10, v: 11, f: 12, r: 13 };

class TreeReader {
  private i = 0;
  constructor(private readonly s: readonly string[]) {}

  done(): boolean {
    return this.i === this.s.length;
  }

  alternation(): PatternTree {
    const items = [this.sequence()];
    while (this.s[this.i] === "|") {
      this.i++;
      items.push(this.sequence());
    }
    return items.length === 1 ? items[0]! : { t: "alt", items };
  }

  private sequence(): PatternTree {
    const items: PatternTree[] = [];
    while (
      this.i < this.s.length &&
      this.s[this.i] !== "|" &&
      this.s[this.i] !== ")"
    )
      items.push(this.quantified(this.atom()));
    return { t: "seq", items };
  }

  private quantified(node: PatternTree): PatternTree {
    const c = this.s[this.i];
    let rep: PatternTree;
    if (c === "*") rep = { t: "rep", node, min: 0, max: Infinity, kind: "*" };
    else if (c === "+")
      rep = { t: "rep", node, min: 1, max: Infinity, kind: "+" };
    else if (c === "?") rep = { t: "rep", node, min: 0, max: 1, kind: "?" };
    else if (c === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(
        this.s.slice(this.i, this.i + 24).join(""),
      );
      if (!m) throw new Unread();
      const min = Number(m[1]);
      const max =
        m[2] === undefined ? min : m[3] === "" ? Infinity : Number(m[3]);
      if (!Number.isSafeInteger(min) || max < min) throw new Unread();
      rep = { t: "rep", node, min, max, kind: "{}" };
      this.i += m[0].length - 1;
    } else return node;
    if (node.t === "begin" || node.t === "end" || node.t === "word")
      throw new Unread();
    this.i++;
    if (this.s[this.i] === "?") this.i++; // lazy: the same paths, in another order
    return rep;
  }

  private atom(): PatternTree {
    const c = this.s[this.i++]!;
    switch (c) {
      case "^":
        return { t: "begin" };
      case "$":
        return { t: "end" };
      case ".":
        return { t: "set", set: complement(LINE_TERMINATORS) };
      case "[":
        return { t: "set", set: this.charClass() };
      case "(":
        return this.group();
      case "\\": {
        const e = this.s[this.i];
        if (e === "b" || e === "B") {
          this.i++;
          return { t: "word" };
        }
        return { t: "set", set: this.escape() };
      }
      default:
        if (SYNTAX.has(c) && c !== "/") throw new Unread();
        return { t: "set", set: point(c.codePointAt(0)!) };
    }
  }

  private group(): PatternTree {
    if (this.s[this.i] === "?") {
      const next = this.s[this.i + 1];
      if (next === ":") this.i += 2;
      else if (
        next === "<" &&
        this.s[this.i + 2] !== "=" &&
        this.s[this.i + 2] !== "!"
      ) {
        const end = this.s.indexOf(">", this.i);
        if (end === -1) throw new Unread();
        this.i = end + 1;
      } else throw new Unread();
    }
    const inner = this.alternation();
    if (this.s[this.i] !== ")") throw new Unread();
    this.i++;
    return inner;
  }

  /** A class from after its `[` to after its `]`. */
  private charClass(): CodePoints {
    const negated = this.s[this.i] === "^";
    if (negated) this.i++;
    const sets: CodePoints[] = [];
    while (this.s[this.i] !== "]") {
      if (this.i >= this.s.length) throw new Unread();
      const from = this.classAtom();
      if (
        this.s[this.i] === "-" &&
        this.s[this.i + 1] !== "]" &&
        this.i + 1 < this.s.length
      ) {
        this.i++;
        const to = this.classAtom();
        if (
          from.length !== 2 ||
          from[0] !== from[1] ||
          to.length !== 2 ||
          to[0] !== to[1] ||
          to[0]! < from[0]!
        )
          throw new Unread();
        sets.push([from[0]!, to[0]!]);
      } else sets.push(from);
    }
    this.i++;
    const set = union(sets);
    return negated ? complement(set) : set;
  }

  private classAtom(): CodePoints {
    const c = this.s[this.i++]!;
    if (c !== "\\") return point(c.codePointAt(0)!);
    if (this.s[this.i] === "-") {
      this.i++;
      return point(0x2d);
    }
    if (this.s[this.i] === "b") throw new Unread(); // a backspace: rare, left to recheck
    return this.escape();
  }

  /** After a `\`: the set it stands for. */
  private escape(): CodePoints {
    const e = this.s[this.i++];
    if (e === undefined) throw new Unread();
    const named = CLASS_ESCAPES[e];
    if (named) return named;
    if (e in CONTROL) return point(CONTROL[e]!);
    if (SYNTAX.has(e)) return point(e.codePointAt(0)!);
    if (e === "x") return point(this.hex(2));
    if (e === "u") {
      if (this.s[this.i] === "{") {
        const end = this.s.indexOf("}", this.i);
        const digits = this.s.slice(this.i + 1, end).join("");
        if (end === -1 || !HEX.test(digits)) throw new Unread();
        this.i = end + 1;
        const value = parseInt(digits, 16);
        if (value > MAX) throw new Unread();
        return point(value);
      }
      const value = this.hex(4);
      if (
        value >= 0xd800 &&
        value <= 0xdbff &&
        this.s[this.i] === "\\" &&
        this.s[this.i + 1] === "u"
      ) {
        const at = this.i;
        this.i += 2;
        const low = HEX.test(this.s.slice(this.i, this.i + 4).join(""))
          ? this.hex(4)
          : -1;
        if (low >= 0xdc00 && low <= 0xdfff)
          return point((value - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000);
        this.i = at;
      }
      return point(value);
    }
    throw new Unread();
  }

  private hex(n: number): number {
    const digits = this.s.slice(this.i, this.i + n).join("");
    if (digits.length !== n || !HEX.test(digits)) throw new Unread();
    this.i += n;
    return parseInt(digits, 16);
  }
}

const point = (c: number): CodePoints => [c, c];
