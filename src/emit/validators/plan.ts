import {
  CHECKED_FORMATS,
  allOfPropertyLookup,
  declaredTypes,
  discriminatorCases,
  impliedTypes,
  isAnnotation,
  isFalseSchema,
  isMap,
  refTarget,
  requiredSplit,
  type SubSchema as JsonSubSchema,
} from "../toolkit.js";
import type { ApiModel, NamedSchema, Schema } from "../../model/types.js";

/**
 * The validators as data (docs/validation.md): each schema becomes a node of a plan, which
 * templates/validators/plan.ts compiles into checks on a schema's first use. A node nested
 * {@link NEST_LIMIT} deep moves to the plan's table, so that neither the generator nor the
 * runtime recurses deeper than that on a deep schema.
 */

/** An operation of a plan node: `[code, ...operands]` (templates/validators/plan.ts). */
export type PlanOp = unknown[];

/** A sub-schema in a node: its node in place, or the number of a node of the table */
export type PlanSub = number | PlanOp[];

/** The string formats checked, by their Format constant in templates/validators/formats.ts. */
export const FORMATS: Readonly<Record<string, string>> = Object.fromEntries(
  CHECKED_FORMATS.filter((f) => f !== "int32").map((f) => [
    f,
    f.toUpperCase().replace("-", "_"),
  ]),
);

/** How deep nodes nest in place before a sub-schema's node goes to the table. */
const NEST_LIMIT = 12;

/** A pattern of the plan: `[source, flags]`, or with the linear-time matcher's program. */
type PatternEntry = [string, string] | [string, string, string, string[]];

/** One file's plan: its table of nodes (filled from a worklist), its patterns. */
export class PlanBuilder {
  /** The table's nodes, by number; undefined while pending. */
  readonly nodes: (PlanOp[] | undefined)[] = [];
  readonly patterns: PatternEntry[] = [];
  readonly allOfLookups = new WeakMap<
    Schema,
    (name: string) => JsonSubSchema | undefined
  >();
  readonly schemas: Readonly<Record<string, NamedSchema>>;
  /** Whether a JSON number may come as a bigint (the config's `int64: "bigint"`). */
  readonly bigints: boolean;
  private readonly pending: [number, SubSchema][] = [];
  private readonly regexes = new Map<string, number | null>();
  private readonly interned = new Map<string, number>();
  /** The nodes interned by the text of their schema. */
  private readonly compiled = new Map<string, number>();

  constructor(
    private readonly model: Pick<ApiModel, "schemas" | "patterns" | "scalars">,
    /** The operation calling a named schema's check (undefined: not one of this run's). */
    private readonly refOp: (target: NamedSchema) => PlanOp | undefined,
  ) {
    this.schemas = model.schemas;
    this.bigints = model.scalars?.int64 === "bigint";
  }

  /** The operation calling the named check `ref` points at; undefined when dangling. */
  ref(ref: string): PlanOp | undefined {
    const target = refTarget(this.schemas, ref);
    return target && this.refOp(target);
  }

  /** A new node of the table for `schema`, compiled by finish(). */
  reserve(schema: SubSchema): number {
    const id = this.nodes.push(undefined) - 1;
    this.pending.push([id, schema]);
    return id;
  }

  /** A sub-schema checked on its own (a branch of anyOf): a bare `$ref` is the named check. */
  branch(schema: SubSchema, depth: number): PlanSub {
    if (isBareRef(schema)) {
      const op = this.ref(schema.$ref);
      return op === undefined ? [] : [op];
    }
    return isTrivial(schema) ? [] : this.sub(schema, depth);
  }

  /** The node of `schema` in place, or the number of its node in the table past the limit. */
  sub(schema: SubSchema, depth: number): PlanSub {
    if (depth >= NEST_LIMIT && !isTrivial(schema)) return this.reserve(schema);
    return schemaOps(this, schema, depth + 1);
  }

  /** The index of `pattern`; undefined when invalid or refused (the reading reported it). */
  regex(pattern: string): number | undefined {
    const known = this.regexes.get(pattern);
    if (known !== undefined) return known ?? undefined;
    const guard = this.model.patterns?.get(pattern);
    if (guard === undefined)
      throw new Error(
        `the model has no verdict on the pattern ${JSON.stringify(pattern)} (ApiModel.patterns)`,
      );
    if (guard.kind === "invalid" || guard.kind === "refused") {
      this.regexes.set(pattern, null);
      return undefined;
    }
    const index = this.patterns.length;
    this.patterns.push(
      guard.kind === "regexp"
        ? [pattern, guard.flags]
        : [
            pattern,
            guard.flags,
            guard.program.code.join(","),
            [...guard.program.classes],
          ],
    );
    this.regexes.set(pattern, index);
    return index;
  }

