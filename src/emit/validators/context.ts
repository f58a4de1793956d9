import type { NamedSchema, Schema } from "../../model/types.js";
import type { Doc } from "../shared/doc.js";
import type { Sum } from "./layout.js";
import type { SubSchema as JsonSubSchema } from "../toolkit.js";
import type { SubSchema } from "./subschema.js";
import type { ValidatorTexts } from "./text.js";

/**
 * What a keyword family (values.ts, numbers.ts, strings.ts, arrays.ts, objects.ts,
 * properties.ts, composition.ts, refs.ts) is given: the function being written (body.ts) and the
 * module around it (module.ts). A family returns statements as docs, and every name its code
 * reads it takes through `use`/`at`, so the function knows which parameters and locals are read
 * without looking at its own text.
 */

/** A JSON pointer expression: `p`, or `p + "/name"`, kept as its operands. */
export class Pointer implements Sum {
  constructor(
    readonly operands: readonly string[],
    /** The parameters and locals its text reads. */
    readonly locals: readonly string[],
    /** The module constants its text refers to. */
    readonly constants: readonly string[] = [],
    /**
     * The pointer past its first operand as plain text (`/a/b` for `p + "/a" + "/b"`) when
     * every operand after the first is a fixed segment; undefined when one is computed.
     */
    readonly tail: string | undefined = operands.length === 1 ? "" : undefined,
    /** The last operand's text when it is a fixed segment (a literal or a constant of one). */
    readonly last?: string,
  ) {}

  /** The check function's own pointer parameter. */
  static readonly param = new Pointer(["p"], ["p"]);

  private joined: string | undefined;

  /** The expression's text, joined once (every violation and call at the pointer writes it). */
  get text(): string {
    return (this.joined ??= this.operands.join(" + "));
  }

  /** Built from parts (a sum), not a plain name. */
  get built(): boolean {
    return this.operands.length > 1;
  }
}

/** The module scope a function is written in (module.ts). */
export interface ModuleScope {
  /** The model's named schemas, which `$ref`s point at. */
  readonly schemas: Readonly<Record<string, NamedSchema>>;
  /**
   * Whether the common shapes take their compact forms (a leaf property as one runtime call,
   * leaf.ts; a type test and its statements as if/else); false writes them out, for tests.
   */
  readonly compact: boolean;
  /**
   * Whether a leaf's line made before in the module is found again rather than made (leaf.ts,
   * leafLines); false makes each, for tests.
   */
  readonly leafReuse: boolean;
  /** The run's texts, each made once (text.ts). */
  readonly texts: ValidatorTexts;
  /**
   * Whether a JSON number may come as a bigint: with the config's `int64: "bigint"`, the
   * lossless JSON reader keeps an integer past Number's safe range as one, and the checks run
   * on what it read. `integer` and `number` then take a bigint, and the number keywords check
   * it exactly (comparisons of a bigint and a number are exact in JavaScript).
   */
  readonly bigints: boolean;
  /** The leaf lines made so far in the module, by place and property name (leaf.ts). */
  readonly leafLines: Map<string, LeafLines>;
  /**
   * Where an allOf member finds the members its `required` names (its siblings declare them):
   * set by composition.ts before the member is compiled, read by objects.ts.
   */
  readonly allOfLookups: WeakMap<
    Schema,
    (name: string) => JsonSubSchema | undefined
  >;
  /** The named check `ref` points at, recorded as called (undefined when dangling). */
  checkOfRef(ref: string): string | undefined;
  /** The named check `ref` points at, not recorded. */
  lookupRef(ref: string): string | undefined;
  /** Records a named check as called. */
  useCheck(check: string): string;
  /** A module constant (the same key gives the same one), written when used. */
  constant(
    prefix: string,
    key: string,
    render: (name: string) => string,
    used?: boolean,
  ): string;
  /** Records that code refers to the constant `name`. */
  use(name: string): string;
  /** The RegExp constant of `pattern`; undefined when JavaScript cannot compile it. */
  regex(pattern: string, used?: boolean): string | undefined;
  /** The function that checks `s` on its own: a named check, or a new function of `owner`'s. */
  hoist(owner: string, s: SubSchema): string;
  /** Takes back what hoist() gave when no statement calls it. */
  unhoist(name: string): void;
}

/** The function being written: its locals, what it reads, its statements' common shapes. */
export interface Body {
  readonly mod: ModuleScope;
  /** Statements checking value `x` at pointer `p`, written at column `indent`. */
  schema(s: SubSchema, x: string, p: Pointer, indent: number): Doc[];
  /** A fresh local: `prefix` and the function's next number. */
  local(prefix: string): string;
  /** `name` (a parameter or local), recorded as read. */
  use(name: string): string;
  /** Whether the code written so far reads `name`. */
  reads(name: string): boolean;
  /** The pointer, recorded as read (its locals and constants). */
  at(p: Pointer): Pointer;
  /** The pointer's text, recorded as read. */
  pointerText(p: Pointer): string;
  /**
   * `p + segment`; a long literal segment becomes a module constant. `raw` is a fixed
   * segment's text (unquoted), kept in the pointer's tail.
   */
  member(
    p: Pointer,
    segment: readonly string[],
    locals?: readonly string[],
    raw?: string,
  ): Pointer;
  /**
   * A fixed pointer text's literal (`"/a/b"`, joinedLiteral) as code: itself, or a module
   * constant when long.
   */
  segment(literal: string): string;
  /** A property name as a key expression (a module constant when longer than `room`). */
  key(name: string, room?: number): string;
  /**
   * `r.push(e, p, keyword, message)`, under `if (cond)` unless cond is `"true"`; `column`, when
   * known, is where the statement is written (one that fits there is made as its text).
   */
  push(
    cond: string,
    p: Pointer,
    keyword: string,
    message: string,
    column?: number,
  ): Doc;
  /** `check(x, p, e, d);` (`column`: as push's) */
  callCheck(check: string, x: string, p: Pointer, column?: number): Doc;
  /** The function checking `s` on its own (hoisted into the module). */
  hoist(s: SubSchema): string;
  /** Takes back a hoisted function no statement calls. */
  unhoist(check: string): void;
}

/** A keyword family: the statements for its keywords of `s` (value `x`, pointer `p`). */
/**
 * No statements: what a family gives for a schema without its keywords (most schemas have a
 * few keywords of one family). Frozen and shared: a family's result is only read.
 */
export const NONE = Object.freeze([]) as unknown as Doc[];

export type Keywords = (
  b: Body,
  s: Schema,
  x: string,
  p: Pointer,
  indent: number,
) => Doc[];

/**
 * A leaf's line as it was made, and what it was made of besides its place and name: the same
 * text past its value's name wherever the place is (`["login"], p, "/owner/login", e);`).
 */
export interface LeafLine {
  readonly check: string;
  readonly last: string | undefined;
  /** The text past `check(x`. */
  readonly rest: string;
  /** The line's width less its value's name's. */
  readonly width: number;
  /** The value's name the line was last given with, and that line's text. */
  x: string;
  text: string;
}

/** The leaf lines made at one place (leafLines), by property name. */
export type LeafLines = Map<string, LeafLine[]>;
