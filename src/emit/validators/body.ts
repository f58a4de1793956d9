import {
  type Doc,
  hardline,
  indent as indentDoc,
  print,
} from "../shared/doc.js";
import { ARRAY_KEYWORDS, arrayChecks } from "./arrays.js";
import { COMPOSITION_KEYWORDS, composition } from "./composition.js";
import { type Body, type ModuleScope, NONE, Pointer } from "./context.js";
import {
  bindText,
  block,
  ifElse,
  callDoc,
  callLine,
  callStatement,
  ifLine,
  ifStatement,
  statements,
  sumText,
} from "./layout.js";
import { NUMBER_KEYWORDS, numberChecks } from "./numbers.js";
import { OBJECT_KEYWORDS, objectChecks } from "./objects.js";
import { refCall } from "./refs.js";
import { STRING_KEYWORDS, stringChecks } from "./strings.js";
import type { Schema } from "../../model/types.js";
import { isObject, isTrivial, type SubSchema } from "./subschema.js";
import { printBody } from "./statements-print.js";
import {
  checkedTypes,
  typeCheck,
  VALUE_KEYWORDS,
  valueChecks,
} from "./values.js";

/**
 * JSON Schema (the model's 2020-12 dialect) → the statements of one check function, which
 * append violations.
 *
 * Every schema becomes inline statements over a value variable `x` and a pointer `p`; a `$ref`
 * becomes a call of the named schema's check function (so recursion works), and the branches of
 * anyOf, oneOf, not, if and contains become functions of their own (hoisted into the module),
 * run with a throw-away violation list. Spec text only ever lands in string literals
 * (`stringLiteral`); patterns are compiled at run time with `new RegExp(<literal>)`, never
 * pasted as code.
 */

/** Indentation past which a sub-schema is checked by a function of its own. */
const NEST_LIMIT = 26;

/** The tests that open the statements of one kind of value. */
const HEADS = {
  string: (v: string) => `if (typeof ${v} === "string")`,
  number: (v: string) => `if (typeof ${v} === "number")`,
  object: (v: string) => `if (r.isObject(${v}))`,
  array: (v: string) => `if (Array.isArray(${v}))`,
};

/**
 * Each keyword family's bit, by its keywords: a schema's families are found by one walk over its
 * own keys (familiesOf), and a family is called only when the schema has one of its keywords.
 * Asking each family's keywords of each schema instead was ~35 property reads per schema, most
 * of them for a key it does not have, on objects of a thousand shapes (GitHub's): slow reads
 * where V8 keeps no answer for that many.
 */
const FAMILIES = new Map<string, number>();
const family = (bit: number, keywords: readonly string[]): number => {
  for (const keyword of keywords) FAMILIES.set(keyword, bit);
  return bit;
};
const REF = family(1, ["$ref"]);
const TYPE = family(2, ["type"]);
const VALUES = family(4, VALUE_KEYWORDS);
const STRINGS = family(8, STRING_KEYWORDS);
const NUMBERS = family(16, NUMBER_KEYWORDS);
const OBJECTS = family(32, OBJECT_KEYWORDS);
const ARRAYS = family(64, ARRAY_KEYWORDS);
const COMPOSITION = family(128, COMPOSITION_KEYWORDS);

/** The bits of the families `s` has keywords of. */
export function familiesOf(s: Schema): number {
  let bits = 0;
  for (const keyword in s) bits |= FAMILIES.get(keyword) ?? 0;
  return bits;
}

/** The one type `s` allows, if it allows one. */
function onlyType(s: SubSchema): string | undefined {
  if (!isObject(s)) return undefined;
  const types = checkedTypes(s);
  return types.length === 1 ? types[0] : undefined;
}

/** No names (a member's pointer that reads no local): shared, never written to. */
const NO_NAMES: readonly string[] = Object.freeze([]);

/** Pushes `docs` onto `out` (no spread, no new array). */
function append(out: Doc[], docs: readonly Doc[]): void {
  for (let i = 0; i < docs.length; i++) out.push(docs[i]!);
}

