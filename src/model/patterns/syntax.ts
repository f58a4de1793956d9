/**
 * The one parse tree of a JSON Schema `pattern` (ECMA-262, with or without the `u` flag), which
 * both readers of a pattern read: program.ts compiles it for the validators' linear-time
 * matcher, and the safety analysis (ambiguity.ts, on position-automaton.ts) builds its automaton
 * from it, each character's code points given by sets.ts. The pattern is known to
 * compile with `flags` (flags.ts), so the reader checks nothing a RegExp already refused.
 * Lookaround is read (the safety check reads it; the linear-time matcher cannot run it);
 * backreferences, modifier groups and groups nested past {@link MAX_NESTING} are not
 * ({@link UnreadSyntax}).
 */
export type PatternSyntax =
  /** One character: a code point with `u`, a UTF-16 unit without. */
  | { readonly t: "char"; readonly c: number }
  /** `[…]` as written (`text`), and what it holds. */
  | {
      readonly t: "class";
      readonly text: string;
      readonly negated: boolean;
      readonly items: readonly ClassItem[];
    }
  /** `\d \D \w \W \s \S`. */
  | { readonly t: "escape"; readonly e: ClassEscape }
  /** `\p{…}` or `\P{…}` (with `u`), as written. */
  | { readonly t: "property"; readonly text: string }
  /** `.` */
  | { readonly t: "dot" }
  /** `^` (0), `$` (1), `\b` (2), `\B` (3). */
  | { readonly t: "assert"; readonly k: 0 | 1 | 2 | 3 }
  | { readonly t: "seq"; readonly items: readonly PatternSyntax[] }
  | { readonly t: "alt"; readonly items: readonly PatternSyntax[] }
  /** `(?=…)`, `(?!…)`, `(?<=…)`, `(?<!…)`. */
  | {
      readonly t: "look";
      readonly behind: boolean;
      readonly negative: boolean;
      readonly node: PatternSyntax;
    }
  | {
      readonly t: "rep";
      readonly node: PatternSyntax;
      readonly min: number;
      readonly max: number;
      /** How it was written (lazy forms read as these). */
      readonly kind: "*" | "+" | "?" | "{}";
    };

export type ClassEscape = "d" | "D" | "w" | "W" | "s" | "S";

/** One class member: a character, `\d`-like escape or property, or a range between two. */
export type ClassAtom = Extract<
  PatternSyntax,
  { t: "char" } | { t: "escape" } | { t: "property" }
>;
export interface ClassItem {
  readonly from: ClassAtom;
  /** The range's end (`a-z`); without `u`, a range may name an escape (Annex B: a union). */
  readonly to?: ClassAtom;
}

/** Syntax the tree does not hold: a backreference, a modifier group, or nesting too deep. */
export class UnreadSyntax extends Error {}

/** Groups nested deeper than this are not read: the reader's recursion has a bound. */
export const MAX_NESTING = 100;

/** The syntax tree of `pattern`, read with `flags`. Throws {@link UnreadSyntax}. */
export function readPattern(pattern: string, flags: "u" | ""): PatternSyntax {
  const unicode = flags === "u";
  const chars = unicode ? Array.from(pattern) : pattern.split("");
  return new Reader(chars, unicode).read();
}

const HEX = /^[0-9a-fA-F]+$/;
const CONTROL: Record<string, number> = { t: 9, n: 10, v: 11, f: 12, r: 13 };

class Reader {
  private i = 0;
  private depth = 0;
  // capturing groups, and whether one is named: once all are read, they decide whether a `\3`
  // or `\k` read outside a class (without `u`; the least `\N`, any `\k`) was a backreference
  private groups = 0;
  private named = false;
  private leastNumbered = Infinity;
  private sawK = false;
  constructor(
    private readonly s: readonly string[],
    private readonly unicode: boolean,
  ) {}

  read(): PatternSyntax {
    const node = this.alternation();
    if (this.i < this.s.length) throw new SyntaxError("unbalanced )");
    if (this.leastNumbered <= this.groups || (this.sawK && this.named))
      throw new UnreadSyntax("a backreference");
    return node;
  }

