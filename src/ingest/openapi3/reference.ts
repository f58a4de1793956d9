import { isRecord } from "../reader.js";
import type { Node } from "../openapi-common/node.js";

/**
 * OpenAPI 3.1 §4.8.23: a Reference Object's `summary` and `description` override the referenced
 * component's. 3.0 documents do not write them, so honouring them there changes nothing.
 */
export function overridden(
  entry: Node,
  key: "summary" | "description",
): string | undefined {
  if (!isRecord(entry.value) || typeof entry.value.$ref !== "string")
    return undefined;
  const value = entry.value[key];
  return typeof value === "string" ? value : undefined;
}
