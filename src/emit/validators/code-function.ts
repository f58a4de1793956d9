import { group, items, print, PRINT_WIDTH, stringLiteral } from "../toolkit.js";
import type { PlanSub } from "./plan.js";

/** What code.ts and its keyword writers (code-keywords.ts) write checks with. */

/** A sub-schema's pointer: `p`, then literal segments and loop indexes. */
export type PathPart = { text: string } | { index: string };

/** Where checks are written: into `fn`, of the value in `v` at `path` and nesting `level`. */
export interface Site {
  readonly fn: Fn;
  readonly v: string;
  readonly path: readonly PathPart[];
  readonly level: number;
  readonly indent: number;
}

/** `s` with its lines `by` columns further in. */
export const indented = (s: Site, by: number): Site => ({
  ...s,
  indent: s.indent + by,
});

export class Unsupported extends Error {}

/** Indentation by width. */
const PADS: string[] = [];

/** An attempt at writing checks in place ended by a line wider than the page. */
export const OVER_WIDTH = new Unsupported("a line is wider than the page");

export const TYPE_FAILS: Readonly<Record<string, (v: string) => string>> = {
  string: (v) => `typeof ${v} !== "string"`,
  number: (v) => `typeof ${v} !== "number"`,
  integer: (v) => `!Number.isInteger(${v})`,
  boolean: (v) => `typeof ${v} !== "boolean"`,
  null: (v) => `${v} !== null`,
  array: (v) => `!Array.isArray(${v})`,
  object: (v) => `!r.isObject(${v})`,
};

export const KIND_GUARD: Readonly<
  Record<string, [string, (v: string) => string]>
> = {
  s: ["string", (v) => `typeof ${v} === "string"`],
  n: ["number", (v) => `typeof ${v} === "number"`],
  o: ["object", (v) => `r.isObject(${v})`],
  a: ["array", (v) => `Array.isArray(${v})`],
};

/** Whether `enum` and `const` compare a value with `===`. */
export const primitive = (v: unknown) =>
  v === null ||
  typeof v === "string" ||
  typeof v === "boolean" ||
  typeof v === "number";

/** One function being written: its lines, its variables, which parameters it uses. */
export class Fn {
  readonly lines: string[] = [];
  vars = 0;
  usesP = false;
  usesE = false;
  usesD = false;
  usesX = false;
  /** Attempts at writing checks in place open on it: a line too wide ends the innermost. */
  trying = 0;
  /** How much plan (its JSON's length) was inlined into it: INLINE_BUDGET bounds it. */
  inlined = 0;
  constructor(public name: string) {}

  /** What the function checks (its text but its name). */
  key(): string {
    const uses = [this.usesX, this.usesP, this.usesE, this.usesD].join();
    return uses + "\n" + this.lines.join("\n");
  }

  line(indent: number, text: string): void {
    const line = (PADS[indent] ??= " ".repeat(indent)) + text;
    if (this.trying > 0 && line.length > PRINT_WIDTH) throw OVER_WIDTH;
    this.lines.push(line);
  }

  /**
   * `head` (its first line at `indent`), what `body` writes, and `}`; nothing when the body wrote
   * nothing (an empty block checks nothing, and prettier would print it otherwise).
   */
  wrap(indent: number, head: readonly string[], body: () => void): boolean {
    const mark = this.lines.length;
    // the head's width counts only once it stays, with a body
    const trying = this.trying;
    this.trying = 0;
    for (const [i, text] of head.entries())
      this.line(i === 0 ? indent : indent + 2, text);
    this.trying = trying;
    const filled = this.lines.length;
    body();
    if (this.lines.length === filled) {
      this.lines.length = mark;
      return false;
    }
    for (let i = mark; trying > 0 && i < filled; i++)
      if (this.lines[i]!.length > PRINT_WIDTH) throw OVER_WIDTH;
    this.line(indent, "}");
    return true;
  }

  variable(prefix: string): string {
    return `${prefix}${++this.vars}`;
  }

  text(): string {
    const uses = [this.usesX, this.usesP, this.usesE, this.usesD];
    const params = ["x", "p", "e", "d"].map((n, i) => (uses[i] ? n : `_${n}`));
    const body = this.lines.length === 0 ? "{}" : "{";
    // `c<id>` or `h<n>`: the head always fits on its line
    const head = `function ${this.name}(${params.join(", ")}) ${body}`;
    const lines =
      this.lines.length === 0 ? [head] : [head, ...joined(this.lines), "}"];
    if (lines.some((l) => l.length > PRINT_WIDTH)) throw new Unsupported();
    return lines.join("\n");
  }
}

/**
 * The lines with each `if (test) {`, `if (r.fail(…)) return;`, `}` as one line,
 * `if (test && r.fail(…)) return;`, where it fits (and `test` has no `||` to parenthesise).
 */
