import type { Schema } from "../../model/types.js";
import { setOwn } from "../../model/own-property.js";
import { asInferred } from "../../model/inferred-schema.js";

/**
 * The stand-ins Postman's OpenAPI importer and openapi-to-postmanv2 write where a value belongs
 * (`"<long>"`, `"<dateTime>"`): each names its type. Keys are lower case; matched in any case.
 */
const TYPED: Record<string, Schema> = {
  string: { type: "string" },
  integer: { type: "integer" },
  int: { type: "integer" },
  int32: { type: "integer", format: "int32" },
  long: { type: "integer", format: "int64" },
  int64: { type: "integer", format: "int64" },
  number: { type: "number" },
  float: { type: "number", format: "float" },
  double: { type: "number", format: "double" },
  boolean: { type: "boolean" },
  datetime: { type: "string", format: "date-time" },
  "date-time": { type: "string", format: "date-time" },
  date: { type: "string", format: "date" },
  uuid: { type: "string", format: "uuid" },
  uri: { type: "string", format: "uri" },
  email: { type: "string", format: "email" },
  byte: { type: "string", format: "byte" },
};

/** The schema a typed stand-in (`"<float>"`) names, or undefined for any other value. */
export function typedPlaceholder(value: unknown): Schema | undefined {
  if (typeof value !== "string") return undefined;
  const match = /^\s*<([A-Za-z0-9-]+)>\s*$/.exec(value);
  if (!match) return undefined;
  const name = match[1]!.toLowerCase();
  return Object.hasOwn(TYPED, name) ? { ...TYPED[name]! } : undefined;
}

/** Deeper than any real example; stops a pathological document from recursing for ever. */
const MAX_DEPTH = 32;

/** Whether `value` holds a typed stand-in anywhere: then it is a template, not an example. */
export function holdsTypedPlaceholder(value: unknown, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  if (typedPlaceholder(value) !== undefined) return true;
  if (typeof value === "object" && value !== null)
    return Object.values(value).some((v) =>
      holdsTypedPlaceholder(v, depth + 1),
    );
  return false;
}

/**
 * A simple schema read off one example value: member types, arrays typed by their first element.
 * Postman has no schemas, so this is a guess, and the root says so (`x-apiloom-inferred`).
 * No `required` list: one example cannot tell which members are optional.
 */
export function inferSchema(value: unknown): Schema {
  return asInferred(schemaOf(value, 0));
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
