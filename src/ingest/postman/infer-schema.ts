import type { Schema } from "../../model/types.js";
import { setOwn } from "../../model/own-property.js";
import { typedPlaceholder } from "./typed-placeholder.js";

/** Deeper than any real example; stops a pathological document from recursing for ever. */
const MAX_DEPTH = 32;

/**
 * A simple schema read off one example value: member types, arrays typed by their first element.
 * Postman has no schemas, so this is a guess, and the root says so (`x-apiloom-inferred`).
 * No `required` list: one example cannot tell which members are optional.
 */
export function inferSchema(value: unknown): Schema {
  return { ...schemaOf(value, 0), "x-apiloom-inferred": true };
}

function schemaOf(value: unknown, depth: number): Schema {
  if (depth > MAX_DEPTH) return {};
  if (typeof value === "string")
    return typedPlaceholder(value) ?? { type: "string" };
  if (typeof value === "boolean") return { type: "boolean" };
  if (typeof value === "number")
    return { type: Number.isInteger(value) ? "integer" : "number" };
  if (Array.isArray(value))
    return value.length === 0
      ? { type: "array" }
      : { type: "array", items: schemaOf(value[0], depth + 1) };
  if (typeof value === "object" && value !== null) {
    const properties: Record<string, Schema> = {};
    for (const [key, member] of Object.entries(value))
      setOwn(properties, key, schemaOf(member, depth + 1));
    return { type: "object", properties };
  }
  // null says the member exists, not what it holds
  return {};
}
