import {
  compareCodeUnits,
  mapSubSchemas,
  schemaRef,
  schemaRefName,
  type SubSchema,
  freeName,
} from "../toolkit.js";
import type { NamedSchema, Schema } from "../../model/types.js";

/** OpenAPI 3.1 §4.8.7.1: component keys must match this. */
const COMPONENT_KEY = /^[a-zA-Z0-9._-]+$/;

/**
 * Component names the OpenAPI key pattern forbids (`Pet Owner`, `oauth/app`) → a sanitized key
 * unique among the others (`Pet_Owner`, `oauth_app`); names that fit are not in the map.
 * Schemas and security schemes are renamed alike.
 */
export function componentKeyRenames(
  names: readonly string[],
  fallback: string,
): Map<string, string> {
  const sorted = [...names].sort(compareCodeUnits);
  const renames = new Map<string, string>();
  const taken = new Set(sorted.filter((n) => COMPONENT_KEY.test(n)));
  for (const name of sorted.filter((n) => !COMPONENT_KEY.test(n))) {
    const base = name.replace(/[^a-zA-Z0-9._-]+/g, "_") || fallback;
    const key = freeName(base, (k) => taken.has(k), "_");
    taken.add(key);
    renames.set(name, key);
  }
  return renames;
}

/** `names` by their component keys (`renames`, else the name), keys sorted, each made by `f`. */
export function byComponentKey(
  names: readonly string[],
  renames: ReadonlyMap<string, string>,
  f: (name: string) => unknown,
): Record<string, unknown> {
  const keyed = names.map((name) => [renames.get(name) ?? name, name] as const);
  keyed.sort((a, b) => compareCodeUnits(a[0], b[0]));
  return Object.fromEntries(keyed.map(([key, name]) => [key, f(name)]));
}

/**
 * The named schemas as `components.schemas` (keys sorted), and `fix`, which rewrites a schema's
 * `$ref`s to a renamed key (the identity when no key had to change).
 */
export function componentSchemas(named: Record<string, NamedSchema>) {
  const names = Object.keys(named).sort(compareCodeUnits);
  const renames = componentKeyRenames(names, "Schema");
  const fix =
    renames.size === 0
      ? (schema: Schema) => schema
      : (schema: Schema) => rewrite(schema, renames) as Schema;
  const schemas = byComponentKey(names, renames, (name) =>
    fix(named[name]!.schema),
  ) as Record<string, Schema>;
  return { schemas, fix };
}

/** The schema with every reference (and discriminator mapping) at a schema position renamed. */
function rewrite(schema: SubSchema, renames: Map<string, string>): SubSchema {
  if (typeof schema !== "object" || schema === null) return schema;
  const out = mapSubSchemas(schema, (sub) => rewrite(sub, renames));
  if (typeof out.$ref === "string") out.$ref = rewriteRef(out.$ref, renames);
  const discriminator = out.discriminator as { mapping?: unknown } | null;
  const mapping = discriminator?.mapping;
  if (
    typeof mapping === "object" &&
    mapping !== null &&
    Object.values(mapping).every((v) => typeof v === "string")
  )
    out.discriminator = {
      ...discriminator,
      mapping: Object.fromEntries(
        Object.entries(mapping).map(([k, v]) => [k, rewriteRef(v, renames)]),
      ),
    } as Schema["discriminator"];
  return out;
}

function rewriteRef(ref: string, renames: Map<string, string>): string {
  const name = schemaRefName(ref);
  const key = name === undefined ? undefined : renames.get(name);
  // sanitized keys hold no `~` or `/`, so they need no escaping
  return key === undefined ? ref : schemaRef(key);
}
