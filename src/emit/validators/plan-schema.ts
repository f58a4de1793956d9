import { allOfPropertyLookup, discriminatorCases } from "../toolkit.js";
import type { Schema } from "../../model/types.js";
import type { PlanOp, PlanScope, PlanSub } from "./plan-types.js";
import { inPlace, objectOps } from "./plan-objects.js";
import { formatOf } from "./strings.js";
import {
  count,
  isBareRef,
  isFalse,
  isObject,
  isTrivial,
  num,
  type SubSchema,
} from "./subschema.js";
import { checkedTypes } from "./values.js";

/**
 * JSON Schema (the model's 2020-12 dialect) → the operations of one plan node, in the order
 * their violations come: `$ref`, type, enum and const, then a string's, a number's, an object's
 * and an array's keywords (each group run only on a value of its kind), then allOf (its
 * members' operations in place), anyOf, oneOf, not and if/then/else. templates/validators/plan.ts
 * says what each operation checks.
 */
export function schemaOps(b: PlanScope, s: SubSchema, depth: number): PlanOp[] {
  if (s === undefined || s === true) return [];
  if (s === false) return [["F"]];
  if (!isObject(s)) return [];
  const out: PlanOp[] = [];
  if (typeof s.$ref === "string") {
    const op = b.ref(s.$ref);
    if (op !== undefined) out.push(op);
  }
  const types = checkedTypes(s);
  if (types.length > 0) out.push(["t", [...types]]);
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

/** `[code, ops]` onto `out` when there are operations for a value of that kind. */
function kind(out: PlanOp[], code: string, ops: PlanOp[]): void {
  if (ops.length > 0) out.push([code, ops]);
}

/**
 * minLength and maxLength (in code points), pattern (one JavaScript cannot compile, or the
 * reading refused, checks nothing) and format.
 */
function stringOps(b: PlanScope, s: Schema): PlanOp[] {
  const out: PlanOp[] = [];
  const min = count(s.minLength) && s.minLength > 0 ? s.minLength : null;
  const max = count(s.maxLength) ? s.maxLength : null;
  if (min !== null || max !== null) out.push(["L", min, max]);
  if (typeof s.pattern === "string") {
    const index = b.regex(s.pattern);
    if (index !== undefined) out.push(["p", index]);
  }
  if (formatOf(s)) out.push(["f", s.format]);
  return out;
}

const BOUNDS = [
  "minimum",
  "exclusiveMinimum",
  "maximum",
  "exclusiveMaximum",
] as const;

/** The bounds (finite numbers) and multipleOf (a positive one). */
function numberOps(s: Schema): PlanOp[] {
  const out: PlanOp[] = [];
  for (const key of BOUNDS) {
    const v = s[key];
    if (num(v)) out.push([key, v]);
  }
  if (num(s.multipleOf) && s.multipleOf > 0)
    out.push(["multipleOf", s.multipleOf]);
  return out;
}

/**
 * minItems, maxItems, uniqueItems, prefixItems, items (additionalItems after prefixItems, as the
 * readers keep it) and contains with minContains/maxContains.
 */
function arrayOps(b: PlanScope, s: Schema, depth: number): PlanOp[] {
  const out: PlanOp[] = [];
  if (count(s.minItems) && s.minItems > 0) out.push(["mi", s.minItems]);
  if (count(s.maxItems)) out.push(["ma", s.maxItems]);
  if (s.uniqueItems === true) out.push(["u"]);
  const prefix = Array.isArray(s.prefixItems)
    ? (s.prefixItems as SubSchema[])
    : [];
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
  if (isFalse(items)) out.push(["I", prefix.length]);
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

/**
 * allOf (its members' operations in place), anyOf and oneOf (OpenAPI's discriminator as a fast
 * path), not and if/then/else.
 */
function composition(
  b: PlanScope,
  s: Schema,
  depth: number,
  out: PlanOp[],
): void {
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
    const list = s[keyword];
    if (!Array.isArray(list) || list.length === 0) continue;
    const members = list as SubSchema[];
    if (keyword === "anyOf" && members.some(isTrivial)) continue;
    const subs = members.map((m) => b.branch(m, depth));
    out.push([
      keyword === "anyOf" ? "any" : "one",
      subs,
      discriminator(b, s, keyword, members),
    ]);
  }
  if (s.not !== undefined)
    out.push(["not", b.branch(s.not as SubSchema, depth)]);
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
 * OpenAPI's discriminator as a fast path (OpenAPI 3.1 §4.8.25): the named property's value
 * picks the one member to check, by the values src/model/schema/schema.ts gives each schema (the
 * mapping, else the member's own const/enum, else its name; the types use the same). Values it
 * does not know fall back to plain anyOf/oneOf. `[property, values, checks]`, or null.
 */
function discriminator(
  b: PlanScope,
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
      const m = members[c.from.index];
      if (!isObject(m) || !isBareRef(m)) continue;
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
