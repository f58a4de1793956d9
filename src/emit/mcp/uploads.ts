import {
  baseMediaType,
  decodedAs,
  mainType,
  resolveSchema,
  setOwn,
} from "../toolkit.js";
import type { MediaContent, NamedSchema, Schema } from "../../model/types.js";
import type { JsonObject } from "./json-schema.js";

/*
 * Files a tool sends: where the client takes a Blob (a body of bytes, a multipart field typed
 * `format: binary`, as types.ts types them), the agent gives base64 text, which the runtime
 * (templates/mcp/upload.ts) turns into a Blob by the tool's `uploads`.
 */

/** The schema of base64 text standing for bytes (JSON Schema 2020-12 §8.3). */
const BASE64: JsonObject = { type: "string", contentEncoding: "base64" };

/** A place of a body that is bytes: the body itself (`""`), or a multipart field. */
export interface Upload {
  field: string;
  /** The field is an array of files: each item a part. */
  array: boolean;
}

/**
 * The places of `content` (the one media type the client sends) that are bytes: the body itself
 * (a binary media type or string), else the multipart fields of the body schema's own
 * `properties` that are (a binary string, or an array of them; a url-encoded one is text).
 */
export function uploadPlaces(
  schemas: Readonly<Record<string, NamedSchema>>,
  content: MediaContent,
): Upload[] {
  const schema = resolveSchema(schemas, content.schema);
  const type = baseMediaType(content.mediaType);
  if (type === "multipart/form-data") {
    const properties = schema?.properties;
    if (properties === undefined) return [];
    const out: Upload[] = [];
    for (const name of Object.keys(properties)) {
      const field = resolveSchema(schemas, properties[name]);
      if (isBinary(field)) out.push({ field: name, array: false });
      else if (
        mainType(field) === "array" &&
        typeof field?.items === "object" &&
        !Array.isArray(field.items) &&
        isBinary(resolveSchema(schemas, field.items))
      )
        out.push({ field: name, array: true });
    }
    return out;
  }
  if (type === "application/x-www-form-urlencoded") return [];
  const unschemed = schema === undefined || mainType(schema) === "string";
  return isBinary(schema) || (decodedAs(type) === "blob" && unschemed)
    ? [{ field: "", array: false }]
    : [];
}

function isBinary(schema: Schema | undefined): boolean {
  return mainType(schema) === "string" && schema?.format === "binary";
}

/**
 * `written` (the body's schema as a tool writes it) with each of `places` as base64 text: the
 * whole body, or each field (an array's items). A `$ref` for the object itself is replaced by
 * `inline()` (its schema written), so that its fields can say so.
 */
export function withUploads(
  written: JsonObject,
  places: readonly Upload[],
  inline: () => JsonObject,
): JsonObject {
  const notes = (schema: JsonObject): JsonObject =>
    schema["description"] === undefined
      ? {}
      : { description: schema["description"] };
  if (places.some((p) => p.field === ""))
    return { ...BASE64, ...notes(written) };
  const object = written["$ref"] === undefined ? written : inline();
  const properties = { ...(object["properties"] as JsonObject) };
  for (const { field: name, array } of places) {
    const field = properties[name] as JsonObject;
    const own = field["$ref"] === undefined ? field : {};
    setOwn(
      properties,
      name,
      array
        ? { ...own, type: "array", items: { ...BASE64 }, ...notes(field) }
        : { ...BASE64, ...notes(field) },
    );
  }
  return { ...object, properties };
}
