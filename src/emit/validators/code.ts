import { isIdentifierName } from "../../model/identifiers.js";
import { PRINT_WIDTH, stringLiteral } from "../shared/literals.js";
import type { PlanOp, PlanSub } from "./plan-types.js";
import { FORMATS } from "./strings.js";

/**
 * The validators as code (issue 58): a plan's node (plan-schema.ts) written as a function of
 * straight-line JavaScript, specialised to its schema, as ajv's standalone code and typia's
 * are: properties read by name, type tests inline, loops over items inline, a named schema's
 * check called by name, the nesting bound counted in the checks. Each violation is the one
 * templates/validators/plan.ts makes of the same operation (same pointer, keyword, message, in
 * the same order); given `r.HALT` (`is()`, a member of anyOf…) a function returns at its first.
 *
 * A node using an operation this file does not write (dependentRequired, contains,
 * patternProperties, …), or whose code would not fit the line width, is left to the plan's
 * interpreter (undefined): both are checks of the same signature, calling each other.
 *
 * Spec text never reaches the code but through `K`, the file's constants: JSON in a template
 * literal, read once (`K[3]`), or a short name as an escaped string literal.
 */

/** How deep blocks nest in a function before a sub-schema gets a function of its own. */
const INDENT_LIMIT = 20;

/** How large (its plan's JSON) a named schema's node is inlined where it is referenced. */
const INLINE_LIMIT = 400;

/** A sub-schema's pointer: `p`, then literal segments and loop indexes. */
type PathPart = { text: string } | { index: string };

class Unsupported extends Error {}

const TYPE_FAILS: Readonly<Record<string, (v: string) => string>> = {
  string: (v) => `typeof ${v} !== "string"`,
  number: (v) => `typeof ${v} !== "number"`,
  integer: (v) => `!Number.isInteger(${v})`,
  boolean: (v) => `typeof ${v} !== "boolean"`,
  null: (v) => `${v} !== null`,
  array: (v) => `!Array.isArray(${v})`,
  object: (v) => `!r.isObject(${v})`,
};

const KIND_GUARD: Readonly<Record<string, [string, (v: string) => string]>> = {
  s: ["string", (v) => `typeof ${v} === "string"`],
  n: ["number", (v) => `typeof ${v} === "number"`],
  o: ["object", (v) => `r.isObject(${v})`],
  a: ["array", (v) => `Array.isArray(${v})`],
};

const BOUNDS: Readonly<Record<string, [string, string]>> = {
  minimum: ["<", "at least"],
  exclusiveMinimum: ["<=", "greater than"],
  maximum: [">", "at most"],
  exclusiveMaximum: [">=", "less than"],
};

const plural = (n: number, word: string): string =>
  `${n} ${word}${n === 1 ? "" : "s"}`;

const properties = (n: number): string =>
  `${n} ${n === 1 ? "property" : "properties"}`;

/** Whether `enum` and `const` compare a value with `===`. */
const primitive = (v: unknown): boolean =>
  v === null ||
  typeof v === "string" ||
  typeof v === "boolean" ||
  typeof v === "number";

/** One function being written: its lines, its variables, which parameters it uses. */
class Fn {
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
 * The code of a file's checks: each node of `nodes` (a plan's table) a function `c<id>`, when
 * it can be written; the constants and helper functions they share.
 */
export class CheckCode {
  /** The constants' values (`K[i]`). */
  readonly constants: unknown[] = [];
  private readonly constantIndex = new Map<string, number>();
  /** Helper functions (`h<n>`): branches of anyOf, oneOf, not and if, deep sub-schemas. */
  private readonly helpers: string[] = [];
  /** A helper's name by its checks ({@link Fn.key}). */
  private readonly helperNames = new Map<string, string>();
  /** Module-level constants after the plan (arrays of checks, sets of enum values). */
  readonly hoisted: string[] = [];
  /** The functions of the nodes written, by node number. */
  readonly functions: (string | undefined)[] = [];
  /** The nodes being inlined (a recursive schema is called, not inlined again). */
  private readonly inlined: number[] = [];
  /** The nodes whose checks the code calls (`c<id>`). */
  private readonly calls: number[] = [];

