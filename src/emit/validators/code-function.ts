import { PRINT_WIDTH } from "../toolkit.js";

/**
 * What the validators' code (code.ts) is written with but is no check: the function being
 * written ({@link Fn}) and how its lines are joined, the type tests, the pointer escape.
 */

/** A sub-schema's pointer: `p`, then literal segments and loop indexes. */
export type PathPart = { text: string } | { index: string };

export class Unsupported extends Error {}

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
export const primitive = (v: unknown): boolean =>
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
  constructor(public name: string) {}

  /** What the function checks (its text but its name). */
  key(): string {
    const uses = [this.usesX, this.usesP, this.usesE, this.usesD].join();
    return uses + "\n" + this.lines.join("\n");
  }

  line(indent: number, text: string): void {
    this.lines.push(" ".repeat(indent) + text);
  }

  /**
   * `head` (its first line at `indent`, the others inside), what `body` writes, and `}`; nothing when the body wrote
   * nothing (an empty block is no check, and prettier would print it otherwise).
   */
  wrap(indent: number, head: readonly string[], body: () => void): boolean {
    const mark = this.lines.length;
    for (const [i, text] of head.entries())
      this.line(i === 0 ? indent : indent + 2, text);
    const filled = this.lines.length;
    body();
    if (this.lines.length === filled) {
      this.lines.length = mark;
      return false;
    }
    this.line(indent, "}");
    return true;
  }

  variable(prefix: string): string {
    return `${prefix}${++this.vars}`;
  }

  text(): string {
    const x = this.usesX ? "x" : "_x";
    const p = this.usesP ? "p" : "_p";
    const e = this.usesE ? "e" : "_e";
    const d = this.usesD ? "d" : "_d";
    const params = [x, p, e, d];
    const body = this.lines.length === 0 ? "{}" : "{";
    const flat = `function ${this.name}(${params.join(", ")}) ${body}`;
    const head =
      flat.length <= PRINT_WIDTH
        ? [flat]
        : [
            `function ${this.name}(`,
            ...params.map((param) => `  ${param},`),
            `) ${body}`,
          ];
    const lines =
      this.lines.length === 0 ? head : [...head, ...joined(this.lines), "}"];
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
    const head = /^( *)if \((.*)\) \{$/.exec(lines[i]!);
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

/**
 * The lines with each `if (a) {` whose block is one `if (b) {…}` (without else) as
 * `if (a && b) {…}`.
 */
export function nested(written: readonly string[]): string[] {
  let lines = [...written];
  for (let changed = true; changed;) {
    changed = false;
    const out: string[] = [];
    for (let i = 0; i < lines.length; i++) {
      const outer = /^( *)if \((.*)\) \{$/.exec(lines[i]!);
      const inner = outer && /^( *)if \((.*)\) \{$/.exec(lines[i + 1]!);
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

/** A key as one segment of a JSON pointer (what the runtime's `esc` makes of it). */
export function escapePointer(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}
