import {
  bracketed,
  CheckText,
  Fn,
  KIND_GUARD,
  primitive,
  TYPE_FAILS,
  Unsupported,
  indented,
  OVER_WIDTH,
  type Site,
} from "./code-function.js";
import { arrayOp, numberOp, objectOp, stringOp } from "./code-keywords.js";
import type { PlanOp, PlanSub } from "./plan.js";

/**
 * The validators as code (docs/validation.md): a plan's node (plan.ts) written as a function
 * specialised to its schema. Each violation is the one templates/validators/plan.ts makes of the
 * same operation (same pointer, keyword, message, order). A node using an operation this file does
 * not write, or whose code would not fit the line width, is left to the plan's interpreter: both
 * are checks of the same signature, calling each other. Spec text reaches the code only through
 * `K`, the file's constants (JSON in a template literal), or as an escaped string literal.
 */

/** How deep blocks nest in a function before a sub-schema gets a function of its own. */
const INDENT_LIMIT = 20;

/** How large (its plan's JSON) a named schema's node is inlined where it is referenced. */
const INLINE_LIMIT = 400;

/**
 * How many named schemas are inlined one inside another, and how much plan one function takes
 * in all: an inlined node inlines its own small references, so without them a chain of `allOf`s
 * (or a tree of small schemas) makes code quadratic (or exponential) in the plan. Real APIs stay
 * under both (Graph beta: nesting 6, 11,587 a function at most).
 */
const INLINE_NESTING = 8;
const INLINE_BUDGET = 16_384;

/** A plan's table as code: a function `c<id>` per node that can be written, and their helpers. */
export class CheckCode extends CheckText {
  /** Helper functions (`h<n>`): branches of anyOf, oneOf, not and if, deep sub-schemas. */
  private readonly helpers: string[] = [];
  /** A helper's name by its checks ({@link Fn.key}). */
  private readonly helperNames = new Map<string, string>();
  private readonly helperKeys: string[] = [];
  /** Module-level constants after the plan (arrays of checks, sets of enum values). */
  readonly hoisted: string[] = [];
  readonly functions: (string | undefined)[] = [];
  /** The nodes being inlined (a recursive schema is called, not inlined again). */
  private readonly inlined: number[] = [];
  /** The nodes whose checks the code calls (`c<id>`), as a set once all is written. */
  private readonly calls: number[] = [];
  private callSet: Set<number> | undefined;
  /** The length of a node's plan as JSON, by node number, once measured. */
  private readonly sizes: number[] = [];

  constructor(
    private readonly nodes: readonly PlanOp[][],
    patterns: readonly (readonly unknown[])[],
  ) {
    super(patterns);
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
    return this.written(id) || (this.callSet ??= new Set(this.calls)).has(id);
  }

  text(): string[] {
    return [
      ...this.functions.filter((f): f is string => f !== undefined),
      ...this.helpers,
    ];
  }