  constructor(
    private readonly nodes: readonly (PlanOp[] | undefined)[],
    /** The plan's patterns (`[source, …]`), for their messages. */
    private readonly patterns: readonly (readonly unknown[])[],
  ) {
    for (let id = 0; id < nodes.length; id++)
      this.functions.push(this.write(id));
  }

  /** Whether node `id` is code (else the interpreter's `P.check(id)`). */
  written(id: number): boolean {
    return this.functions[id] !== undefined;
  }

  /** The nodes left to the interpreter that the code calls. */
  interpreted(): number[] {
    return [...new Set(this.calls)]
      .filter((id) => !this.written(id))
      .sort((a, b) => a - b);
  }

  /** Whether the code calls node `id`'s check by its name `c<id>`. */
  called(id: number): boolean {
    return this.written(id) || this.calls.includes(id);
  }

  /** The functions: the nodes' and the helpers'. */
  text(): string[] {
    return [
      ...this.functions.filter((f): f is string => f !== undefined),
      ...this.helpers,
    ];
  }

  private write(id: number): string | undefined {
    const ops = this.nodes[id];
    if (ops === undefined) return undefined;
    const mark = this.mark();
    try {
      const fn = new Fn(`c${id}`);
      this.inlined.push(id);
      this.ops(fn, ops, "x", [], 0, 2);
      return fn.text();
    } catch (error) {
      if (!(error instanceof Unsupported)) throw error;
      this.restore(mark);
      return undefined;
    } finally {
      this.inlined.length = 0;
    }
  }

  /** How far the shared parts are written (the constants may stay: unused ones cost nothing). */
  private mark(): readonly [number, number, number] {
    return [this.helpers.length, this.hoisted.length, this.calls.length];
  }

  /** What was written since `mark` dropped. */
  private restore([helpers, hoisted, calls]: readonly number[]): void {
    for (const [key, name] of this.helperNames)
      if (Number(name.slice(1)) >= helpers!) this.helperNames.delete(key);
    this.helpers.length = helpers!;
    this.hoisted.length = hoisted!;
    this.calls.length = calls!;
  }

  /** `K[i]` of a value (each value once). */
  private constant(value: unknown): string {
    const key = JSON.stringify(value);
    let i = this.constantIndex.get(key);
    if (i === undefined) {
      i = this.constants.length;
      this.constants.push(value);
      this.constantIndex.set(key, i);
    }
    return `K[${i}]`;
  }

  /** A string in code: a short one as an escaped literal, else a constant. */
  private string(s: string): string {
    const literal = stringLiteral(s);
    return literal.length <= 24 ? literal : this.constant(s);
  }

  /** A primitive value in code (a number as JavaScript prints it, when short). */
  private value(v: unknown): string {
    if (typeof v === "string") return this.string(v);
    if (v === null || typeof v === "boolean") return String(v);
    if (typeof v === "number") {
      const text = String(v);
      if (/^-?\d+(\.\d+)?$/.test(text) && text.length <= 16) return text;
    }
    return this.constant(v);
  }

  private path(fn: Fn, parts: readonly PathPart[]): string {
    fn.usesP = true;
    let out = "p";
    let text = "";
    for (const part of parts) {
      if ("text" in part) text += part.text;
      else {
        if (text !== "") out += " + " + this.string(text);
        text = "";
        out += " + " + part.index;
      }
    }
    if (text !== "") out += " + " + this.string(text);
    return out;
  }

  private depth(fn: Fn, level: number): string {
    fn.usesD = true;
    return level === 0 ? "d" : `d + ${level}`;
  }

