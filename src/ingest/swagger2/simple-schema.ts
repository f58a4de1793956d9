import type { Schema } from "../../model/types.js";
import type { RecordNode } from "../openapi-common/node.js";
import type { SpecReading } from "../openapi-common/reading.js";

/**
 * The JSON Schema keywords a Swagger 2.0 non-body parameter, header or `items` object carries
 * inline (§Parameter Object, §Items Object). `x-nullable` is the common extension for null.
 */
const SCHEMA_KEYWORDS = [
  "type",
  "format",
  "items",
  "default",
  "maximum",
  "exclusiveMaximum",
  "minimum",
  "exclusiveMinimum",
  "maxLength",
  "minLength",
  "pattern",
  "maxItems",
  "minItems",
  "uniqueItems",
  "enum",
  "multipleOf",
  "x-nullable",
] as const;

/**
 * The schema of a parameter or header written in Swagger 2.0's inline form; undefined when it
 * states none of the keywords (the seeds' parameters without `type`: nothing is invented).
 */
export function inlineSchema(
  reading: SpecReading,
  node: RecordNode,
): Schema | undefined {
  const raw: Record<string, unknown> = {};
  let any = false;
  for (const key of SCHEMA_KEYWORDS) {
    if (node.value[key] === undefined) continue;
    raw[key] = key === "items" ? itemsOnly(node.value.items) : node.value[key];
    any = true;
  }
  if (!any) return undefined;
  return reading.schemas.convert(raw, node.doc, node.path);
}

/** `items` keeps only schema keywords, recursively: `collectionFormat` is not a schema keyword. */
function itemsOnly(items: unknown): unknown {
  if (typeof items !== "object" || items === null || Array.isArray(items))
    return items;
  const record = items as Record<string, unknown>;
  if (typeof record.$ref === "string") return record;
  const out: Record<string, unknown> = {};
  for (const key of SCHEMA_KEYWORDS)
    if (record[key] !== undefined)
      out[key] = key === "items" ? itemsOnly(record.items) : record[key];
  return out;
}
