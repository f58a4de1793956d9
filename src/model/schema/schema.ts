/**
 * What a model schema means, said once for every emitter: `$ref`s, the types of values, the
 * keywords that nest or annotate, members and `required`, discriminators.
 */

import { findProperty } from "./members.js";
import { refAlone, refTarget, resolveSchema, schemaRef } from "./ref.js";
import {
  isAnnotation,
  isMap,
  isSchemaObject,
  LIST,
  MAP,
  mapSubSchemas,
  ONE,
  type SubSchema,
} from "./walk.js";
import { canonicalJson } from "../order.js";
import type { NamedSchema, Schema, SchemaType } from "../types.js";

export {
  DOCUMENTATION_KEYWORDS,
  isAnnotation,
  isMap,
  isSubSchema,
  mapSubSchemas,
  SCHEMA_KEYWORDS,
  SCHEMA_LIST_KEYWORDS,
  SCHEMA_MAP_KEYWORDS,
  walkSchemaNodes,
  type SubSchema,
} from "./walk.js";
export {
  allOfPropertyLookup,
  findProperty,
  requiredSplit,
  requiresDirectional,
  type RequiredSplit,
} from "./members.js";
export { refTarget, resolveSchema } from "./ref.js";

/** The JSON Schema types the model knows; the readers check `type` against it too. */
export const SCHEMA_TYPES: ReadonlySet<string> = new Set<SchemaType>([
  "string",
  "number",
  "integer",
  "boolean",
  "array",
  "object",
  "null",
]);

/** The types `type` declares (a string or a list), in its order; empty when it declares none. */
export function declaredTypes(schema: Schema | undefined): SchemaType[] {
  const type = schema?.type;
  const list: unknown[] = Array.isArray(type) ? type : [type];
  return list.filter((t): t is SchemaType => SCHEMA_TYPES.has(t as string));
}

/**
 * A schema's `description`, `title` or `deprecated: true`: its own, else that of an `allOf`
 * member saying nothing but annotations. OpenAPI 3.0 ignores a `$ref`'s siblings, so
 * `allOf: [{$ref: X}, {description}]` is how a member of another schema is described (AWS's,
 * Box's, Plaid's).
 */
export function annotationOf<K extends "description" | "title" | "deprecated">(
  schema: Schema,
  keyword: K,
): (K extends "deprecated" ? true : string) | undefined {
  for (const s of [schema, ...(schema.allOf ?? [])]) {
    const value: unknown = isSchemaObject(s) ? s[keyword] : undefined;
    if (
      (value === true || (typeof value === "string" && value.trim() !== "")) &&
      (s === schema || Object.keys(s).every(isAnnotation))
    )
      return value as K extends "deprecated" ? true : string;
  }
  return undefined;
}

const OBJECT_KEYWORDS = [
  "properties",
  "additionalProperties",
  "patternProperties",
] as const;

/**
 * The types a schema's values have: its `type`, else what its keywords imply, else its `const`/`enum`
 * values'; empty: any value. `$ref`, compositions and sub-schemas are not looked into.
 */
export function effectiveTypes(schema: Schema | undefined): SchemaType[] {
  if (!schema || typeof schema !== "object") return [];
  const declared = declaredTypes(schema);
  if (declared.length > 0) return declared;
  // a reference (most schemas without a type) has none of the keywords below: not looked up
  if (typeof schema.$ref === "string" && refAlone(schema)) return [];
  const out: SchemaType[] = [];
  if (OBJECT_KEYWORDS.some((k) => schema[k] !== undefined)) out.push("object");
  // not `prefixItems`: without `type`, a tuple (draft-4 `items: [A, B]`, which Slack writes for
  // "one of A, B") says nothing of non-arrays, and real specs send objects and nulls there
  if (schema.items !== undefined) out.push("array");
  return out.length > 0 ? out : valueTypes(schemaValues(schema));
}

const COMPOSED = "$ref allOf anyOf oneOf not enum const".split(" ");