  /** A violation: pushed, and the function returns when it stops at the first. */
  private fail(
    fn: Fn,
    indent: number,
    path: readonly PathPart[],
    keyword: string,
    message: string,
  ): void {
    fn.usesE = true;
    const at = this.path(fn, path);
    fn.line(
      indent,
      `if (r.fail(e, ${at}, "${keyword}", ${this.constant(message)})) return;`,
    );
  }

  /** `if (test) {`, a violation (see {@link fail}), `}`. */
  private guard(
    fn: Fn,
    indent: number,
    test: string,
    path: readonly PathPart[],
    keyword: string,
    message: string,
  ): void {
    fn.line(indent, `if (${test}) {`);
    this.fail(fn, indent + 2, path, keyword, message);
    fn.line(indent, "}");
  }

  /** A call of another check, and the return when it stopped at a violation. */
  private call(
    fn: Fn,
    indent: number,
    check: string,
    v: string,
    path: readonly PathPart[],
    level: number,
  ): void {
    fn.usesE = true;
    fn.line(
      indent,
      `${check}(${v}, ${this.path(fn, path)}, e, ${this.depth(fn, level)});`,
    );
    fn.line(indent, "if (r.over(e)) return;");
  }

  /** The name of the check of a sub-schema that is a check of its own; undefined else. */
  private named(sub: PlanSub): string | undefined {
    if (typeof sub === "number") return this.node(sub);
    if (sub.length !== 1) return undefined;
    const [code, operand] = sub[0]!;
    if (code === "$") return this.node(operand as number);
    if (code === "&") return this.named(operand as PlanSub);
    return undefined;
  }

  /** The name of node `id`'s check, called. */
  private node(id: number): string {
    this.calls.push(id);
    return `c${id}`;
  }

  /** A check of `sub` called as a function: its own, or a helper written for it. */
  private checkOf(sub: PlanSub): string {
    const named = this.named(sub);
    if (named !== undefined) return named;
    if (typeof sub !== "number" && sub.length === 0) return "r.accept";
    const fn = new Fn("");
    this.ops(fn, sub as PlanOp[], "x", [], 0, 2);
    // the same checks once (real APIs repeat their small schemas in place)
    const key = fn.key();
    const known = this.helperNames.get(key);
    if (known !== undefined) return known;
    const name = `h${this.helpers.length}`;
    fn.name = name;
    this.helpers.push(fn.text());
    this.helperNames.set(key, name);
    return name;
  }

  /** A sub-schema's checks of `v`, in place (or a call of its function). */
  private sub(
    fn: Fn,
    sub: PlanSub,
    v: string,
    path: readonly PathPart[],
    level: number,
    indent: number,
  ): void {
    const target = this.target(sub);
    if (target !== undefined) {
      if (this.inline(fn, target, v, path, level, indent)) return;
    } else if (indent <= INDENT_LIMIT) {
      // in place, unless a line would not fit (its pointer grew long): then a function's
      const mark = this.mark();
      const lines = fn.lines.length;
      this.ops(fn, sub as PlanOp[], v, path, level, indent);
      if (!fn.lines.slice(lines).some((l) => l.length > PRINT_WIDTH)) return;
      fn.lines.length = lines;
      this.restore(mark);
    }
    this.call(fn, indent, this.checkOf(sub), v, path, level);
  }

  /** The node a sub-schema only calls (a named schema's), if it is one. */
  private target(sub: PlanSub): number | undefined {
    if (typeof sub === "number") return sub;
    if (sub.length !== 1) return undefined;
    const [code, operand] = sub[0]!;
    if (code === "$") return operand as number;
    if (code === "&") return this.target(operand as PlanSub);
    return undefined;
  }

