/**
 * What a model schema means, said once for every emitter: where a `$ref` leads, which types a
 * value may have (and whether it may be null), which keywords hold sub-schemas, which keywords
 * only annotate. Schemas are in the model's one dialect (JSON Schema 2020-12, see types.ts), so
 * nothing here knows about `nullable` or `#/definitions`: the readers translated those.
 */

import { setOwn } from "./own.js";
import { schemaRefName } from "./schema-ref.js";
import type { NamedSchema, Schema, SchemaType } from "./types.js";

/** A sub-schema as JSON Schema allows it: a schema object, or `true`/`false`. */
export type SubSchema = Schema | boolean;

// ---------------------------------------------------------------------------------------------
// references

/** The named schema a `$ref` points at, or undefined (not `#/components/schemas/<name>`, or no such name). */
export function refTarget(
  schemas: Readonly<Record<string, NamedSchema>>,
  ref: string,
): NamedSchema | undefined {
  const name = schemaRefName(ref);
  return name !== undefined && Object.hasOwn(schemas, name)
    ? schemas[name]
    : undefined;
}

/**
 * Follows `$ref`s into the named schemas until a schema that is not a reference: undefined for a
 * dangling reference or a cycle of references. A `$ref`'s sibling keywords are not merged in.
 */
export function resolveSchema(
  schemas: Readonly<Record<string, NamedSchema>>,
  schema: Schema | undefined,
): Schema | undefined {
  const seen = new Set<string>();
  let current = schema;
  while (current !== undefined && typeof current.$ref === "string") {
    if (seen.has(current.$ref)) return undefined;
    seen.add(current.$ref);
    current = refTarget(schemas, current.$ref)?.schema;
  }
  return current;
}

// ---------------------------------------------------------------------------------------------
// types and nullability

/** The JSON Schema types the model knows: one list, which the readers check `type` against too. */
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
  const list: unknown[] = Array.isArray(type) ? type : type ? [type] : [];
  return list.filter((t): t is SchemaType => SCHEMA_TYPES.has(t as string));
}

/** Keywords that only an object value can satisfy in a meaningful way. */
const OBJECT_KEYWORDS = [
  "properties",
  "additionalProperties",
  "patternProperties",
] as const;
const ARRAY_KEYWORDS = ["items", "prefixItems"] as const;

/**
 * The types a schema's values have: the declared `type`, else what its keywords imply — an
 * object for `properties`/`additionalProperties`/`patternProperties`, an array for
 * `items`/`prefixItems` — else the types of its `const`/`enum` values (numbers as `integer`
 * when all are whole, else `number`). Empty when nothing says (any value). `$ref`,
 * compositions and sub-schemas are not looked into.
 */
export function effectiveTypes(schema: Schema | undefined): SchemaType[] {
  if (!schema || typeof schema !== "object") return [];
  const declared = declaredTypes(schema);
  if (declared.length > 0) return declared;
  const out: SchemaType[] = [];
  if (OBJECT_KEYWORDS.some((k) => schema[k] !== undefined)) out.push("object");
  if (ARRAY_KEYWORDS.some((k) => schema[k] !== undefined)) out.push("array");
  if (out.length > 0) return out;
  return valueTypes(schemaValues(schema));
}

/** The types a value may have apart from null (see {@link effectiveTypes}). */
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

/** The values `const` (one) or `enum` (a list) allows, or undefined when neither is given. */
export function schemaValues(
  schema: Schema | undefined,
): unknown[] | undefined {
  if (!schema || typeof schema !== "object") return undefined;
  if ("const" in schema) return [schema.const];
  return Array.isArray(schema.enum) ? schema.enum : undefined;
}

/** `const`/`enum` values a URL, header or form field can carry: strings, numbers, booleans. */
export function scalarValues(
  schema: Schema | undefined,
): (string | number | boolean)[] | undefined {
  const values = schemaValues(schema);
  if (!values) return undefined;
  const scalars = values.filter(
    (v): v is string | number | boolean =>
      typeof v === "string" || typeof v === "number" || typeof v === "boolean",
  );
  return scalars.length > 0 ? scalars : undefined;
}

/** The JSON types of some values, in a fixed order; numbers are `integer` only when all are whole. */
function valueTypes(values: unknown[] | undefined): SchemaType[] {
  if (!values || values.length === 0) return [];
  const found = new Set<SchemaType>();
  const numbers = values.filter((v) => typeof v === "number");
  for (const v of values)
    if (typeof v === "string") found.add("string");
    else if (typeof v === "boolean") found.add("boolean");
    else if (v === null) found.add("null");
    else if (Array.isArray(v)) found.add("array");
    else if (typeof v === "object") found.add("object");
  if (numbers.length > 0)
    found.add(numbers.every((v) => Number.isInteger(v)) ? "integer" : "number");
  return [...SCHEMA_TYPES].filter((t): t is SchemaType =>
    found.has(t as SchemaType),
  );
}

// ---------------------------------------------------------------------------------------------
// keywords

/**
 * Keywords that only document a schema: no generated type, check or handler signature depends
 * on them (JSON Schema 2020-12 meta-data and OpenAPI's `example` and `externalDocs`).
 */
export const DOCUMENTATION_KEYWORDS: ReadonlySet<string> = new Set([
  "title",
  "description",
  "default",
  "examples",
  "example",
  "deprecated",
  "externalDocs",
  "$comment",
]);

/**
 * Keywords that annotate a value without constraining it: the documentation keywords, plus
 * `readOnly`/`writeOnly` (which direction a member travels), OpenAPI's `xml` and
 * `discriminator` (a hint; the oneOf/anyOf it sits beside decides). `x-` extensions are
 * annotations too: see {@link isAnnotation}.
 */
