import type { NamedSchema, Schema } from "../../model/types.js";
import { refName } from "./schema-label.js";

/** How far a sample follows nested schemas and references; keeps examples short and cycles finite. */
const MAX_DEPTH = 3;
/** Properties shown for an object that marks none required. */
const OPTIONAL_SHOWN = 3;
/** Properties shown for one object (required ones first): an example is read, not validated. */
const MAX_PROPERTIES = 12;
/** Schema nodes one sample may visit: a wide, deep schema costs no more than this per endpoint. */
const BUDGET = 40;

/**
 * A plausible value for a schema, for the docs' request examples: the spec's own example or
 * default when it has one, otherwise a value of the right shape.
 */
export function sampleValue(
  schema: Schema | undefined,
  schemas: Record<string, NamedSchema>,
): unknown {
  const budget = { left: BUDGET };
  return sample(schema, schemas, 0, budget);
}

function sample(
  schema: Schema | undefined,
  schemas: Record<string, NamedSchema>,
  depth: number,
  budget: { left: number },
): unknown {
  if (!schema || typeof schema !== "object") return "string";
  if (budget.left-- <= 0) depth = MAX_DEPTH;
  if (Array.isArray(schema.examples) && schema.examples.length > 0)
    return schema.examples[0];
  if (schema.example !== undefined) return schema.example;
  if (schema.default !== undefined) return schema.default;
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0)
    return schema.enum[0];
  if (typeof schema.$ref === "string") {
    const name = refName(schema.$ref);
    const target = name !== undefined ? schemas[name] : undefined;
    if (!target || depth >= MAX_DEPTH) return {};
    return sample(target.schema, schemas, depth + 1, budget);
  }
  if (Array.isArray(schema.allOf) && schema.allOf.length > 0) {
    const parts = schema.allOf.map((s) =>
      sample(s, schemas, depth + 1, budget),
    );
    if (parts.every(isPlainObject)) return Object.assign({}, ...parts);
    return parts[0];
  }
  for (const key of ["oneOf", "anyOf"] as const) {
    const list = schema[key];
    if (Array.isArray(list) && list.length > 0)
      return sample(list[0], schemas, depth + 1, budget);
  }
  const type = Array.isArray(schema.type)
    ? schema.type.find((t) => t !== "null")
    : schema.type;
  switch (type ?? (schema.properties ? "object" : undefined)) {
    case "string":
      return sampleString(schema.format);
    case "integer":
    case "number":
      return typeof schema.minimum === "number" ? schema.minimum : 0;
    case "boolean":
      return true;
    case "null":
      return null;
    case "array":
      return depth >= MAX_DEPTH
        ? []
        : [sample(schema.items, schemas, depth + 1, budget)];
    case "object": {
      const out: Record<string, unknown> = {};
      if (depth >= MAX_DEPTH || !schema.properties) return out;
      const names = Object.keys(schema.properties);
      const required = names.filter((n) => schema.required?.includes(n));
      for (const name of (required.length > 0
        ? required
        : names.slice(0, OPTIONAL_SHOWN)
      ).slice(0, MAX_PROPERTIES))
        out[name] = sample(schema.properties[name], schemas, depth + 1, budget);
      return out;
    }
    default:
      return "string";
  }
}

function sampleString(format: string | undefined): string {
  switch (format) {
    case "date-time":
      return "2024-01-01T00:00:00Z";
    case "date":
      return "2024-01-01";
    case "uuid":
      return "00000000-0000-0000-0000-000000000000";
    case "email":
      return "user@example.com";
    case "uri":
    case "url":
      return "https://example.com";
    case "binary":
      return "<binary>";
    default:
      return "string";
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