  /**
   * A small node's checks in place of a call of its function (no call, no pointer joined for
   * it), when they fit; false when they are to be called (large, recursive, too deep).
   */
  private inline(
    fn: Fn,
    id: number,
    v: string,
    path: readonly PathPart[],
    level: number,
    indent: number,
  ): boolean {
    const ops = this.nodes[id];
    if (
      ops === undefined ||
      indent > INDENT_LIMIT ||
      this.inlined.includes(id) ||
      JSON.stringify(ops).length > INLINE_LIMIT
    )
      return false;
    const mark = this.mark();
    const lines = fn.lines.length;
    this.inlined.push(id);
    try {
      this.ops(fn, ops, v, path, level, indent);
      if (!fn.lines.slice(lines).some((l) => l.length > PRINT_WIDTH))
        return true;
    } catch (error) {
      if (!(error instanceof Unsupported)) throw error;
    } finally {
      this.inlined.pop();
    }
    fn.lines.length = lines;
    this.restore(mark);
    return false;
  }

  /** A node's operations on `v` (a variable), in order. */
  private ops(
    fn: Fn,
    ops: readonly PlanOp[],
    v: string,
    path: readonly PathPart[],
    level: number,
    indent: number,
  ): void {
    if (v === "x" && ops.length > 0) fn.usesX = true;
    for (let i = 0; i < ops.length; i++) {
      const op = ops[i]!;
      const next = ops[i + 1];
      const types = op[0] === "t" ? (op[1] as string[]) : undefined;
      if (
        types !== undefined &&
        next !== undefined &&
        Object.hasOwn(KIND_GUARD, next[0] as string) &&
        types.length === 1 &&
        types[0] === KIND_GUARD[next[0] as string]![0]
      ) {
        // `type: object` then the object's checks: the test made once
        this.typeTest(fn, types, v, path, indent, "} else {");
        const filled = fn.lines.length;
        this.block(fn, next, v, path, level, indent + 2);
        if (fn.lines.length === filled)
          fn.lines[filled - 1] = " ".repeat(indent) + "}";
        else fn.line(indent, "}");
        i++;
        continue;
      }
      this.op(fn, op, v, path, level, indent);
    }
  }

  /** `if (<v is none of types>) { violation` (closed by the caller with `close`). */
  private typeTest(
    fn: Fn,
    types: readonly string[],
    v: string,
    path: readonly PathPart[],
    indent: number,
    close: string,
  ): void {
    const fails = types.map((t) => {
      if (!Object.hasOwn(TYPE_FAILS, t)) throw new Unsupported();
      return TYPE_FAILS[t]!(v);
    });
    fn.line(indent, `if (${fails.join(" && ")}) {`);
    this.fail(fn, indent + 2, path, "type", `must be ${types.join(" or ")}`);
    fn.line(indent, close);
  }

  private op(
    fn: Fn,
    op: PlanOp,
    v: string,
    path: readonly PathPart[],
    level: number,
    indent: number,
  ): void {
    switch (op[0]) {
      case "$":
        return this.sub(fn, op[1] as number, v, path, level, indent);
      case "&":
        return this.sub(fn, op[1] as PlanSub, v, path, level, indent);
      case "F":
        return this.fail(fn, indent, path, "false", "must not be present");
      case "t":
        return this.typeTest(fn, op[1] as string[], v, path, indent, "}");
      case "e":
        return this.enumTest(fn, op[1] as unknown[], v, path, indent);
      case "c": {
        const value = op[1];
        const differs = primitive(value)
          ? `${v} !== ${this.value(value)}`
          : `!r.equal(${v}, ${this.constant(value)})`;
        this.guard(
          fn,
          indent,
          `${differs}`,
          path,
          "const",
          "must be equal to the constant",
        );
        return;
      }
      case "s":
      case "n":
      case "o":
      case "a":
        fn.wrap(indent, [`if (${KIND_GUARD[op[0] as string]![1](v)}) {`], () =>
          this.block(fn, op, v, path, level, indent + 2),
        );
        return;
      case "any":
      case "one":
        return this.choice(fn, op, v, path, level, indent);
      case "not": {
        const check = this.checkOf(op[1] as PlanSub);
        const at = this.path(fn, path);
        fn.line(
          indent,
          `if (r.passes(${check}, ${v}, ${at}, ${this.depth(fn, level)})) {`,
        );
        this.fail(
          fn,
          indent + 2,
          path,
          "not",
          "must not match the schema in not",
        );
        fn.line(indent, "}");
        return;
      }
      case "if": {
        const test = this.checkOf(op[1] as PlanSub);
        const at = this.path(fn, path);
        const passes = `r.passes(${test}, ${v}, ${at}, ${this.depth(fn, level)})`;
        const then = op[2] as PlanSub | null;
        const otherwise = op[3] as PlanSub | null;
        const filled = (): void => {
          // an empty branch: the interpreter's
          if (fn.lines[fn.lines.length - 1]!.endsWith("{"))
            throw new Unsupported();
        };
        fn.line(indent, `if (${then === null ? "!" : ""}${passes}) {`);
        this.sub(fn, then ?? otherwise!, v, path, level, indent + 2);
        filled();
        if (then !== null && otherwise !== null) {
          fn.line(indent, "} else {");
          this.sub(fn, otherwise, v, path, level, indent + 2);
          filled();
        }
        fn.line(indent, "}");
        return;
      }
    }
    throw new Unsupported();
  }

