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
export const KEYWORD_TYPES = byWord<KeywordType>({
  string: `title description format pattern $comment contentMediaType
    contentEncoding`,
  number: `minimum maximum multipleOf minLength maxLength minItems maxItems minProperties
    maxProperties`,
  boolean: "uniqueItems deprecated readOnly writeOnly",
  strings: "required",
  array: "enum",
  type: "type",
});

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
  ...DOC_KEYWORDS,
  ..."$ref nullable x-nullable example examples $comment".split(" "),
]);

/**
 * How the converter (convert.ts) treats a keyword of a schema; any other is checked against
 * {@link KEYWORD_TYPES} (keyword-checks.ts) or kept as written.
 */
const ROLES = {
  map: "properties patternProperties $defs definitions",
  one: `items additionalProperties not propertyNames contains if then else unevaluatedProperties
    additionalItems`,
  list: "allOf oneOf anyOf prefixItems",
  discriminator: "discriminator",
  pattern: "pattern",
  exclusive: "exclusiveMinimum exclusiveMaximum",
  example: "example",
  examples: "examples",
  nullable: "nullable x-nullable",
};

export type KeywordRole = keyof typeof ROLES;

export const KEYWORD_ROLES = byWord(ROLES);

/** Each word of `groups`' texts, mapped to the key of its text. */
function byWord<K extends string>(groups: Record<K, string>): Map<string, K> {
  return new Map(
    (Object.entries(groups) as [K, string][]).flatMap(([key, words]) =>
      words.split(/\s+/).map((word) => [word, key] as const),
    ),
  );
}