  private alternation(): PatternSyntax {
    const items = [this.sequence()];
    while (this.s[this.i] === "|") {
      this.i++;
      items.push(this.sequence());
    }
    return items.length === 1 ? items[0]! : { t: "alt", items };
  }

  private sequence(): PatternSyntax {
    const items: PatternSyntax[] = [];
    while (
      this.i < this.s.length &&
      this.s[this.i] !== "|" &&
      this.s[this.i] !== ")"
    )
      items.push(this.quantified(this.atom()));
    return { t: "seq", items };
  }

  private quantified(node: PatternSyntax): PatternSyntax {
    const c = this.s[this.i];
    let rep: PatternSyntax;
    if (c === "*") rep = { t: "rep", node, min: 0, max: Infinity, kind: "*" };
    else if (c === "+")
      rep = { t: "rep", node, min: 1, max: Infinity, kind: "+" };
    else if (c === "?") rep = { t: "rep", node, min: 0, max: 1, kind: "?" };
    else if (c === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(
        this.s.slice(this.i, this.i + 40).join(""),
      );
      if (!m) return node; // a literal `{` (without `u`), read by the next atom
      const min = Number(m[1]);
      const max =
        m[2] === undefined ? min : m[3] === "" ? Infinity : Number(m[3]);
      rep = { t: "rep", node, min, max, kind: "{}" };
      this.i += m[0].length - 1;
    } else return node;
    this.i++;
    if (this.s[this.i] === "?") this.i++; // lazy: the same paths, in another order
    return rep;
  }

  private atom(): PatternSyntax {
    const c = this.s[this.i++]!;
    switch (c) {
      case "^":
        return { t: "assert", k: 0 };
      case "$":
        return { t: "assert", k: 1 };
      case ".":
        return { t: "dot" };
      case "[":
        return this.charClass();
      case "(":
        return this.group();
      case "\\": {
        const e = this.s[this.i];
        if (e !== "b" && e !== "B") return this.escape(false);
        this.i++;
        return { t: "assert", k: e === "b" ? 2 : 3 };
      }
      default:
        return { t: "char", c: c.codePointAt(0)! };
    }
  }

  private group(): PatternSyntax {
    let look: { behind: boolean; negative: boolean } | undefined;
    if (this.s[this.i] === "?") {
      const next = this.s[this.i + 1];
      const after = this.s[this.i + 2];
      if (next === ":") this.i += 2;
      else if (next === "=" || next === "!") {
        look = { behind: false, negative: next === "!" };
        this.i += 2;
      } else if (next === "<" && (after === "=" || after === "!")) {
        look = { behind: true, negative: after === "!" };
        this.i += 3;
      } else if (next === "<") {
        const end = this.s.indexOf(">", this.i);
        if (end === -1) throw new SyntaxError("unclosed group name");
        this.i = end + 1;
        this.groups++;
        this.named = true;
      } else throw new UnreadSyntax("a modifier group");
    } else this.groups++;
    if (++this.depth > MAX_NESTING)
      throw new UnreadSyntax(`groups nested deeper than ${MAX_NESTING}`);
    const inner = this.alternation();
    this.depth--;
    if (this.s[this.i] !== ")") throw new SyntaxError("unclosed group");
    this.i++;
    return look ? { t: "look", ...look, node: inner } : inner;
  }

  /** A class from after its `[` to after its `]`. */
  private charClass(): PatternSyntax {
    const start = this.i - 1;
    const negated = this.s[this.i] === "^";
    if (negated) this.i++;
    // `[]` is the empty class and `[^]` any character; `]` first is not literal in ECMAScript
    const items: ClassItem[] = [];
    while (this.s[this.i] !== "]") {
      if (this.i >= this.s.length) throw new SyntaxError("unclosed class");
      const from = this.classAtom();
      if (
        this.s[this.i] === "-" &&
        this.s[this.i + 1] !== "]" &&
        this.i + 1 < this.s.length
      ) {
        this.i++;
        items.push({ from, to: this.classAtom() });
      } else items.push({ from });
    }
    this.i++;
    const text = this.s.slice(start, this.i).join("");
    return { t: "class", text, negated, items };
  }

