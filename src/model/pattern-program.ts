import type { PatternProgram } from "./pattern-guard.js";

/**
 * A JSON Schema `pattern` (ECMA-262 syntax, with or without the `u` flag) compiled for a
 * Thompson NFA (the Pike VM of the validators' runtime, `linear` in
 * templates/validators/runtime.ts), which answers `test` in time linear in the text: the
 * guard of a pattern a backtracking engine could take exponential or polynomial time on.
 * Backreferences and lookaround have no such matcher: they are refused.
 *
 * The program is a list of instructions of three numbers each, `[op, a, b]`:
 */
export const OP = {
  /** The text matched. */
  MATCH: 0,
  /** One character (code point with `u`, UTF-16 unit without) equal to `a`. */
  CHAR: 1,
  /** One character that class `a` (a one-character RegExp text of `classes`) matches. */
  CLASS: 2,
  /** Go on at `a` and at `b`. */
  SPLIT: 3,
  /** Go on at `a`. */
  JUMP: 4,
  /** Go on only if assertion `a` holds here: 0 `^`, 1 `$`, 2 `\b`, 3 `\B`. */
  ASSERT: 5,
} as const;

export type { PatternProgram } from "./pattern-guard.js";

/** Why a pattern has no linear-time program. */
export class NoLinearProgram extends Error {}

/** Instructions a program may have: a larger one (`a{1,5000}`) is refused, not expanded. */
export const MAX_INSTRUCTIONS = 5000;

type Node =
  | { t: "char"; c: number }
  | { t: "class"; text: string }
  | { t: "assert"; k: number }
  | { t: "seq"; items: Node[] }
  | { t: "alt"; items: Node[] }
  | { t: "rep"; node: Node; min: number; max: number };

/**
 * The program of `pattern`, read with `flags` ("u" or ""; the pattern is known to compile with
 * them). Throws {@link NoLinearProgram} for a backreference, lookaround, a modifier group, or a
 * program over {@link MAX_INSTRUCTIONS}.
 */
export function patternProgram(
  pattern: string,
  flags: "u" | "",
): PatternProgram {
  const unicode = flags === "u";
  const chars = unicode ? Array.from(pattern) : pattern.split("");
  const tree = new Parser(chars, unicode, countGroups(chars)).parse();
  const code: number[] = [];
  const classes: string[] = [];
  emit(tree, code, classes);
  code.push(OP.MATCH, 0, 0);
  return { code, classes };
}

/** Capturing groups, which decide whether `\3` is a backreference (without `u`). */
function countGroups(chars: readonly string[]): {
  count: number;
  named: boolean;
} {
  let count = 0;
  let named = false;
  let inClass = false;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === "\\") i++;
    else if (inClass) inClass = c !== "]";
    else if (c === "[") inClass = true;
    else if (c === "(") {
      if (chars[i + 1] !== "?") count++;
      else if (
        chars[i + 2] === "<" &&
        chars[i + 3] !== "=" &&
        chars[i + 3] !== "!"
      ) {
        count++;
        named = true;
      }
    }
  }
  return { count, named };
}

const HEX = /^[0-9a-fA-F]+$/;

class Parser {
  private i = 0;
  constructor(
    private readonly s: readonly string[],
    private readonly unicode: boolean,
    private readonly groups: { count: number; named: boolean },
  ) {}

  parse(): Node {
    const node = this.alternation();
    if (this.i < this.s.length) throw new SyntaxError("unbalanced )");
    return node;
  }

  private alternation(): Node {
    const items = [this.sequence()];
    while (this.s[this.i] === "|") {
      this.i++;
      items.push(this.sequence());
    }
    return items.length === 1 ? items[0]! : { t: "alt", items };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (
      this.i < this.s.length &&
      this.s[this.i] !== "|" &&
      this.s[this.i] !== ")"
    ) {
      const atom = this.atom();
      items.push(this.quantified(atom));
    }
    return { t: "seq", items };
  }

  private quantified(atom: Node): Node {
    const c = this.s[this.i];
    let min: number;
    let max: number;
    if (c === "*") [min, max] = [0, Infinity];
    else if (c === "+") [min, max] = [1, Infinity];
    else if (c === "?") [min, max] = [0, 1];
    else if (c === "{") {
      const rest = this.s.slice(this.i, this.i + 40).join("");
      const m = /^\{(\d+)(,(\d*))?\}/.exec(rest);
      if (!m) return atom; // a literal `{` (without `u`), read by the next atom
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === "" ? Infinity : Number(m[3]);
      this.i += m[0].length - 1;
    } else return atom;
    this.i++;
    if (this.s[this.i] === "?") this.i++; // lazy: the same language
    return { t: "rep", node: atom, min, max };
  }

  private atom(): Node {
    const c = this.s[this.i++]!;
    switch (c) {
      case "^":
        return { t: "assert", k: 0 };
      case "$":
        return { t: "assert", k: 1 };
      case ".":
        return { t: "class", text: "." };
      case "[":
        return { t: "class", text: this.classText() };
      case "(":
        return this.group();
      case "\\":
        return this.escape();
      default:
        return { t: "char", c: c.codePointAt(0)! };
    }
  }

  private group(): Node {
    if (this.s[this.i] === "?") {
      const next = this.s[this.i + 1];
      if (next === ":") this.i += 2;
      else if (
        next === "<" &&
        this.s[this.i + 2] !== "=" &&
        this.s[this.i + 2] !== "!"
      ) {
        const end = this.s.indexOf(">", this.i);
        this.i = end + 1;
      } else if (next === "=" || next === "!" || next === "<")
        throw new NoLinearProgram("lookaround");
      else throw new NoLinearProgram("a modifier group");
    }
    const inner = this.alternation();
    if (this.s[this.i] !== ")") throw new SyntaxError("unclosed group");
    this.i++;
    return inner;
  }