/** The body of one check function: its locals (numbered per function) and what it reads. */
export class FunctionBody implements Body {
  private n = 0;
  private readonly read = new Set<string>();

  constructor(
    readonly mod: ModuleScope,
    private readonly owner: string,
  ) {}

  /** The function's body text, from its `{` to before its `}` (nothing when empty). */
  compile(schema: SubSchema): string {
    const body = this.schema(schema, "x", Pointer.param, 2);
    if (body.length === 0) return "";
    return (
      printBody(body) ??
      print([indentDoc([hardline, statements(body)]), hardline])
    );
  }

  schema(s: SubSchema, x: string, p: Pointer, indent: number): Doc[] {
    if (s === undefined || s === true) return [];
    // deep inside a function: the rest becomes a function of its own, so lines, pointer
    // expressions and the generator's recursion stay short
    if (indent >= NEST_LIMIT && !isTrivial(s))
      return [this.callCheck(this.hoist(s), x, p, indent)];
    if (s === false)
      return [this.push("true", p, "false", "must not be present", indent)];
    if (!isObject(s)) return [];
    const inner = indent + 2;
    const has = familiesOf(s);
    // in this order: locals and module constants are numbered as they are made
    const out: Doc[] = [];
    if (has & REF) append(out, refCall(this, s, x, p, indent));
    const type = has & TYPE ? typeCheck(this, s, x, p, indent) : NONE;
    const values = has & VALUES ? valueChecks(this, s, x, p, indent) : NONE;
    const strings = has & STRINGS ? stringChecks(this, s, x, p, inner) : NONE;
    const numbers = has & NUMBERS ? numberChecks(this, s, x, p, inner) : NONE;
    const objects = has & OBJECTS ? objectChecks(this, s, x, p, inner) : NONE;
    const arrays = has & ARRAYS ? arrayChecks(this, s, x, p, inner) : NONE;
    // `type: object` (or array) then its statements: if/else, the test written once
    const only =
      this.mod.compact &&
      type.length === 1 &&
      values.length === 0 &&
      strings.length === 0 &&
      numbers.length === 0
        ? onlyType(s)
        : undefined;
    if (only === "object" && objects.length > 0) {
      out.push(ifElse(type[0]!, objects));
      this.when(out, "array", x, arrays);
    } else if (only === "array" && objects.length === 0 && arrays.length > 0)
      out.push(ifElse(type[0]!, arrays));
    else {
      append(out, type);
      append(out, values);
      this.when(out, "string", x, strings);
      this.when(out, "number", x, numbers);
      this.when(out, "object", x, objects);
      this.when(out, "array", x, arrays);
    }
    if (has & COMPOSITION) append(out, composition(this, s, x, p, indent));
    return out;
  }

  /**
   * `if (<x is kind>) {` statements `}` onto `out`, when there are statements (only then is x
   * read).
   */
  private when(out: Doc[], kind: keyof typeof HEADS, x: string, body: Doc[]) {
    if (body.length === 0) return;
    const v = this.use(x);
    // a number read as a bigint (ModuleScope.bigints) takes the number keywords too
    const head =
      kind === "number" && this.mod.bigints
        ? `if (typeof ${v} === "number" || typeof ${v} === "bigint")`
        : HEADS[kind](v);
    append(out, block(head, body));
  }

  local(prefix: string): string {
    return `${prefix}${++this.n}`;
  }

  use(name: string): string {
    this.read.add(name);
    return name;
  }

  reads(name: string): boolean {
    return this.read.has(name);
  }

  at(p: Pointer): Pointer {
    // indexed: a pointer is recorded for every violation and call, no iterators made
    const { locals, constants } = p;
    for (let i = 0; i < locals.length; i++) this.read.add(locals[i]!);
    for (let i = 0; i < constants.length; i++) this.mod.use(constants[i]!);
    return p;
  }

  pointerText(p: Pointer): string {
    return sumText(this.at(p));
  }