export const ANNOTATION_KEYWORDS: ReadonlySet<string> = new Set([
  ...DOCUMENTATION_KEYWORDS,
  "readOnly",
  "writeOnly",
  "xml",
  "discriminator",
]);

/** True for an annotation-only keyword, `x-` extensions included. */
export function isAnnotation(keyword: string): boolean {
  return ANNOTATION_KEYWORDS.has(keyword) || keyword.startsWith("x-");
}

/** Keywords whose value is data, never a schema: a `$ref` member inside is not a reference. */
export const DATA_KEYWORDS: ReadonlySet<string> = new Set([
  "enum",
  "const",
  "default",
  "example",
  "examples",
]);

// ---------------------------------------------------------------------------------------------
// sub-schemas

/** Keywords whose value is one sub-schema. */
export const SCHEMA_KEYWORDS = [
  "additionalProperties",
  "items",
  "additionalItems",
  "contains",
  "propertyNames",
  "not",
  "if",
  "then",
  "else",
  "unevaluatedItems",
  "unevaluatedProperties",
  "contentSchema",
] as const;

/** Keywords whose value is a list of sub-schemas (`items` as a list is draft 4's tuple). */
export const SCHEMA_LIST_KEYWORDS = [
  "allOf",
  "anyOf",
  "oneOf",
  "prefixItems",
  "items",
] as const;

/** Keywords whose value maps names (property names, patterns, definition names) to sub-schemas. */
export const SCHEMA_MAP_KEYWORDS = [
  "properties",
  "patternProperties",
  "dependentSchemas",
  "$defs",
  "definitions",
  "dependencies",
] as const;

/** Where a sub-schema sits in its parent: the keyword, and the name or index under it. */
export interface SubSchemaSite {
  keyword: string;
  /** The property name, pattern or definition name (map keywords), or the index (list keywords). */
  key?: string | number;
  schema: SubSchema;
}

function isSubSchema(value: unknown): value is SubSchema {
  return (
    typeof value === "boolean" ||
    (typeof value === "object" && value !== null && !Array.isArray(value))
  );
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The direct sub-schemas of a schema, every keyword that holds one (in/applicator, 2020-12 and
 * the older spellings readers may keep: `additionalItems`, `definitions`, `dependencies`), in
 * the schema's own key order. Data keywords (`enum`, `const`, `default`, examples) are never
 * looked into, nor is a `$ref` followed.
 */
export function subSchemas(schema: SubSchema | undefined): SubSchemaSite[] {
  const out: SubSchemaSite[] = [];
  if (!isMap(schema)) return out;
  for (const [keyword, value] of Object.entries(schema)) {
    if (Array.isArray(value)) {
      if ((SCHEMA_LIST_KEYWORDS as readonly string[]).includes(keyword))
        value.forEach((item, key) => {
          if (isSubSchema(item)) out.push({ keyword, key, schema: item });
        });
    } else if ((SCHEMA_KEYWORDS as readonly string[]).includes(keyword)) {
      if (isSubSchema(value)) out.push({ keyword, schema: value });
    } else if (
      (SCHEMA_MAP_KEYWORDS as readonly string[]).includes(keyword) &&
      isMap(value)
    ) {
      // `dependencies` maps to a schema or to a list of names (a list is no sub-schema)
      for (const [key, item] of Object.entries(value))
        if (isSubSchema(item)) out.push({ keyword, key, schema: item });
    }
  }
  return out;
}

/**
 * Visits a schema and every schema below it, depth first, parents before children. `visit`
 * returning false skips the children of that schema. Each object is visited once even when the
 * model shares it between places, so a shared sub-tree costs once.
 */
export function walkSchema(
  schema: SubSchema | undefined,
  visit: (schema: SubSchema, site: SubSchemaSite | undefined) => boolean | void,
): void {
  if (schema === undefined) return;
  const seen = new Set<object>();
  const stack: [SubSchema, SubSchemaSite | undefined][] = [[schema, undefined]];
  while (stack.length > 0) {
    const [current, site] = stack.pop()!;
    if (typeof current === "object") {
      if (seen.has(current)) continue;
      seen.add(current);
    }
    if (visit(current, site) === false) continue;
    const children = subSchemas(current);
    for (let i = children.length - 1; i >= 0; i--)
      stack.push([children[i]!.schema, children[i]]);
  }
}

/**
 * The schema with `fn` applied to each direct sub-schema (the same keywords as
 * {@link subSchemas}); every other keyword is kept as it is. `fn` returning undefined drops
 * that sub-schema (a member of a map or list, or the keyword).
 */
export function mapSubSchemas(
  schema: Schema,
  fn: (sub: SubSchema, site: SubSchemaSite) => SubSchema | undefined,
): Schema {
  const out: Schema = {};
  for (const [keyword, value] of Object.entries(schema)) {
    let mapped: unknown = value;
    if (Array.isArray(value)) {
      if ((SCHEMA_LIST_KEYWORDS as readonly string[]).includes(keyword))
        mapped = value.flatMap((item, key) => {
          if (!isSubSchema(item)) return [item];
          const next = fn(item, { keyword, key, schema: item });
          return next === undefined ? [] : [next];
        });
    } else if ((SCHEMA_KEYWORDS as readonly string[]).includes(keyword)) {
      if (isSubSchema(value)) mapped = fn(value, { keyword, schema: value });
    } else if (
      (SCHEMA_MAP_KEYWORDS as readonly string[]).includes(keyword) &&
      isMap(value)
    ) {
      const map: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) {
        const next = isSubSchema(item)
          ? fn(item, { keyword, key, schema: item })
          : item;
        if (next !== undefined) setOwn(map, key, next);
      }
      mapped = map;
    }
    if (mapped !== undefined) setOwn(out, keyword, mapped);
  }
  return out;
}