  /**
   * The node of an operation's part (validators/checks writes it by its number), compiled now: a bare
   * `$ref`'s is the named schema's node; schemas of the same text (endpoints repeat their
   * parameters' schemas inline), or of the same operations (they differ in a description), share
   * one. A text holding a null is compiled again: JSON may have made another value null.
   */
  part(schema: SubSchema): number {
    const op = isBareRef(schema) ? this.ref(schema.$ref) : undefined;
    if (op?.[0] === "$") return op[1] as number;
    const text = schemaText(schema);
    let id = text === undefined ? undefined : this.compiled.get(text);
    if (id !== undefined) return id;
    const ops = schemaOps(this, schema, 0);
    const key = JSON.stringify(ops);
    id =
      this.interned.get(key) ??
      this.interned.set(key, this.nodes.push(ops) - 1).get(key)!;
    if (text !== undefined) this.compiled.set(text, id);
    return id;
  }

  /** Compiles what is pending (what compiling adds too). */
  finish(): void {
    for (const [id, schema] of this.pending)
      this.nodes[id] = schemaOps(this, schema, 0);
    this.pending.length = 0;
  }
}

/** `schema` as JSON; undefined when JSON may not hold it exactly (a null may be another value). */
function schemaText(schema: SubSchema): string | undefined {
  try {
    const text = JSON.stringify(schema) as string | undefined;
    return text?.includes("null") === false ? text : undefined;
  } catch {
    return undefined; // a bigint
  }
}

/** JSON Schema (2020-12) → one node's operations, in the order their violations come. */
function schemaOps(b: PlanBuilder, s: SubSchema, depth: number): PlanOp[] {
  if (s === undefined || s === true) return [];
  if (s === false) return [["F"]];
  if (!isObject(s)) return [];
  const out: PlanOp[] = [];
  const op = typeof s.$ref === "string" ? b.ref(s.$ref) : undefined;
  if (op !== undefined) out.push(op);
  // `type`'s types once each, in order; `integer` beside `number` adds nothing
  let types = declaredTypes(s);
  if (types.length > 1)
    types = [
      ...new Set(
        types.includes("number") ? types.filter((t) => t !== "integer") : types,
      ),
    ];
  // without `type`, the types read `properties` as an object and `items` as an array, and so
  // does the check (model impliedTypes): a value it admits is of its type (JSON Schema lets any
  // other value pass; docs/validation.md)
  if (types.length === 0) types = impliedTypes(s);
  if (types.length > 0) out.push(["t", types]);
  if (Array.isArray(s.enum) && s.enum.every((v) => v !== undefined))
    out.push(["e", s.enum]);
  if ("const" in s && s.const !== undefined) out.push(["c", s.const]);
  kind(out, "s", stringOps(b, s));
  kind(out, "n", numberOps(s));
  kind(out, "o", objectOps(b, s, depth));
  kind(out, "a", arrayOps(b, s, depth));
  composition(b, s, depth, out);
  return out;
}

function kind(out: PlanOp[], code: string, ops: PlanOp[]): void {
  if (ops.length > 0) out.push([code, ops]);
}

function stringOps(b: PlanBuilder, s: Schema): PlanOp[] {
  const out: PlanOp[] = [];
  const min = count(s.minLength) && s.minLength > 0 ? s.minLength : null;
  const max = count(s.maxLength) ? s.maxLength : null;
  if (min !== null || max !== null) out.push(["L", min, max]);
  if (typeof s.pattern === "string") {
    // a text over twice maxLength (in UTF-16 units) is invalid already, and the pattern, whose
    // time grows with the text times its counts (`[a-z]{1,1024}$`), is not run on it
    const index = b.regex(s.pattern);
    if (index !== undefined)
      out.push(max === null ? ["p", index] : ["p", index, 2 * max]);
  }
  if (typeof s.format === "string" && Object.hasOwn(FORMATS, s.format))
    out.push(["f", s.format]);
  return out;
}

const BOUNDS = "minimum exclusiveMinimum maximum exclusiveMaximum".split(" ");

function numberOps(s: Schema): PlanOp[] {
  const out: PlanOp[] = [];
  for (const key of BOUNDS) if (num(s[key])) out.push([key, s[key]]);
  if (num(s.multipleOf) && s.multipleOf > 0)
    out.push(["multipleOf", s.multipleOf]);
  if (s.format === "int32") out.push(["int32"]);
  return out;
}