  private enumTest(
    fn: Fn,
    values: readonly unknown[],
    v: string,
    path: readonly PathPart[],
    indent: number,
  ): void {
    let refused: string;
    // no value allowed: the interpreter's (its test reads no value)
    if (values.length === 0) throw new Unsupported();
    if (values.length <= 2 && values.every(primitive))
      refused = values
        .map((value) => `${v} !== ${this.value(value)}`)
        .join(" && ");
    else if (values.every((x) => primitive(x) && typeof x !== "number")) {
      const set = `E${this.hoisted.length}`;
      this.hoisted.push(`const ${set} = new Set(${this.constant(values)});`);
      refused = `!${set}.has(${v})`;
    } else refused = `!r.member(${this.constant(values)}, ${v})`;
    this.guard(
      fn,
      indent,
      `${refused}`,
      path,
      "enum",
      "must be one of the allowed values",
    );
  }

  /** The checks of an `s`, `n`, `o` or `a` block, on a value known to be of its kind. */
  private block(
    fn: Fn,
    block: PlanOp,
    v: string,
    path: readonly PathPart[],
    level: number,
    indent: number,
  ): void {
    const ops = block[1] as PlanOp[];
    if (block[0] === "o" || block[0] === "a")
      fn.line(
        indent,
        `if (${this.depth(fn, level)} >= r.TOO_DEEP_LEVEL) throw r.DEEP;`,
      );
    for (const op of ops) {
      switch (block[0]) {
        case "s":
          this.stringOp(fn, op, v, path, indent);
          break;
        case "n":
          this.numberOp(fn, op, v, path, indent);
          break;
        case "o":
          this.objectOp(fn, op, v, path, level, indent);
          break;
        case "a":
          this.arrayOp(fn, op, v, path, level, indent);
          break;
      }
    }
  }