/**
 * The types the validators check a schema without `type` for: what its keywords imply
 * (`effectiveTypes`), where no composition or value names other types (docs/validation.md).
 */
export const impliedTypes = (schema: Schema) =>
  COMPOSED.some((k) => schema[k] !== undefined) ? [] : effectiveTypes(schema);

export function nonNullTypes(schema: Schema | undefined): SchemaType[] {
  return effectiveTypes(schema).filter((t) => t !== "null");
}

/** The one type a present value has (null aside), or undefined when none or several are possible. */
export function mainType(schema: Schema | undefined): SchemaType | undefined {
  const types = nonNullTypes(schema);
  return types.length === 1 ? types[0] : undefined;
}

/** True when null is one of the schema's values: `null` among its types (3.1), or its const/enum. */
export function isNullable(schema: Schema | undefined): boolean {
  if (!schema || typeof schema !== "object") return false;
  if (effectiveTypes(schema).includes("null")) return true;
  return (
    declaredTypes(schema).length === 0 &&
    schemaValues(schema)?.includes(null) === true
  );
}

/**
 * Whether a value of JSON type `type` may satisfy `schema` as far as types say (not `not`, `if`,
 * bounds): not when its types, `$ref` target, an `allOf` member or all `anyOf`/`oneOf` rule it out.
 */
export function admitsType(
  schemas: Readonly<Record<string, NamedSchema>>,
  schema: SubSchema | undefined,
  type: SchemaType,
  seen = new Set<object>(),
): boolean {
  if (schema === false) return false;
  if (!isSchemaObject(schema) || seen.has(schema)) return true;
  seen.add(schema);
  const types = effectiveTypes(schema);
  if (types.length > 0 && !types.some((t) => sameType(t, type))) return false;
  const admits = (s?: SubSchema) => admitsType(schemas, s, type, seen);
  const ref = schema.$ref;
  if (typeof ref === "string" && !admits(refTarget(schemas, ref)?.schema))
    return false;
  if (Array.isArray(schema.allOf) && !schema.allOf.every(admits)) return false;
  for (const keyword of ["anyOf", "oneOf"] as const) {
    const some = schema[keyword];
    if (Array.isArray(some) && some.length > 0 && !some.some(admits))
      return false;
  }
  return true;
}

/**
 * Whether every value of JSON type `type` satisfies `schema`: following `$ref`s, it says nothing
 * but (annotations aside) a `type` that names it, or nothing at all (`{}`, `true`).
 */
export function admitsEvery(
  schemas: Readonly<Record<string, NamedSchema>>,
  schema: SubSchema | undefined,
  type: SchemaType,
): boolean {
  if (schema === undefined || schema === true) return true;
  const resolved = isSchemaObject(schema)
    ? resolveSchema(schemas, schema)
    : undefined;
  if (resolved === undefined) return false;
  for (const keyword of Object.keys(resolved))
    if (keyword !== "type" && !isAnnotation(keyword)) return false;
  return resolved.type === undefined || declaredTypes(resolved).includes(type);
}

/** Whether a value can be of both types: the same, or integer beside number. */
export function sameType(a: SchemaType, b: SchemaType): boolean {
  return a === b || [a, b].every((t) => t === "number" || t === "integer");
}

/**
 * Where a written `type` shares no type with an allOf member, or with any anyOf/oneOf alternative
 * (Vercel's `type: "null"` beside a oneOf of strings), no value is valid; `$ref`s are not judged.
 */
export function typeOutsideAlternatives(schema: Schema) {
  const own = declaredTypes(schema);
  return (["allOf", "anyOf", "oneOf"] as const).flatMap((key) => {
    const members = schema[key];
    if (!own.length || !Array.isArray(members) || !members.length) return [];
    const types = members.map((m) => declaredTypes(m));
    const apart = types.map(
      (t) => t.length > 0 && !t.some((b) => own.some((a) => sameType(a, b))),
    );
    const at =
      key === "allOf" ? apart.indexOf(true) : apart.every(Boolean) ? 0 : -1;
    const theirs = key === "allOf" ? types[at] : [...new Set(types.flat())];
    return at < 0 ? [] : [{ key, at, own, theirs: theirs! }];
  });
}