/** Array keywords; additionalItems counts after prefixItems only, as the readers keep it. */
function arrayOps(b: PlanBuilder, s: Schema, depth: number): PlanOp[] {
  const out: PlanOp[] = [];
  if (count(s.minItems) && s.minItems > 0) out.push(["mi", s.minItems]);
  if (count(s.maxItems)) out.push(["ma", s.maxItems]);
  if (s.uniqueItems === true) out.push(["u"]);
  const prefix: SubSchema[] = Array.isArray(s.prefixItems) ? s.prefixItems : [];
  prefix.forEach((item, index) => {
    const sub = b.sub(item, depth);
    if (inPlace(sub)) out.push(["pi", index, sub]);
  });
  const items =
    s.items !== undefined
      ? (s.items as SubSchema)
      : prefix.length > 0
        ? (s.additionalItems as SubSchema)
        : undefined;
  if (isFalseSchema(items)) out.push(["I", prefix.length]);
  else if (items !== undefined) {
    const sub = b.sub(items, depth);
    if (inPlace(sub)) out.push(["it", prefix.length, sub]);
  }
  if (s.contains !== undefined) {
    const min = count(s.minContains) ? s.minContains : 1;
    const max = count(s.maxContains) ? s.maxContains : null;
    if (min > 0 || max !== null)
      out.push(["ct", b.branch(s.contains as SubSchema, depth), min, max]);
  }
  return out;
}

function composition(b: PlanBuilder, s: Schema, depth: number, out: PlanOp[]) {
  const allOf = s.allOf;
  if (Array.isArray(allOf))
    allOf.forEach((member, i) => {
      // a member's `required` may name members its siblings declare (readOnly ones among them)
      if (isObject(member))
        b.allOfLookups.set(member, allOfPropertyLookup(b.schemas, allOf, i));
      const sub = b.sub(member, depth);
      if (typeof sub === "number") out.push(["&", sub]);
      else for (const op of sub) out.push(op);
    });
  for (const keyword of ["anyOf", "oneOf"] as const) {
    const members: SubSchema[] | undefined = s[keyword];
    if (!Array.isArray(members) || members.length === 0) continue;
    if (keyword === "anyOf" && members.some(isTrivial)) continue;
    out.push([
      keyword === "anyOf" ? "any" : "one",
      members.map((m) => b.branch(m, depth)),
      discriminator(b, s, keyword, members),
    ]);
  }
  if (s.not !== undefined) out.push(["not", b.branch(s.not, depth)]);
  if (s.if !== undefined && (s.then !== undefined || s.else !== undefined)) {
    const then = b.sub(s.then as SubSchema, depth);
    const otherwise = b.sub(s.else as SubSchema, depth);
    if (inPlace(then) || inPlace(otherwise))
      out.push([
        "if",
        b.branch(s.if as SubSchema, depth),
        inPlace(then) ? then : null,
        inPlace(otherwise) ? otherwise : null,
      ]);
  }
}

/**
 * OpenAPI's discriminator as a fast path (OAS 3.1 §4.8.25): the property's value picks the one
 * member to check, by `discriminatorCases`; an unknown value falls back to plain anyOf/oneOf, and
 * so does one that the own enums of two members name (DigitalOcean's volume actions share one).
 */
function discriminator(
  b: PlanBuilder,
  s: Schema,
  keyword: "anyOf" | "oneOf",
  members: SubSchema[],
): [string, string[], PlanSub[]] | null {
  const cases = discriminatorCases(b.schemas, s);
  if (!cases) return null;
  const byValue = new Map<string, PlanOp>();
  for (const c of cases) {
    // a member with more than its reference (a sibling keyword) is more than the named check
    if (c.from !== "mapping") {
      if (c.from.keyword !== keyword) continue;
      if (!isBareRef(members[c.from.index])) continue;
      const other = (o: (typeof cases)[number]) =>
        o.from !== "mapping" && o.value === c.value && o.ref !== c.ref;
      if (cases.some(other)) continue;
    }
    const op = b.ref(c.ref);
    if (op && !byValue.has(c.value)) byValue.set(c.value, op);
  }
  if (byValue.size === 0) return null;
  return [
    s.discriminator!.propertyName,
    [...byValue.keys()],
    [...byValue.values()].map((op) => [op]),
  ];
}

/** Whether a sub-schema's node checks something (a node of the table always may). */
function inPlace(sub: PlanSub): boolean {
  return typeof sub === "number" || sub.length > 0;
}