  private stringOp(
    fn: Fn,
    op: PlanOp,
    v: string,
    path: readonly PathPart[],
    indent: number,
  ): void {
    switch (op[0]) {
      case "L": {
        const min = op[1] as number | null;
        const max = op[2] as number | null;
        // code points: at most the UTF-16 length, at least its half
        const maybe: string[] = [];
        if (min !== null) maybe.push(`${v}.length < ${2 * min}`);
        if (max !== null) maybe.push(`${v}.length > ${max}`);
        const n = fn.variable("n");
        fn.line(indent, `if (${maybe.join(" || ")}) {`);
        fn.line(indent + 2, `const ${n} = r.length(${v});`);
        if (min !== null) {
          fn.line(indent + 2, `if (${n} < ${min}) {`);
          this.fail(
            fn,
            indent + 4,
            path,
            "minLength",
            `must have at least ${plural(min, "character")}`,
          );
          fn.line(indent + 2, "}");
        }
        if (max !== null) {
          fn.line(indent + 2, `if (${n} > ${max}) {`);
          this.fail(
            fn,
            indent + 4,
            path,
            "maxLength",
            `must have at most ${plural(max, "character")}`,
          );
          fn.line(indent + 2, "}");
        }
        fn.line(indent, "}");
        return;
      }
      case "p": {
        const index = op[1] as number;
        fn.line(indent, `if (!P.pattern(${index}).test(${v})) {`);
        const source = this.patterns[index]![0] as string;
        this.fail(
          fn,
          indent + 2,
          path,
          "pattern",
          `must match the pattern ${JSON.stringify(source)}`,
        );
        fn.line(indent, "}");
        return;
      }
      case "f": {
        const name = op[1] as string;
        if (!Object.hasOwn(FORMATS, name)) return;
        const format = `r.${FORMATS[name]![2]}`;
        fn.usesE = true;
        fn.line(indent, `if (!${format}.test(${v})) {`);
        const at = this.path(fn, path);
        fn.line(
          indent + 2,
          `if (r.fail(e, ${at}, "format", ${format}.message)) return;`,
        );
        fn.line(indent, "}");
        return;
      }
    }
    throw new Unsupported();
  }

  private numberOp(
    fn: Fn,
    op: PlanOp,
    v: string,
    path: readonly PathPart[],
    indent: number,
  ): void {
    const keyword = op[0] as string;
    const bound = op[1] as number;
    if (keyword === "multipleOf") {
      this.guard(
        fn,
        indent,
        `!Number.isInteger(${v} / ${this.value(bound)})`,
        path,
        keyword,
        `must be a multiple of ${bound}`,
      );
      return;
    }
    if (!Object.hasOwn(BOUNDS, keyword)) throw new Unsupported();
    const [fails, words] = BOUNDS[keyword]!;
    this.guard(
      fn,
      indent,
      `${v} ${fails} ${this.value(bound)}`,
      path,
      keyword,
      `must be ${words} ${bound}`,
    );
  }

  /** A member read: `v.name` for a short identifier, `v["…"]` or `v[K[i]]` else. */
  private member(v: string, name: string): string {
    return isIdentifierName(name) && name.length <= 24
      ? `${v}.${name}`
      : `${v}[${this.string(name)}]`;
  }

  private objectOp(
    fn: Fn,
    op: PlanOp,
    v: string,
    path: readonly PathPart[],
    level: number,
    indent: number,
  ): void {
    switch (op[0]) {
      case "r": {
        const names = op[1] as string[];
        const skip = op[2] as number;
        let inner = indent;
        if (skip !== 0) {
          fn.line(indent, `if ((${this.depth(fn, 0)} & 3) !== ${skip}) {`);
          inner += 2;
        }
        // `in` on a plain object (runtime.ts, plain), for a name Object.prototype lacks
        const fast = names.filter((name) => !(name in Object.prototype));
        const q = fast.length > 1 ? fn.variable("q") : undefined;
        if (q !== undefined) fn.line(inner, `const ${q} = r.plain(${v});`);
        for (const name of names) {
          const key = this.string(name);
          const owns =
            q !== undefined && fast.includes(name)
              ? `(${q} ? ${key} in ${v} : r.has(${v}, ${key}))`
              : `r.has(${v}, ${key})`;
          this.guard(
            fn,
            inner,
            `!${owns}`,
            path,
            "required",
            `must have the property ${JSON.stringify(name)}`,
          );
        }
        if (skip !== 0) fn.line(indent, "}");
        return;
      }
      case "P": {
        const min = op[1] as number | null;
        const max = op[2] as number | null;
        const n = fn.variable("n");
        fn.line(indent, `const ${n} = Object.keys(${v}).length;`);
        if (min !== null) {
          this.guard(
            fn,
            indent,
            `${n} < ${min}`,
            path,
            "minProperties",
            `must have at least ${properties(min)}`,
          );
        }
        if (max !== null) {
          this.guard(
            fn,
            indent,
            `${n} > ${max}`,
            path,
            "maxProperties",
            `must have at most ${properties(max)}`,
          );
        }
        return;
      }
      case "pr": {
        const name = op[1] as string;
        const sub = op[2] as PlanSub;
        const m = fn.variable("v");
        const at = [...path, { text: "/" + escapePointer(name) }];
        const read = `const ${m} = ${this.member(v, name)};`;
        const body = () => this.sub(fn, sub, m, at, level + 4, indent + 2);
        // a name Object.prototype has (`constructor`) must be an own property to count
        if (name in Object.prototype)
          fn.wrap(
            indent,
            [`if (r.has(${v}, ${this.string(name)})) {`, read],
            body,
          );
        else {
          fn.line(indent, read);
          if (!fn.wrap(indent, [`if (${m} !== undefined) {`], body))
            fn.lines.pop();
        }
        return;
      }
      case "k":
        return this.keyLoop(fn, op, v, path, level, indent);
    }
    throw new Unsupported();
  }

