import type { SourceFormat } from "../model/types.js";
import type { Path } from "../model/pointer.js";
import { isRecord, kindOf, valueAt } from "./reader.js";

/**
 * Decides a document's format from its content alone (never from the file name).
 * Returns undefined for a document that is not an API description apiloom reads.
 */
export function detectFormat(value: unknown): SourceFormat | undefined {
  if (!isRecord(value)) return undefined;
  if (value.swagger !== undefined && String(value.swagger).startsWith("2"))
    return "swagger2";
  if (typeof value.openapi === "string") {
    if (value.openapi.startsWith("3.0")) return "openapi3.0";
    if (value.openapi.startsWith("3.2")) return "openapi3.2";
    if (value.openapi.startsWith("3.")) return "openapi3.1";
  }
  const collection = valueAt(value, postmanAt(value));
  if (!isRecord(collection)) return undefined;
  const info = collection.info;
  if (isRecord(info) && Array.isArray(collection.item)) {
    const schema = typeof info.schema === "string" ? info.schema : "";
    if (schema.includes("v2.1")) return "postman2.1";
    if (schema.includes("v2.0")) return "postman2.0";
    if (
      schema.includes("getpostman.com") ||
      typeof info._postman_id === "string" ||
      typeof info.name === "string"
    ) {
      // no schema version named: 2.1 writes auth as arrays of key/value
      const text = JSON.stringify(collection);
      return text.includes('"auth":{"type":') &&
        /"(?:bearer|basic|apikey|oauth2)":\[/.test(text)
        ? "postman2.1"
        : "postman2.0";
    }
  }
  return undefined;
}

/** Where a Postman collection is: the top level, or `collection` as the Postman API answers. */
export function postmanAt(value: unknown): Path {
  const wrapped = isRecord(value) && !value.item && isRecord(value.collection);
  return wrapped ? ["collection"] : [];
}

export function describeUnknown(value: unknown): string {
  if (!isRecord(value))
    return `the document is ${kindOf(value)}, not an object`;
  if (value.swagger !== undefined)
    return `unsupported Swagger version ${JSON.stringify(value.swagger)} (apiloom reads 2.0)`;
  if (value.openapi !== undefined)
    return `unsupported OpenAPI version ${JSON.stringify(value.openapi)} (apiloom reads 3.0, 3.1 and 3.2)`;
  if (Array.isArray(value.requests))
    return "a Postman collection v1 ('requests' at the top level): apiloom reads v2.0 and v2.1, which Postman exports";
  return `no 'swagger', 'openapi' or Postman 'info'/'item' at the top level (found: ${Object.keys(value).slice(0, 5).join(", ") || "nothing"})`;
}
