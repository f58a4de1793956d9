import type { NamedSchema, Schema, SchemaType } from "../../model/types.js";
import { annotationOf, effectiveTypes, schemaRefName } from "../toolkit.js";
import { slugMaker } from "./slugs.js";

/** One named schema on the schemas page. Strings are raw spec text, as everywhere in the view. */
export interface SchemaView {
  name: string;
  /** Anchor id on the schemas page: `schema-<slug>`, unique. */
  id: string;
  description?: string;
  /** The schema's type label (`object`, `array<Pet>`, `"a" | "b"`). */
  type: string;
  /** Schemas it is built from with allOf, by reference. */
  includes: SchemaLink[];
  properties: PropertyView[];
}

export interface SchemaLink {
  name: string;
  /** Anchor of the named schema, when the name is one of the model's. */
  id?: string;
}

export interface PropertyView {
  name: string;
  type: string;
  /** The named schema the property's type is (or is an array of). */
  link?: SchemaLink;
  required: boolean;
  description?: string;
}

/** Anchor ids for every schema name, sorted by name so they never depend on input order. */
export function schemaIds(schemas: Record<string, NamedSchema>) {
  const slug = slugMaker("schema");
  return new Map(
    Object.keys(schemas)
      .sort()
      .map((n) => [n, `schema-${slug(n)}`]),
  );
}

export function schemaViews(
  schemas: Record<string, NamedSchema>,
  ids: Map<string, string>,
): SchemaView[] {
  return [...ids.keys()].map((name) => {
    const schema = schemas[name]!.schema;
    const includes: SchemaLink[] = [];
    const properties: PropertyView[] = [];
    collect(schema, includes, properties, ids);
    return {
      name,
      id: ids.get(name)!,
      description: annotationOf(schema, "description"),
      type: schemaLabel(schema),
      includes,
      properties,
    };
  });
}

/** Properties of the schema and of its inline allOf parts; referenced parts become links. */
function collect(
  schema: Schema,
  includes: SchemaLink[],
  properties: PropertyView[],
  ids: Map<string, string>,
  /** The names in `properties`: the first part to declare a name gives its row. */
  named = new Set<string>(),
): void {
  for (const part of Array.isArray(schema.allOf) ? schema.allOf : []) {
    if (typeof part.$ref === "string") {
      const link = linkTo(part, ids);
      if (link) includes.push(link);
    } else collect(part, includes, properties, ids, named);
  }
  const required = new Set(schema.required);
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    if (named.has(name)) continue;
    named.add(name);
    properties.push({
      name,
      type: schemaLabel(property),
      link: linkTo(property, ids),
      required: required.has(name),
      description: property && annotationOf(property, "description"),
    });
  }
}

/** The named schema a schema is, or is an array of: what a reader wants to click through to. */
export function linkTo(
  schema: Schema | undefined,
  ids: Map<string, string>,
): SchemaLink | undefined {
  if (!schema || typeof schema !== "object") return undefined;
  const target =
    typeof schema.$ref === "string" ? schema.$ref : schema.items?.$ref;
  const name = typeof target === "string" ? schemaRefName(target) : undefined;
  return name === undefined ? undefined : { name, id: ids.get(name) };
}

/**
 * A short type label for tables: `string (date-time)`, `array<Pet>`, `"a" | "b"`, `Pet | null`.
 * Never walks further than `depth` levels, so a huge schema costs no more than a small one.
 */
export function schemaLabel(schema: Schema | undefined, depth = 3): string {
  if (!schema || typeof schema !== "object") return "any";
  if (depth <= 0) return "…";
  if (typeof schema.$ref === "string")
    return schemaRefName(schema.$ref) ?? schema.$ref;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) {
    const shown = schema.enum.slice(0, 5).map(literal);
    if (schema.enum.length > 5) shown.push("…");
    return shown.join(" | ");
  }
  if (schema.const !== undefined) return literal(schema.const);
  for (const [keyword, joiner] of COMPOSITIONS) {
    const list = schema[keyword];
    // an allOf part that says nothing of the type (`{description}`) is no `& any`
    const labels = Array.isArray(list)
      ? list
          .map((s) => schemaLabel(s, depth - 1))
          .filter((label) => keyword !== "allOf" || label !== "any")
      : [];
    if (labels.length > 0) return labels.join(joiner);
  }
  const types = effectiveTypes(schema);
  if (types.length === 0) return "any";
  return types.map((type) => typeLabel(schema, type, depth)).join(" | ");
}

/** The keywords listing alternatives or parts, first found first, and what joins their labels. */
const COMPOSITIONS = [
  ["oneOf", " | "],
  ["anyOf", " | "],
  ["allOf", " & "],
] as const;

function typeLabel(schema: Schema, type: SchemaType, depth: number): string {
  if (type === "array")
    return schema.items
      ? `array<${schemaLabel(schema.items, depth - 1)}>`
      : "array";
  return schema.format && type !== "null" ? `${type} (${schema.format})` : type;
}

function literal(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? text.slice(0, 39) + "…" : text;
}