/** Whether `value` is an instance of the JSON Schema type `type`. */
export function isOfType(type: string, value: unknown): boolean {
  if (type === "integer") return Number.isInteger(value);
  if (type === "null") return value === null;
  if (type === "array") return Array.isArray(value);
  if (type === "object") return isSchemaObject(value);
  return typeof value === type;
}

/** The values `const` (one) or `enum` (a list) allows, or undefined when neither is given. */
export function schemaValues(schema: Schema | undefined) {
  if (!schema || typeof schema !== "object") return undefined;
  if ("const" in schema) return [schema.const];
  return Array.isArray(schema.enum) ? schema.enum : undefined;
}

/** `const`/`enum` values a URL, header or form field can carry: strings, numbers, booleans. */
export function scalarValues(schema: Schema | undefined) {
  const scalars = schemaValues(schema)?.filter(
    (v): v is string | number | boolean =>
      typeof v === "string" || typeof v === "number" || typeof v === "boolean",
  );
  return scalars && scalars.length > 0 ? scalars : undefined;
}

/** The JSON types of some values, in SCHEMA_TYPES order; `integer` when all numbers are whole. */
function valueTypes(values: unknown[] | undefined): SchemaType[] {
  const numbers = values?.filter((v) => typeof v === "number") ?? [];
  const whole = numbers.every((v) => Number.isInteger(v));
  return [...SCHEMA_TYPES].filter((t): t is SchemaType =>
    t === "number" || t === "integer"
      ? numbers.length > 0 && whole === (t === "integer")
      : values?.some((v) => isOfType(t, v)) === true,
  );
}

/** One value of a discriminator's property and the named schema it selects. */
export interface DiscriminatorCase {
  value: string;
  /** `#/components/schemas/<name>` of the selected schema. */
  ref: string;
  /** Whether the mapping names it, else which oneOf/anyOf member it comes from. */
  from: "mapping" | { keyword: "oneOf" | "anyOf"; index: number };
}

/**
 * A `discriminator`'s cases (OpenAPI 3.1 §4.8.25) by the rules of docs/types.md, "Discriminators":
 * the mapping's, then each unmapped oneOf/anyOf `$ref` member's, of a schema objects can
 * satisfy (not GitHub's `array`: its content-directory). Undefined without one.
 */
export function discriminatorCases(
  schemas: Readonly<Record<string, NamedSchema>>,
  schema: Schema,
): DiscriminatorCase[] | undefined {
  const d = schema.discriminator;
  if (!isSchemaObject(d) || typeof d.propertyName !== "string")
    return undefined;
  const cases: DiscriminatorCase[] = [];
  const mapping = isSchemaObject(d.mapping) ? d.mapping : {};
  for (const [value, target] of Object.entries(mapping)) {
    if (typeof target !== "string") continue;
    const ref = [target, schemaRef(target)].find((r) => refTarget(schemas, r));
    if (ref === undefined) continue;
    cases.push({ value, ref, from: "mapping" });
  }
  const mapped = new Set(cases.map((c) => c.ref));
  for (const keyword of ["oneOf", "anyOf"] as const) {
    const members = schema[keyword];
    if (!Array.isArray(members)) continue;
    members.forEach((member, index) => {
      if (!isSchemaObject(member) || typeof member.$ref !== "string") return;
      const target = refTarget(schemas, member.$ref);
      if (!target || mapped.has(member.$ref)) return;
      const values = ownDiscriminatorValues(
        schemas,
        member,
        d.propertyName,
      ) ?? [target.name];
      for (const value of values)
        cases.push({ value, ref: member.$ref, from: { keyword, index } });
    });
  }
  return cases.filter((c) => admitsType(schemas, { $ref: c.ref }, "object"));
}