  /**
   * The loop over an object's keys (declared members and additionalProperties; a loop with
   * patterns or propertyNames is the interpreter's): per key in order, the declared property's
   * checks, or else additionalProperties'.
   */
  private keyLoop(
    fn: Fn,
    op: PlanOp,
    v: string,
    path: readonly PathPart[],
    level: number,
    indent: number,
  ): void {
    const declared = op[1] as [string, PlanSub | null][];
    const extra = op[2] as PlanSub | false | null;
    if ((op[3] as unknown[]).length > 0 || op[4] !== null)
      throw new Unsupported();
    const keys = fn.variable("k");
    const i = fn.variable("i");
    const key = fn.variable("k");
    const m = fn.variable("v");
    fn.line(indent, `const ${keys} = Object.keys(${v});`);
    fn.line(indent, `for (let ${i} = 0; ${i} < ${keys}.length; ${i}++) {`);
    fn.line(indent + 2, `const ${key} = ${keys}[${i}];`);
    fn.line(indent + 2, `const ${m} = ${v}[${key}];`);
    const at: PathPart[] = [...path, { text: "/" }, { index: `r.esc(${key})` }];
    const inner = indent + 4;
    fn.line(indent + 2, `switch (${key}) {`);
    for (const [name, sub] of declared) {
      fn.line(inner, `case ${this.string(name)}:`);
      if (sub !== null) this.sub(fn, sub, m, at, level + 4, inner + 2);
      fn.line(inner + 2, "break;");
    }
    if (extra !== null) {
      fn.line(inner, "default:");
      if (extra === false)
        this.fail(
          fn,
          inner + 2,
          at,
          "additionalProperties",
          "must not be present",
        );
      else this.sub(fn, extra, m, at, level + 4, inner + 2);
    }
    fn.line(indent + 2, "}");
    fn.line(indent, "}");
    // the member's value, when a check reads it
    const read = fn.lines.findIndex((l) =>
      l.endsWith(`const ${m} = ${v}[${key}];`),
    );
    const used = new RegExp(`[^"'\\w]${m}\\b`);
    if (!fn.lines.slice(read + 1).some((l) => used.test(l)))
      fn.lines.splice(read, 1);
  }

