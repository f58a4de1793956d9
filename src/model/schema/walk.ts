/** What each keyword of a model schema is, and the walker over sub-schemas (via schema.ts). */

import { setOwn } from "../own-property.js";
import type { Schema } from "../types.js";

/** A sub-schema as JSON Schema allows it: a schema object, or `true`/`false`. */
export type SubSchema = Schema | boolean;

/** Keywords that only document a schema: no generated type, check or signature depends on them. */
export const DOCUMENTATION_KEYWORDS: ReadonlySet<string> = new Set(
  `title description default examples example deprecated externalDocs
  $comment`.split(/\s+/),
);

/** Keywords that annotate without constraining (`discriminator`: the oneOf/anyOf beside it decides). */
const ANNOTATION_KEYWORDS: ReadonlySet<string> = new Set([
  ...DOCUMENTATION_KEYWORDS,
  ..."readOnly writeOnly xml discriminator".split(" "),
]);

/** True for an annotation-only keyword, `x-` extensions included. */
export function isAnnotation(keyword: string): boolean {
  return ANNOTATION_KEYWORDS.has(keyword) || keyword.startsWith("x-");
}

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

/** Keywords whose value maps names to sub-schemas. */
export const SCHEMA_MAP_KEYWORDS = [
  "properties",
  "patternProperties",
  "dependentSchemas",
  "$defs",
  "definitions",
  "dependencies",
] as const;

/** The keywords of each kind, as sets (`items` is in two: one sub-schema, or a list). */
export const ONE = new Set<string>(SCHEMA_KEYWORDS);
export const LIST = new Set<string>(SCHEMA_LIST_KEYWORDS);
export const MAP = new Set<string>(SCHEMA_MAP_KEYWORDS);

export function isSubSchema(value: unknown): value is SubSchema {
  return typeof value === "boolean" || isMap(value);
}

/** A plain object (not an array): what a map keyword (`properties`, `$defs`) holds. */
export function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** What a value is, for a message: `null`, `a list`, `an object`, `bytes`, `a string`… */
export function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "no value";
  if (Array.isArray(value)) return "a list";
  if (value instanceof Uint8Array) return "bytes";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/** A schema object (not `true`/`false`, not a list). */
export const isSchemaObject = isMap as (value: unknown) => value is Schema;

/** Visits `schema` and all below, depth first, parents first, each object once; false skips children. */
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
    if (visit(current) === false || !isMap(current)) continue;
    // its sub-schemas as mapSubSchemas meets them (key order; no data keyword, no `$ref` followed)
    const children: SubSchema[] = [];
    mapSubSchemas(current, (sub) => {
      children.push(sub);
      return sub;
    });
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}

/** The schema with `fn` applied to each direct sub-schema; `fn` giving undefined drops that one. */
export function mapSubSchemas(
  schema: Schema,
  fn: (sub: SubSchema) => SubSchema | undefined,
): Schema {
  const out: Schema = {};
  for (const keyword of Object.keys(schema)) {
    const value = schema[keyword];
    let mapped: unknown = value;
    if (Array.isArray(value)) {
      if (LIST.has(keyword))
        mapped = value.flatMap((item) => {
          if (!isSubSchema(item)) return [item];
          const next = fn(item);
          return next === undefined ? [] : [next];
        });
    } else if (ONE.has(keyword)) {
      if (isSubSchema(value)) mapped = fn(value);
    } else if (MAP.has(keyword) && isMap(value)) {
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
