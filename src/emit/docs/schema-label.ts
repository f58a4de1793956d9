import { effectiveTypes, schemaRefName } from "../toolkit.js";
import type { Schema, SchemaType } from "../../model/types.js";

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
    if (Array.isArray(list) && list.length > 0)
      return list.map((s) => schemaLabel(s, depth - 1)).join(joiner);
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
  if (schema.format && type !== "null") return `${type} (${schema.format})`;
  return type;
}

function literal(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? text.slice(0, 39) + "…" : text;
}