  private arrayOp(
    fn: Fn,
    op: PlanOp,
    v: string,
    path: readonly PathPart[],
    level: number,
    indent: number,
  ): void {
    switch (op[0]) {
      case "mi":
      case "ma":
      case "I": {
        const n = op[1] as number;
        const few = op[0] === "mi";
        this.guard(
          fn,
          indent,
          `${v}.length ${few ? "<" : ">"} ${n}`,
          path,
          op[0] === "mi" ? "minItems" : op[0] === "ma" ? "maxItems" : "items",
          `must have at ${few ? "least" : "most"} ${plural(n, "item")}`,
        );
        return;
      }
      case "u":
        this.guard(
          fn,
          indent,
          `!r.unique(${v})`,
          path,
          "uniqueItems",
          "must not have duplicate items",
        );
        return;
      case "pi": {
        const index = op[1] as number;
        const m = fn.variable("v");
        const head = [
          `if (${v}.length > ${index}) {`,
          `const ${m} = ${v}[${index}];`,
        ];
        fn.wrap(indent, head, () =>
          this.sub(
            fn,
            op[2] as PlanSub,
            m,
            [...path, { text: `/${index}` }],
            level + 4,
            indent + 2,
          ),
        );
        return;
      }
      case "it": {
        const start = op[1] as number;
        const i = fn.variable("i");
        const m = fn.variable("v");
        const head = [
          `for (let ${i} = ${start}; ${i} < ${v}.length; ${i}++) {`,
          `const ${m} = ${v}[${i}];`,
        ];
        fn.wrap(indent, head, () =>
          this.sub(
            fn,
            op[2] as PlanSub,
            m,
            [...path, { text: "/" }, { index: i }],
            level + 4,
            indent + 2,
          ),
        );
        return;
      }
    }
    throw new Unsupported();
  }

  /** A module-level array of the checks of `subs` (prettier's layout: flat, or one a line). */
  private checks(subs: readonly PlanSub[]): string {
    const checks = subs.map((s) => this.checkOf(s));
    const name = `A${this.hoisted.length}`;
    const flat = `const ${name} = [${checks.join(", ")}];`;
    this.hoisted.push(
      flat.length <= PRINT_WIDTH
        ? flat
        : [`const ${name} = [`, ...checks.map((c) => `  ${c},`), "];"].join(
            "\n",
          ),
    );
    return name;
  }

  /** anyOf and oneOf (the discriminator's pick first, when there is one). */
  private choice(
    fn: Fn,
    op: PlanOp,
    v: string,
    path: readonly PathPart[],
    level: number,
    indent: number,
  ): void {
    const any = op[0] === "any";
    const list = this.checks(op[1] as PlanSub[]);
    const at = this.path(fn, path);
    const d = this.depth(fn, level);
    const failed = any
      ? `r.matches(${list}, ${v}, ${at}, ${d}, 1) < 1`
      : `r.matches(${list}, ${v}, ${at}, ${d}, 2) !== 1`;
    const keyword = any ? "anyOf" : "oneOf";
    const message = any
      ? "must match a schema in anyOf"
      : "must match exactly one schema in oneOf";
    const picked = op[2] as [string, string[], PlanSub[]] | null;
    if (picked === null) {
      this.guard(fn, indent, `${failed}`, path, keyword, message);
      return;
    }
    const [property, values, subs] = picked;
    const targets = this.checks(subs);
    const t = fn.variable("t");
    fn.line(
      indent,
      `const ${t} = r.discriminate(${v}, ${this.string(property)}, ${this.constant(values)}, ${targets});`,
    );
    fn.line(indent, `if (${t} !== undefined) {`);
    fn.usesE = true;
    fn.line(indent + 2, `${t}(${v}, ${at}, e, ${d});`);
    fn.line(indent + 2, "if (r.over(e)) return;");
    fn.line(indent, `} else if (${failed}) {`);
    this.fail(fn, indent + 2, path, keyword, message);
    fn.line(indent, "}");
  }
}

/**
 * The lines with each `if (test) {`, `if (r.fail(…)) return;`, `}` as one line,
 * `if (test && r.fail(…)) return;`, where it fits (and `test` has no `||` to parenthesise).
 */
function joined(written: readonly string[]): string[] {
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
function nested(written: readonly string[]): string[] {
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
function escapePointer(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}