/** Object keywords; the members are read by name unless a keyword needs a loop over the keys. */
function objectOps(b: PlanBuilder, s: Schema, depth: number): PlanOp[] {
  const out: PlanOp[] = [];
  if (Array.isArray(s.required)) {
    // as src/model/schema/schema.ts splits them for every emitter; d: 1 a request, 2 a response
    const split = requiredSplit(b.schemas, s, b.allOfLookups.get(s));
    if (split.always.length > 0) out.push(["r", split.always, 0]);
    if (split.notInRequest.length > 0) out.push(["r", split.notInRequest, 1]);
    if (split.notInResponse.length > 0) out.push(["r", split.notInResponse, 2]);
  }
  const min = count(s.minProperties) && s.minProperties > 0;
  const max = count(s.maxProperties);
  if (min || max)
    out.push(["P", min ? s.minProperties : null, max ? s.maxProperties : null]);
  if (isMap(s.dependentRequired))
    for (const [name, needs] of Object.entries(s.dependentRequired))
      if (Array.isArray(needs) && needs.length > 0)
        out.push(["dr", name, needs.filter((n) => typeof n === "string")]);
  if (isMap(s.dependentSchemas))
    for (const [name, schema] of Object.entries(s.dependentSchemas)) {
      const sub = b.sub(schema as SubSchema, depth);
      if (inPlace(sub)) out.push(["ds", name, sub]);
    }
  const declared = isObject(s.properties as SubSchema)
    ? (s.properties as Record<string, SubSchema>)
    : {};
  const loopNeeded =
    (s.additionalProperties !== undefined && s.additionalProperties !== true) ||
    isObject(s.patternProperties as SubSchema) ||
    (s.propertyNames !== undefined && s.propertyNames !== true);
  if (loopNeeded) {
    const loop = keyLoop(b, s, declared, depth);
    if (loop !== undefined) out.push(loop);
    return out;
  }
  for (const name of Object.keys(declared)) {
    const sub = b.sub(declared[name], depth);
    if (inPlace(sub)) out.push(["pr", name, sub]);
  }
  return out;
}

/**
 * `["k", declared, additional, patterns, propertyNames]`, undefined when it checks nothing. A
 * null sub checks nothing: a declared name is listed so that additionalProperties leaves it
 * alone; additional `false` refuses every other key.
 */
function keyLoop(
  b: PlanBuilder,
  s: Schema,
  declared: Record<string, SubSchema>,
  depth: number,
): PlanOp | undefined {
  const patterns: [number, PlanSub | null][] = [];
  let unknownPattern = false;
  if (isMap(s.patternProperties))
    for (const [pattern, schema] of Object.entries(s.patternProperties)) {
      const index = b.regex(pattern);
      if (index === undefined) {
        unknownPattern = true; // not compilable: its keys count as matched, nothing checked
        continue;
      }
      const sub = b.sub(schema as SubSchema, depth);
      patterns.push([index, inPlace(sub) ? sub : null]);
    }
  const extra = s.additionalProperties as SubSchema;
  let additional: PlanSub | false | null = null;
  if (extra !== undefined && extra !== true && !unknownPattern)
    if (isFalseSchema(extra)) additional = false;
    else {
      const sub = b.sub(extra, depth);
      if (inPlace(sub)) additional = sub;
    }
  const members: [string, PlanSub | null][] = [];
  for (const name of Object.keys(declared)) {
    const sub = b.sub(declared[name], depth);
    if (inPlace(sub)) members.push([name, sub]);
    else if (additional !== null) members.push([name, null]);
  }
  const namesSub = b.sub(s.propertyNames as SubSchema, depth);
  const names = inPlace(namesSub) ? namesSub : null;
  if (
    names === null &&
    additional === null &&
    members.every(([, sub]) => sub === null) &&
    patterns.every(([, sub]) => sub === null)
  )
    return undefined;
  return ["k", members, additional, patterns, names];
}

/** A sub-schema as it sits in its parent: a schema, a boolean schema, or absent. */
type SubSchema = JsonSubSchema | undefined;

const isObject = isMap as (s: SubSchema) => s is Schema;

/** Absent, `true` or `{}`: accepts everything, so nothing is compiled for it. */
function isTrivial(schema: SubSchema): boolean {
  if (schema === undefined || schema === true) return true;
  return isObject(schema) && Object.keys(schema).length === 0;
}

/** A schema whose only constraint is its `$ref` (annotations and `x-` extensions aside). */
export function isBareRef(s: SubSchema): s is Schema & { $ref: string } {
  if (!isObject(s) || typeof s.$ref !== "string") return false;
  return Object.keys(s).every((k) => k === "$ref" || isAnnotation(k));
}

const num = (v: unknown): v is number =>
  typeof v === "number" && Number.isFinite(v);

const count = (v: unknown): v is number =>
  typeof v === "number" && Number.isInteger(v) && v >= 0;
