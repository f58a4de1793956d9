import type { Doc } from "../shared/doc.js";
import { declaredTypes } from "../toolkit.js";
import type { Schema, SchemaType } from "../../model/types.js";
import { type Body, type Keywords, NONE } from "./context.js";
import { constantCall } from "./layout.js";
import { isPrimitive } from "./subschema.js";

/** `type`, `enum` and `const`: what kind of value, and which values. */

const TYPE_TESTS: Record<SchemaType, (x: string, negate: boolean) => string> = {
  string: (x, n) => `typeof ${x} ${n ? "!==" : "==="} "string"`,
  number: (x, n) => `typeof ${x} ${n ? "!==" : "==="} "number"`,
  integer: (x, n) => `${n ? "!" : ""}Number.isInteger(${x})`,
  boolean: (x, n) => `typeof ${x} ${n ? "!==" : "==="} "boolean"`,
  null: (x, n) => `${x} ${n ? "!==" : "==="} null`,
  array: (x, n) => `${n ? "!" : ""}Array.isArray(${x})`,
  object: (x, n) => `${n ? "!" : ""}r.isObject(${x})`,
};

/** The tests of the number types where a number may come as a bigint (ModuleScope.bigints). */
const BIGINT_TESTS: Partial<
  Record<SchemaType, (x: string, negate: boolean) => string>
> = {
  number: (x, n) =>
    n
      ? `typeof ${x} !== "number" && typeof ${x} !== "bigint"`
      : `typeof ${x} === "number" || typeof ${x} === "bigint"`,
  integer: (x, n) =>
    n
      ? `!Number.isInteger(${x}) && typeof ${x} !== "bigint"`
      : `Number.isInteger(${x}) || typeof ${x} === "bigint"`,
};

const NO_TYPES: readonly SchemaType[] = Object.freeze([]);

/** `[type]` for each type, one frozen list each. */
const ONE_TYPE = Object.fromEntries(
  Object.keys(TYPE_TESTS).map((t) => [t, Object.freeze([t])]),
) as Record<SchemaType, readonly SchemaType[]>;

/**
 * The types `type` allows, as its check tests them and its message lists them: once each, in
 * the declared order, `integer` left out beside `number` (it adds nothing).
 */
export function checkedTypes(s: Schema): readonly SchemaType[] {
  // the common cases without a new list: no type, or one (a schema asks three times, body.ts)
  const type = s.type;
  if (type === undefined) return NO_TYPES;
  if (typeof type === "string")
    return Object.hasOwn(ONE_TYPE, type)
      ? ONE_TYPE[type as SchemaType]
      : NO_TYPES;
  const types = declaredTypes(s);
  const kept = types.includes("number")
    ? types.filter((t) => t !== "integer")
    : types;
  return [...new Set(kept)];
}

/** `type`: one test, or a negated disjunction. */
export const typeCheck: Keywords = (b, s, x, p, indent) => {
  const unique = checkedTypes(s);
  if (unique.length === 0) return NONE;
  const v = b.use(x);
  const test = (t: SchemaType) =>
    (b.mod.bigints ? BIGINT_TESTS[t] : undefined) ?? TYPE_TESTS[t]!;
  const cond =
    unique.length === 1
      ? test(unique[0]!)(v, true)
      : `!(${unique.map((t) => test(t)(v, false)).join(" || ")})`;
  return [b.push(cond, p, "type", typeMessage(unique), indent)];
};

/** `must be string` for each single type: the same text each time, so quoted and hashed once. */
const ONE_TYPE_MESSAGE = Object.fromEntries(
  Object.keys(TYPE_TESTS).map((t) => [t, `must be ${t}`]),
) as Record<SchemaType, string>;

/** The type violation's message: `must be string`, `must be string or null`. */
export const typeMessage = (types: readonly SchemaType[]): string =>
  types.length === 1
    ? ONE_TYPE_MESSAGE[types[0]!]
    : `must be ${types.join(" or ")}`;

/** The keywords valueChecks reads (body.ts calls it for a schema with one of them). */
export const VALUE_KEYWORDS = ["enum", "const"] as const;

/**
 * `enum` (a comparison, a Set of primitives, or `r.member` over parsed JSON) and `const` (a
 * comparison, or `r.equal` with parsed JSON).
 */
export const valueChecks: Keywords = (b, s, x, p, indent) => {
  const out: Doc[] = [];
  if (Array.isArray(s.enum) && s.enum.every((v) => v !== undefined)) {
    const values = s.enum;
    let cond: string;
    if (values.length === 0) cond = "true";
    else if (values.length === 1 && isPrimitive(values[0]))
      cond = `${b.use(x)} !== ${b.mod.texts.literal(values[0])}`;
    else if (setOfValues(values)) {
      cond = `!${enumSet(b, values)}.has(${b.use(x)})`;
    } else {
      const name = b.mod.constant("EN", JSON.stringify(values), (n) =>
        constantCall(`const ${n}: unknown[] = `, "JSON.parse", [
          b.mod.texts.stringLiteral(JSON.stringify(values)),
        ]),
      );
      cond = `!r.member(${name}, ${b.use(x)})`;
    }
    out.push(
      b.push(cond, p, "enum", "must be one of the allowed values", indent),
    );
  }
  if ("const" in s && s.const !== undefined) {
    let cond: string;
    if (isPrimitive(s.const))
      cond = `${b.use(x)} !== ${b.mod.texts.literal(s.const)}`;
    else {
      const text = JSON.stringify(s.const);
      const name = b.mod.constant("CO", text, (n) =>
        constantCall(`const ${n}: unknown = `, "JSON.parse", [
          b.mod.texts.stringLiteral(text),
        ]),
      );
      cond = `!r.equal(${b.use(x)}, ${name})`;
    }
    out.push(b.push(cond, p, "const", "must be equal to the constant", indent));
  }
  return out;
};

/** Whether an enum of several values is checked by a Set: primitives, no number among them. */
export const setOfValues = (values: readonly unknown[]): boolean =>
  values.length > 1 &&
  values.every((v) => isPrimitive(v) && typeof v !== "number");

/** The Set constant of an enum's values (setOfValues). */
export function enumSet(b: Body, values: readonly unknown[]): string {
  // the items are quoted only for a new constant (most enums come back: a leaf's is found)
  return b.mod.constant("EN", JSON.stringify(values), (n) =>
    constantCall(`const ${n} = `, "new Set<unknown>", [
      values.map((v) => b.mod.texts.literal(v)),
    ]),
  );
}