  private write(id: number): string | undefined {
    const mark = this.mark();
    try {
      const fn = new Fn(`c${id}`);
      this.inlined.push(id);
      this.ops(top(fn), this.nodes[id]!);
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
    for (let i = helpers!; i < this.helperKeys.length; i++)
      this.helperNames.delete(this.helperKeys[i]!);
    this.helpers.length = this.helperKeys.length = helpers!;
    this.hoisted.length = hoisted!;
    this.calls.length = calls!;
  }

  /** A call of another check on `s.v`, and the return when it stopped at a violation. */
  private call(s: Site, check: string): void {
    const { fn, indent } = s;
    fn.usesE = true;
    const at = this.path(fn, s.path);
    fn.line(indent, `${check}(${s.v}, ${at}, e, ${this.depth(fn, s.level)});`);
    fn.line(indent, "if (r.over(e)) return;");
  }

  /** A check of `sub` called as a function: its own, or a helper written for it. */
  private checkOf(sub: PlanSub): string {
    const target = this.target(sub);
    if (target !== undefined) {
      this.calls.push(target);
      return `c${target}`;
    }
    if (typeof sub !== "number" && sub.length === 0) return "r.accept";
    const fn = new Fn("");
    this.ops(top(fn), sub as PlanOp[]);
    // the same checks once (real APIs repeat their small schemas in place)
    const key = fn.key();
    const known = this.helperNames.get(key);
    if (known !== undefined) return known;
    fn.name = `h${this.helpers.length}`;
    this.helpers.push(fn.text());
    this.helperKeys.push(key);
    this.helperNames.set(key, fn.name);
    return fn.name;
  }

  override sub(s: Site, sub: PlanSub): void {
    const target = this.target(sub);
    // in place, unless a line would not fit (its pointer grew long): then a function's
    const placed =
      target !== undefined
        ? this.inline(s, target)
        : s.indent <= INDENT_LIMIT && this.tried(s, sub as PlanOp[], false);
    if (!placed) this.call(s, this.checkOf(sub));
  }

  /** `ops` in place; false, and nothing written, when too wide (`any`: or unsupported). */
  private tried(s: Site, ops: readonly PlanOp[], any: boolean): boolean {
    const mark = this.mark();
    const lines = s.fn.lines.length;
    s.fn.trying++;
    try {
      this.ops(s, ops);
      return true;
    } catch (error) {
      if (any ? !(error instanceof Unsupported) : error !== OVER_WIDTH)
        throw error;
    } finally {
      s.fn.trying--;
    }
    s.fn.lines.length = lines;
    this.restore(mark);
    return false;
  }

  /** The node a sub-schema only calls (a named schema's), if it is one. */
  private target(sub: PlanSub): number | undefined {
    if (typeof sub === "number") return sub;
    if (sub.length !== 1) return undefined;
    const [code, operand] = sub[0]!;
    if (code === "$") return operand as number;
    return code === "&" ? this.target(operand as PlanSub) : undefined;
  }

  /** A small node's checks inlined, when they fit; false for a large or recursive one. */
  private inline(s: Site, id: number): boolean {
    const ops = this.nodes[id]!;
    if (
      s.indent > INDENT_LIMIT ||
      this.inlined.includes(id) ||
      this.inlined.length >= INLINE_NESTING ||
      (this.sizes[id] ??= JSON.stringify(ops).length) > INLINE_LIMIT ||
      (s.fn.inlined += this.sizes[id]) > INLINE_BUDGET
    )
      return false;
    this.inlined.push(id);
    try {
      return this.tried(s, ops, true);
    } finally {
      this.inlined.pop();
    }
  }

  private ops(s: Site, ops: readonly PlanOp[]): void {
    const { fn, indent } = s;
    if (s.v === "x" && ops.length > 0) fn.usesX = true;
    for (let i = 0; i < ops.length; i++) {
      const op = ops[i]!;
      const next = ops[i + 1];
      const types = op[0] === "t" ? (op[1] as string[]) : undefined;
      // the kind whose block of checks (`s`, `n`, `o`, `a`) is next; no other code is a key there
      const kind = next && KIND_GUARD[next[0] as string]?.[0];
      if (types?.length === 1 && types[0] === kind) {
        // `type: object` then the object's checks: the test made once
        this.typeTest(s, types, "} else {");
        const filled = fn.lines.length;
        this.block(indented(s, 2), next!);
        if (fn.lines.length === filled)
          fn.lines[filled - 1] = " ".repeat(indent) + "}";
        else fn.line(indent, "}");
        i++;
        continue;
      }
      this.op(s, op);
    }
  }

  /** `if (<s.v is none of types>) { violation` (closed by the caller with `close`). */
  private typeTest(s: Site, types: readonly string[], close: string): void {
    const fails = types.map((t) => {
      if (!Object.hasOwn(TYPE_FAILS, t)) throw new Unsupported();
      return TYPE_FAILS[t]!(s.v);
    });
    s.fn.line(s.indent, `if (${fails.join(" && ")}) {`);
    this.fail(indented(s, 2), "type", `must be ${types.join(" or ")}`);
    s.fn.line(s.indent, close);
  }

  private op(s: Site, op: PlanOp): void {
    const { fn, v, indent } = s;
    switch (op[0]) {
      case "$":
      case "&":
        return this.sub(s, op[1] as PlanSub);
      case "F":
        return this.fail(s, "false", "must not be present");
      case "t":
        return this.typeTest(s, op[1] as string[], "}");
      case "e":
        return this.enumTest(s, op[1] as unknown[]);
      case "c": {
        const value = op[1];
        const differs = primitive(value)
          ? `${v} !== ${this.value(value)}`
          : `!r.equal(${v}, ${this.constant(value)})`;
        return this.guard(s, differs, "const", "must be equal to the constant");
      }
      case "s":
      case "n":
      case "o":
      case "a":
        fn.wrap(indent, [`if (${KIND_GUARD[op[0] as string]![1](v)}) {`], () =>
          this.block(indented(s, 2), op),
        );
        return;
      case "any":
      case "one":
        return this.choice(s, op);
      case "not": {
        const passes = this.passes(s, op[1] as PlanSub);
        return this.guard(s, passes, "not", "must not match the schema in not");
      }
      case "if": {
        const passes = this.passes(s, op[1] as PlanSub);
        const then = op[2] as PlanSub | null;
        const otherwise = op[3] as PlanSub | null;
        const filled = (): void => {
          // an empty branch: the interpreter's
          if (fn.lines[fn.lines.length - 1]!.endsWith("{"))
            throw new Unsupported();
        };
        fn.line(indent, `if (${then === null ? "!" : ""}${passes}) {`);
        this.sub(indented(s, 2), then ?? otherwise!);
        filled();
        if (then !== null && otherwise !== null) {
          fn.line(indent, "} else {");
          this.sub(indented(s, 2), otherwise);
          filled();
        }
        return fn.line(indent, "}");
      }
    }
    throw new Unsupported();
  }

  /** `r.passes(…)`: whether `s.v` passes the check of `sub`. */
  private passes(s: Site, sub: PlanSub): string {
    return `r.passes(${this.checkOf(sub)}, ${s.v}, ${this.path(s.fn, s.path)}, ${this.depth(s.fn, s.level)})`;
  }

  private enumTest(s: Site, values: readonly unknown[]): void {
    const { v } = s;
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
    this.guard(s, refused, "enum", "must be one of the allowed values");
  }

  /** The checks of an `s`, `n`, `o` or `a` block, on a value known to be of its kind. */
  private block(s: Site, block: PlanOp): void {
    if (block[0] === "o" || block[0] === "a")
      s.fn.line(
        s.indent,
        `if (${this.depth(s.fn, s.level)} >= r.TOO_DEEP_LEVEL) throw r.DEEP;`,
      );
    const write = WRITERS[block[0] as keyof typeof WRITERS];
    for (const op of block[1] as PlanOp[]) write(this, s, op);
  }

  /** A module-level array of the checks of `subs` (prettier's layout: flat, or one a line). */
  private checks(subs: readonly PlanSub[]): string {
    const checks = subs.map((s) => this.checkOf(s));
    const name = `A${this.hoisted.length}`;
    this.hoisted.push(bracketed(`const ${name} = `, checks, ";"));
    return name;
  }

  /** anyOf and oneOf (the discriminator's pick first, when there is one). */
  private choice(s: Site, op: PlanOp): void {
    const { fn, v, indent } = s;
    const any = op[0] === "any";
    const list = this.checks(op[1] as PlanSub[]);
    const failed = `r.matches(${list}, ${v}, ${this.path(fn, s.path)}, ${this.depth(fn, s.level)}, ${any ? "1) < 1" : "2) !== 1"}`;
    const keyword = any ? "anyOf" : "oneOf";
    const message = any
      ? "must match a schema in anyOf"
      : "must match exactly one schema in oneOf";
    const picked = op[2] as [string, string[], PlanSub[]] | null;
    if (picked === null) return this.guard(s, failed, keyword, message);
    const [property, values, subs] = picked;
    const targets = this.checks(subs);
    const t = fn.variable("t");
    fn.line(
      indent,
      `const ${t} = r.discriminate(${v}, ${this.string(property)}, ${this.constant(values)}, ${targets});`,
    );
    fn.line(indent, `if (${t} !== undefined) {`);
    this.call(indented(s, 2), t);
    fn.line(indent, `} else if (${failed}) {`);
    this.fail(indented(s, 2), keyword, message);
    fn.line(indent, "}");
  }
}

const WRITERS = { s: stringOp, n: numberOp, o: objectOp, a: arrayOp };

/** The site of a function's own value: `x` at `p`, its lines at column 2. */
function top(fn: Fn): Site {
  return { fn, v: "x", path: [], level: 0, indent: 2 };
}