  /**
   * `p + "/name"`: the pointer of a member, an expression evaluated only where a violation or a
   * call needs it (never on the way down). A long literal segment becomes a module constant,
   * written once a statement uses the pointer.
   */
  member(
    p: Pointer,
    segment: readonly string[],
    locals: readonly string[] = NO_NAMES,
    raw?: string,
  ): Pointer {
    const tail =
      p.tail !== undefined && raw !== undefined ? p.tail + raw : undefined;
    // compact: a segment that starts fixed joins the fixed operand before it
    // (`p + "/a/b"`, `p + "/a/" + i3`), so pointer expressions stay short
    const first = raw ?? (segment[0] === `"/"` ? "/" : undefined);
    if (this.mod.compact && p.last !== undefined && first !== undefined)
      return this.joined(p, p.last, first, segment, locals, raw, tail);
    const text = segment.join(" + ");
    if (text.length > 24 && locals.length === 0) {
      const name = this.segmentConstant(text, false);
      return new Pointer(
        [...p.operands, name],
        p.locals,
        [...p.constants, name],
        tail,
        raw,
      );
    }
    return new Pointer(
      [...p.operands, ...segment],
      locals.length === 0 ? p.locals : [...p.locals, ...locals],
      p.constants,
      tail,
      segment.length === 1 ? raw : undefined,
    );
  }

  /**
   * member()'s pointer with `p`'s last operand (its fixed text `last`) and the segment's first
   * one (`first`) as one.
   */
  private joined(
    p: Pointer,
    last: string,
    first: string,
    segment: readonly string[],
    locals: readonly string[],
    raw: string | undefined,
    tail: string | undefined,
  ): Pointer {
    const end = p.operands.length - 1;
    // the lists are copied only when they change (a pointer's lists are never written to)
    let constants = p.constants;
    const at = constants.lastIndexOf(p.operands[end]!);
    if (at >= 0) constants = constants.filter((_, i) => i !== at);
    let operand = this.mod.texts.joinedLiteral(last, first);
    if (operand.length > 24) {
      operand = this.segmentConstant(operand, false);
      constants = [...constants, operand];
    }
    const operands = p.operands.slice(0, end);
    operands.push(operand);
    for (let i = 1; i < segment.length; i++) operands.push(segment[i]!);
    return new Pointer(
      operands,
      locals.length === 0 ? p.locals : [...p.locals, ...locals],
      constants,
      tail,
      segment.length === 1 && raw !== undefined ? last + first : undefined,
    );
  }

  /**
   * A pointer segment's literal as code: itself, or a module constant when longer than 24
   * characters (written once `used`).
   */
  segment(literal: string): string {
    return literal.length > 24 ? this.segmentConstant(literal, true) : literal;
  }

  private segmentConstant(text: string, used: boolean): string {
    return this.mod.constant("PS", text, (n) => bindText(n, text), used);
  }

  key(name: string, room = 30): string {
    const text = this.mod.texts.stringLiteral(name);
    return text.length > Math.min(30, room)
      ? this.mod.constant("K", text, (n) => `const ${n} = ${text};`)
      : text;
  }

  push(
    cond: string,
    p: Pointer,
    keyword: string,
    message: string,
    column?: number,
  ): Doc {
    const args = [
      this.use("e"),
      this.at(p),
      this.mod.texts.stringLiteral(keyword),
      this.mod.texts.stringLiteral(message),
    ];
    if (column !== undefined)
      return cond === "true"
        ? callLine(column, "r.push", args)
        : ifLine(column, cond, "r.push", args);
    if (cond === "true") return callStatement("", "r.push", args);
    return ifStatement(cond, callDoc("r.push", args));
  }

  callCheck(check: string, x: string, p: Pointer, column?: number): Doc {
    const args = [this.use(x), this.at(p), this.use("e"), this.use("d")];
    if (column !== undefined) return callLine(column, check, args);
    return callStatement("", check, args);
  }

  hoist(s: SubSchema): string {
    return this.mod.hoist(this.owner, s);
  }

  unhoist(check: string): void {
    this.mod.unhoist(check);
  }
}
