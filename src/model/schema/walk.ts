/**
 * What each keyword of a model schema is (an annotation, data, or a holder of sub-schemas) and
 * the walker over sub-schemas; re-exported by schema.ts, where every emitter imports them from.
 */

import { setOwn } from "../own-property.js";
import type { Schema } from "../types.js";

/** A sub-schema as JSON Schema allows it: a schema object, or `true`/`false`. */
export type SubSchema = Schema | boolean;

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
const ANNOTATION_KEYWORDS: ReadonlySet<string> = new Set([
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

/** Bits of {@link SUB_SCHEMA_KINDS}: the keyword holds one sub-schema, a list, a map of them. */
const ONE = 1;
const LIST = 2;
const MAP = 4;

/**
 * What each sub-schema keyword may hold (`items`: one, or a list): one lookup per keyword of a
 * schema, and the value of any other keyword is never read.
 */
const SUB_SCHEMA_KINDS: ReadonlyMap<string, number> = (() => {
  const kinds = new Map<string, number>();
  const add = (keywords: readonly string[], kind: number) => {
    for (const k of keywords) kinds.set(k, (kinds.get(k) ?? 0) | kind);
  };
  add(SCHEMA_KEYWORDS, ONE);
  add(SCHEMA_LIST_KEYWORDS, LIST);
  add(SCHEMA_MAP_KEYWORDS, MAP);
  return kinds;
})();

/** A value where a sub-schema may stand: a boolean schema or a schema object. */
export function isSubSchema(value: unknown): value is SubSchema {
  return (
    typeof value === "boolean" ||
    (typeof value === "object" && value !== null && !Array.isArray(value))
  );
}

/** A plain object (not an array): what a map keyword (`properties`, `$defs`) holds. */
export function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A schema object (not `true`/`false`, not a list). */
export const isSchemaObject = isMap as (value: unknown) => value is Schema;

/**
 * Appends the direct sub-schemas of `schema` to `out`, every keyword that holds one
 * (in/applicator, 2020-12 and the older spellings readers may keep: `additionalItems`,
 * `definitions`, `dependencies`), in the schema's own key order. Data keywords (`enum`,
 * `const`, `default`, examples) are never looked into, nor is a `$ref` followed.
 */
function pushSubSchemas(schema: SubSchema | undefined, out: SubSchema[]): void {
  if (!isMap(schema)) return;
  // for...in, not for...of over Object.keys: no list of keys and no iterator result per key
  // (every walk of every schema, mostly unoptimized code). The model's objects are plain data
  // whose prototype is Object.prototype (JSON.parse, the YAML loader, setOwn copies), so it
  // visits exactly their own keys, in the same order.
  for (const keyword in schema) {
    const kind = SUB_SCHEMA_KINDS.get(keyword);
    if (kind === undefined) continue;
    const value = schema[keyword];
    if (Array.isArray(value)) {
      if (kind & LIST)
        for (let key = 0; key < value.length; key++) {
          const item: unknown = value[key];
          if (isSubSchema(item)) out.push(item);
        }
    } else if (kind & ONE) {
      if (isSubSchema(value)) out.push(value);
    } else if (kind & MAP && isMap(value)) {
      // `dependencies` maps to a schema or to a list of names (a list is no sub-schema)
      for (const key in value) {
        const item = value[key];
        if (isSubSchema(item)) out.push(item);
      }
    }
  }
}

/**
 * Visits a schema and every schema below it, depth first, parents before children. `visit`
 * returning false skips the children of that schema. Each object is visited once even when the
 * model shares it between places, so a shared sub-tree costs once.
 */
export function walkSchemaNodes(
  schema: SubSchema | undefined,
  visit: (schema: SubSchema) => boolean | void,
): void {
  if (schema === undefined) return;
  const seen = new Set<object>();
  const stack: SubSchema[] = [schema];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (typeof current === "object") {
      if (seen.has(current)) continue;
      seen.add(current);
    }
    if (visit(current) === false) continue;
    // a schema's children are pushed in order, then that run is reversed in place, so the first
    // child is visited first
    const from = stack.length;
    pushSubSchemas(current, stack);
    for (let i = from, j = stack.length - 1; i < j; i++, j--) {
      const t = stack[i]!;
      stack[i] = stack[j]!;
      stack[j] = t;
    }
  }
}

/**
 * The schema with `fn` applied to each direct sub-schema (the same keywords as
 * {@link pushSubSchemas}); every other keyword is kept as it is. `fn` returning undefined drops
 * that sub-schema (a member of a map or list, or the keyword).
 */
export function mapSubSchemas(
  schema: Schema,
  fn: (sub: SubSchema) => SubSchema | undefined,
): Schema {
  const out: Schema = {};
  // keys, not Object.entries: no [key, value] pair per keyword (every walk of every schema)
  for (const keyword of Object.keys(schema)) {
    const value = schema[keyword];
    let mapped: unknown = value;
    const kind = SUB_SCHEMA_KINDS.get(keyword) ?? 0;
    if (Array.isArray(value)) {
      if (kind & LIST)
        mapped = value.flatMap((item) => {
          if (!isSubSchema(item)) return [item];
          const next = fn(item);
          return next === undefined ? [] : [next];
        });
    } else if (kind & ONE) {
      if (isSubSchema(value)) mapped = fn(value);
    } else if (kind & MAP && isMap(value)) {
      const map: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) {
        const next = isSubSchema(item) ? fn(item) : item;
        if (next !== undefined) setOwn(map, key, next);
      }
      mapped = map;
    }
    if (mapped !== undefined) setOwn(out, keyword, mapped);
  }
  return out;
}