/** The strings a schema's own `const`/`enum` allows for `property`; undefined when none. */
export function ownDiscriminatorValues(
  schemas: Readonly<Record<string, NamedSchema>>,
  schema: Schema,
  property: string,
): string[] | undefined {
  const found = findProperty(schemas, schema, property);
  const resolved = isSchemaObject(found)
    ? resolveSchema(schemas, found)
    : undefined;
  const values = schemaValues(resolved)?.filter(
    (v): v is string => typeof v === "string",
  );
  return values && values.length > 0 ? [...new Set(values)] : undefined;
}

/** `false`, or `{not: {}}` as the readers write it (beside any keyword): it admits nothing. */
export function isFalseSchema(schema: SubSchema | undefined): boolean {
  const not: unknown = typeof schema === "object" ? schema.not : undefined;
  return (
    schema === false ||
    not === true ||
    (isSchemaObject(not) && Object.keys(not).length === 0)
  );
}

/**
 * Whether two schemas allow the same: equal without the keywords `drop` names (annotations), in
 * any keyword order, each side's `$ref`s followed into its own named schemas (`named`: a reference
 * is the schema it names, inlined or not). Co-inductive, so recursive schemas end: a pair under
 * comparison, or in `seen` (pairs that calls answering "same" compared), is taken as equal. Past
 * 50,000 pairs compared, the answer is "different".
 */
export function sameSchema(
  a: SubSchema | undefined,
  b: SubSchema | undefined,
  named: readonly (Readonly<Record<string, NamedSchema>> | undefined)[] = [],
  drop = isAnnotation,
  seen = new Map<object, Set<object>>(),
): boolean {
  const kept = (s: Schema) =>
    Object.keys(s).filter((k) => s[k] !== undefined && !drop(k));
  const sorted = (keys: string[]) => canonicalJson(keys.sort());
  const target = (ref: unknown, side: number) =>
    refTarget(named[side], String(ref))?.schema;
  // a `$ref` beside annotations alone is the schema it names
  const follow = (s: unknown, side: number) => {
    for (let to, hops = 0; hops < 64 && isSchemaObject(s); s = to, hops++)
      if (kept(s).length > 1 || !(to = target(s.$ref, side))) break;
    return s;
  };
  const todo: unknown[][] = [[a, b]];
  for (let budget = 50_000; todo.length > 0; budget--) {
    const [u, v] = todo.pop()!.map(follow);
    if (budget === 0) return false;
    if (u === v && named[0] === named[1]) continue;
    if (Array.isArray(u) && Array.isArray(v) && u.length === v.length) {
      u.forEach((x, i) => todo.push([x, v[i]]));
      continue;
    }
    if (!isSchemaObject(u) || !isSchemaObject(v))
      if (canonicalJson(u) === canonicalJson(v)) continue;
      else return false;
    if (seen.get(u)?.has(v)) continue;
    seen.set(u, (seen.get(u) ?? new Set()).add(v));
    const keys = kept(u);
    if (sorted(keys) !== sorted(kept(v))) return false;
    for (const k of keys) {
      const [x, y] = [u[k], v[k]];
      const refs = k === "$ref" ? [target(x, 0), target(y, 1)] : [];
      if (refs[0] && refs[1]) todo.push(refs);
      else if (ONE.has(k) || LIST.has(k)) todo.push([x, y]);
      else if (
        MAP.has(k) &&
        isMap(x) &&
        isMap(y) &&
        sorted(Object.keys(x)) === sorted(Object.keys(y))
      )
        for (const n of Object.keys(x)) todo.push([x[n], y[n]]);
      else if (canonicalJson(x) !== canonicalJson(y)) return false;
    }
  }
  return true;
}

/** The schema without annotations at any depth (a property named `description` is kept). */
export function withoutAnnotations(schema: SubSchema): SubSchema {
  if (typeof schema === "boolean") return schema;
  const bare: Schema = Object.fromEntries(
    Object.keys(schema)
      .filter((keyword) => !isAnnotation(keyword))
      .map((keyword) => [keyword, schema[keyword]]),
  );
  return mapSubSchemas(bare, withoutAnnotations);
}