export function joined(written: readonly string[]): string[] {
  const lines = nested(written);
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const head = ifHead(lines[i]!);
    const inner =
      head && /^ *if \((r\.fail\(.*\))\) return;$/.exec(lines[i + 1]!);
    if (
      head &&
      inner &&
      lines[i + 2] === `${head[1]}}` &&
      !head[2]!.includes("||")
    ) {
      const line = `${head[1]}if (${head[2]} && ${inner[1]}) return;`;
      if (line.length <= PRINT_WIDTH) {
        out.push(line);
        i += 2;
        continue;
      }
    }
    out.push(lines[i]!);
  }
  return out;
}

/** `[line, indent, test]` of a line `if (test) {`; most lines end otherwise, and skip the regex. */
function ifHead(line: string): RegExpExecArray | null {
  return line.endsWith(") {") ? /^( *)if \((.*)\) \{$/.exec(line) : null;
}

/** The lines with each `if (a) {` whose block is one `if (b) {…}` as `if (a && b) {…}`. */
export function nested(written: readonly string[]): string[] {
  let lines = [...written];
  for (let changed = true; changed;) {
    changed = false;
    const out: string[] = [];
    for (let i = 0; i < lines.length; i++) {
      const outer = ifHead(lines[i]!);
      const inner = outer && ifHead(lines[i + 1] ?? "");
      if (
        outer &&
        inner &&
        inner[1] === outer[1] + "  " &&
        !outer[2]!.includes("||") &&
        !inner[2]!.includes("||")
      ) {
        const close = inner[1] + "}";
        let end = i + 2;
        while (end < lines.length && !lines[end]!.startsWith(close)) end++;
        const line = `${outer[1]}if (${outer[2]} && ${inner[2]}) {`;
        if (
          lines[end] === close &&
          lines[end + 1] === outer[1] + "}" &&
          line.length <= PRINT_WIDTH
        ) {
          out.push(line);
          for (let j = i + 2; j < end; j++) out.push(lines[j]!.slice(2));
          out.push(outer[1] + "}");
          i = end + 1;
          changed = true;
          continue;
        }
      }
      out.push(lines[i]!);
    }
    lines = out;
  }
  return lines;
}

/** `head[a, b]tail` at `indent` on one line when it fits, else one item a line (prettier's). */
export function bracketed(
  head: string,
  list: readonly string[],
  tail: string,
  indent = 0,
): string {
  const doc = group([head, "[", items(list), "]", tail]);
  return " ".repeat(indent) + print(doc, { indent });
}

/** A violation's message: its text, or code that reads it (a format's, in runtime.ts). */
type Message = string | { code: string };

/** How code.ts's `CheckCode` writes what its keyword writers (code-keywords.ts) use too. */
export abstract class CheckText {
  /** The constants' values (`K[i]`). */
  readonly constants: unknown[] = [];
  private readonly constantIndex = new Map<string, number>();

  constructor(
    /** The plan's patterns (`[source, …]`), for their messages. */
    readonly patterns: readonly (readonly unknown[])[],
  ) {}

  /** `K[i]` of a value (each value once). */
  protected constant(value: unknown): string {
    const key = JSON.stringify(value);
    const known = this.constantIndex.get(key);
    if (known !== undefined) return `K[${known}]`;
    this.constantIndex.set(key, this.constants.push(value) - 1);
    return `K[${this.constants.length - 1}]`;
  }

  /** A string in code: an escaped literal when short, else a constant. */
  string(s: string): string {
    const literal = stringLiteral(s);
    return literal.length <= 24 ? literal : this.constant(s);
  }

  /** A primitive in code (a short number as JavaScript prints it). */
  value(v: unknown): string {
    if (typeof v === "string") return this.string(v);
    if (v === null || typeof v === "boolean") return String(v);
    if (typeof v === "number") {
      const text = String(v);
      if (/^-?\d+(\.\d+)?$/.test(text) && text.length <= 16) return text;
    }
    return this.constant(v);
  }

  /** A sub-schema's pointer in code, `p` joined with `parts`. */
  path(fn: Fn, parts: readonly PathPart[]): string {
    fn.usesP = true;
    let out = "p";
    let text = "";
    for (const part of parts)
      if ("text" in part) text += part.text;
      else {
        if (text !== "") out += " + " + this.string(text);
        text = "";
        out += " + " + part.index;
      }
    if (text !== "") out += " + " + this.string(text);
    return out;
  }

  /** The nesting level in code, `d` plus `level`. */
  depth(fn: Fn, level: number): string {
    fn.usesD = true;
    return level === 0 ? "d" : `d + ${level}`;
  }

  /** A violation at `s.path`: pushed, and a return when stopping at the first. */
  fail(s: Site, keyword: string, message: Message): void {
    s.fn.usesE = true;
    const at = this.path(s.fn, s.path);
    const text =
      typeof message === "string" ? this.constant(message) : message.code;
    s.fn.line(s.indent, `if (r.fail(e, ${at}, "${keyword}", ${text})) return;`);
  }

  /** `if (test) {`, a violation, `}`. */
  guard(s: Site, test: string, keyword: string, message: Message): void {
    s.fn.line(s.indent, `if (${test}) {`);
    this.fail(indented(s, 2), keyword, message);
    s.fn.line(s.indent, "}");
  }

  /** A sub-schema's checks of `s.v` in place (or a call of its check). */
  abstract sub(s: Site, sub: PlanSub): void;
}