  private classAtom(): ClassAtom {
    const c = this.s[this.i++]!;
    if (c !== "\\") return { t: "char", c: c.codePointAt(0)! };
    return this.escape(true);
  }

  /** After a `\` (but `\b` and `\B` outside a class): in a class, `\b` is a backspace and digits are never a backreference. */
  private escape(inClass: boolean): ClassAtom {
    const e = this.s[this.i++];
    if (e === undefined) throw new SyntaxError("\\ at the end");
    if (e === "b") return char(8);
    if ("dDwWsS".includes(e)) return { t: "escape", e: e as ClassEscape };
    if (/[1-9]/.test(e)) return this.numbered(e, inClass);
    if (e === "0" && !/[0-9]/.test(this.s[this.i] ?? "")) return char(0);
    if (e === "0") return this.octal(e);
    if (e === "k" && !inClass) {
      if (this.unicode) throw new UnreadSyntax("a backreference");
      this.sawK = true;
    }
    if ((e === "p" || e === "P") && this.unicode) {
      const end = this.s.indexOf("}", this.i);
      const text = `\\${e}${this.s.slice(this.i, end + 1).join("")}`;
      this.i = end + 1;
      return { t: "property", text };
    }
    if (e in CONTROL) return char(CONTROL[e]!);
    if (e === "c") {
      const letter = this.s[this.i];
      if (letter !== undefined && /[a-zA-Z]/.test(letter)) {
        this.i++;
        return char(letter.charCodeAt(0) % 32);
      }
      this.i--; // without `u`, `\c` not before a letter is a backslash, then `c`
      return char(92);
    }
    if (e === "x") {
      const hex = this.s.slice(this.i, this.i + 2).join("");
      if (hex.length !== 2 || !HEX.test(hex)) return char(120);
      this.i += 2;
      return char(parseInt(hex, 16));
    }
    if (e === "u") return char(this.unicodeEscape());
    return char(e.codePointAt(0)!);
  }

  /** `\u` read: `{1F600}` (with `u`), `D83D\uDE00` as one code point (with `u`), `0041`. */
  private unicodeEscape(): number {
    if (this.unicode && this.s[this.i] === "{") {
      const end = this.s.indexOf("}", this.i);
      const value = parseInt(this.s.slice(this.i + 1, end).join(""), 16);
      this.i = end + 1;
      return value;
    }
    const hex = this.s.slice(this.i, this.i + 4).join("");
    if (hex.length !== 4 || !HEX.test(hex)) return 117; // `\u` alone (without `u`) is `u`
    this.i += 4;
    const value = parseInt(hex, 16);
    const low = this.s.slice(this.i, this.i + 6).join("");
    if (
      this.unicode &&
      value >= 0xd800 &&
      value <= 0xdbff &&
      /^\\u[dD][c-fC-F][0-9a-fA-F]{2}$/.test(low)
    ) {
      this.i += 6;
      return (
        (value - 0xd800) * 0x400 +
        (parseInt(low.slice(2), 16) - 0xdc00) +
        0x10000
      );
    }
    return value;
  }

  /** `\1`…: a backreference, or (without `u`, past the groups or in a class) octal or a digit. */
  private numbered(first: string, inClass: boolean): ClassAtom {
    let digits = first;
    while (/[0-9]/.test(this.s[this.i] ?? "")) digits += this.s[this.i++];
    if (!inClass && this.unicode) throw new UnreadSyntax("a backreference");
    if (!inClass)
      this.leastNumbered = Math.min(this.leastNumbered, Number(digits));
    this.i -= digits.length - 1;
    if (first === "8" || first === "9") return char(first.charCodeAt(0));
    return this.octal(first);
  }

  /** A legacy octal escape (Annex B): up to three digits, at most 0o377. */
  private octal(first: string): ClassAtom {
    let value = Number(first);
    for (let n = 1; n < 3; n++) {
      const d = this.s[this.i];
      if (d === undefined || !/[0-7]/.test(d) || value * 8 + Number(d) > 0o377)
        break;
      value = value * 8 + Number(d);
      this.i++;
    }
    return char(value);
  }
}

const char = (c: number): ClassAtom => ({ t: "char", c });