  /** The text of a class from its `[` (read) to its `]`, as written. */
  private classText(): string {
    const start = this.i - 1;
    if (this.s[this.i] === "^") this.i++;
    // `[]` is the empty class and `[^]` any character; `]` first is not literal in ECMAScript
    while (this.i < this.s.length && this.s[this.i] !== "]") {
      if (this.s[this.i] === "\\") this.i++;
      this.i++;
    }
    this.i++;
    return this.s.slice(start, this.i).join("");
  }

  private escape(): Node {
    const e = this.s[this.i++];
    if (e === undefined) throw new SyntaxError("\\ at the end");
    if (e === "b") return { t: "assert", k: 2 };
    if (e === "B") return { t: "assert", k: 3 };
    if ("dDwWsS".includes(e)) return { t: "class", text: `\\${e}` };
    if (/[1-9]/.test(e)) return this.numbered(e);
    if (e === "0" && !/[0-9]/.test(this.s[this.i] ?? ""))
      return { t: "char", c: 0 };
    if (e === "0") return this.octal(e);
    if (e === "k" && (this.unicode || this.groups.named))
      throw new NoLinearProgram("a backreference");
    if ((e === "p" || e === "P") && this.unicode) {
      const end = this.s.indexOf("}", this.i);
      const text = `\\${e}${this.s.slice(this.i, end + 1).join("")}`;
      this.i = end + 1;
      return { t: "class", text };
    }
    const simple = "tnvfr".indexOf(e);
    if (simple !== -1) return { t: "char", c: [9, 10, 11, 12, 13][simple]! };
    if (e === "c") {
      const letter = this.s[this.i];
      if (letter !== undefined && /[a-zA-Z]/.test(letter)) {
        this.i++;
        return { t: "char", c: letter.charCodeAt(0) % 32 };
      }
      this.i--; // without `u`, `\c` not before a letter is a backslash, then `c`
      return { t: "char", c: 92 };
    }
    if (e === "x") {
      const hex = this.s.slice(this.i, this.i + 2).join("");
      if (hex.length === 2 && HEX.test(hex)) {
        this.i += 2;
        return { t: "char", c: parseInt(hex, 16) };
      }
      return { t: "char", c: 120 };
    }
    if (e === "u") return { t: "char", c: this.unicodeEscape() };
    return { t: "char", c: e.codePointAt(0)! };
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

  /** `\1`…: a backreference, or (without `u`, past the groups) an octal escape or a digit. */
  private numbered(first: string): Node {
    let digits = first;
    while (/[0-9]/.test(this.s[this.i] ?? "")) digits += this.s[this.i++];
    if (this.unicode || Number(digits) <= this.groups.count)
      throw new NoLinearProgram("a backreference");
    this.i -= digits.length - 1;
    if (first === "8" || first === "9")
      return { t: "char", c: first.charCodeAt(0) };
    return this.octal(first);
  }

  /** A legacy octal escape (Annex B): up to three digits, at most 0o377. */
  private octal(first: string): Node {
    let value = Number(first);
    for (let n = 1; n < 3; n++) {
      const d = this.s[this.i];
      if (d === undefined || !/[0-7]/.test(d) || value * 8 + Number(d) > 0o377)
        break;
      value = value * 8 + Number(d);
      this.i++;
    }
    return { t: "char", c: value };
  }
}

function emit(node: Node, code: number[], classes: string[]): void {
  if (code.length / 3 > MAX_INSTRUCTIONS)
    throw new NoLinearProgram(`more than ${MAX_INSTRUCTIONS} instructions`);
  switch (node.t) {
    case "char":
      code.push(OP.CHAR, node.c, 0);
      return;
    case "class": {
      let k = classes.indexOf(node.text);
      if (k === -1) k = classes.push(node.text) - 1;
      code.push(OP.CLASS, k, 0);
      return;
    }
    case "assert":
      code.push(OP.ASSERT, node.k, 0);
      return;
    case "seq":
      for (const item of node.items) emit(item, code, classes);
      return;
    case "alt": {
      const jumps: number[] = [];
      node.items.forEach((item, n) => {
        const last = n === node.items.length - 1;
        const split = code.length;
        if (!last) code.push(OP.SPLIT, split / 3 + 1, 0);
        emit(item, code, classes);
        if (!last) {
          jumps.push(code.length);
          code.push(OP.JUMP, 0, 0);
          code[split + 2] = code.length / 3;
        }
      });
      for (const at of jumps) code[at + 1] = code.length / 3;
      return;
    }
    case "rep": {
      for (let n = 0; n < node.min; n++) emit(node.node, code, classes);
      if (node.max === Infinity) {
        const split = code.length;
        code.push(OP.SPLIT, split / 3 + 1, 0);
        emit(node.node, code, classes);
        code.push(OP.JUMP, split / 3, 0);
        code[split + 2] = code.length / 3;
        return;
      }
      const splits: number[] = [];
      for (let n = node.min; n < node.max; n++) {
        splits.push(code.length);
        code.push(OP.SPLIT, code.length / 3 + 1, 0);
        emit(node.node, code, classes);
      }
      for (const at of splits) code[at + 2] = code.length / 3;
      return;
    }
  }
}
