import { DOC_KEYWORDS } from "./ref-cycles.js";
import { kindOf } from "../reader.js";
import { SCHEMA_TYPES as MODEL_SCHEMA_TYPES } from "../../model/schema/schema.js";

/** The type a JSON Schema keyword's value must have, as the converter checks it, in words. */
export const EXPECTED_TEXT = {
  string: "a string",
  number: "a number",
  boolean: "true or false",
  strings: "a list of strings",
  array: "a list",
  type: "a JSON Schema type or a list of them",
} as const;

export type KeywordType = keyof typeof EXPECTED_TEXT;

/** JSON Schema keywords whose value has one type (the rest are copied as they are). */
export const KEYWORD_TYPES = new Map<string, KeywordType>([
  ["title", "string"],
  ["description", "string"],
  ["format", "string"],
  ["pattern", "string"],
  ["$comment", "string"],
  ["contentMediaType", "string"],
  ["contentEncoding", "string"],
  ["minimum", "number"],
  ["maximum", "number"],
  ["multipleOf", "number"],
  ["minLength", "number"],
  ["maxLength", "number"],
  ["minItems", "number"],
  ["maxItems", "number"],
  ["minProperties", "number"],
  ["maxProperties", "number"],
  ["uniqueItems", "boolean"],
  ["deprecated", "boolean"],
  ["readOnly", "boolean"],
  ["writeOnly", "boolean"],
  ["required", "strings"],
  ["enum", "array"],
  ["type", "type"],
]);

/** The `type` values a description may hold: the model's, and Swagger 2.0's `file`. */
export const SCHEMA_TYPES: ReadonlySet<unknown> = new Set<unknown>([
  ...MODEL_SCHEMA_TYPES,
  "file",
]);

export function describeValue(value: unknown): string {
  if (value === null || typeof value === "object") return kindOf(value);
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** `$ref` siblings that are not applied as a schema (3.0 `nullable` is applied on its own). */
export const REF_SIBLINGS_KEPT = new Set<string>([
  "$ref",
  ...DOC_KEYWORDS,
  "nullable",
  "x-nullable",
  "example",
  "examples",
  "$comment",
]);

/**
 * How the converter (convert.ts) treats a keyword of a schema; any other is checked against
 * {@link KEYWORD_TYPES} (keyword-checks.ts) or kept as written.
 */
const ROLES = [
  ["properties", "map"],
  ["patternProperties", "map"],
  ["$defs", "map"],
  ["definitions", "map"],
  ["items", "one"],
  ["additionalProperties", "one"],
  ["not", "one"],
  ["propertyNames", "one"],
  ["contains", "one"],
  ["if", "one"],
  ["then", "one"],
  ["else", "one"],
  ["unevaluatedProperties", "one"],
  ["additionalItems", "one"],
  ["allOf", "list"],
  ["oneOf", "list"],
  ["anyOf", "list"],
  ["prefixItems", "list"],
  ["discriminator", "discriminator"],
  ["pattern", "pattern"],
  ["exclusiveMinimum", "exclusive"],
  ["exclusiveMaximum", "exclusive"],
  ["example", "example"],
  ["examples", "examples"],
  ["nullable", "nullable"],
  ["x-nullable", "nullable"],
] as const;

export type KeywordRole = (typeof ROLES)[number][1];

export const KEYWORD_ROLES = new Map<string, KeywordRole>(ROLES);
