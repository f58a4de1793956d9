import { grouped } from "./lists.js";
import { allProperties } from "./schema/members.js";
import { resolveSchema } from "./schema/ref.js";
import { admitsType } from "./schema/schema.js";
import { isSchemaObject, type SubSchema } from "./schema/walk.js";
import type { ApiResponse, MediaContent, NamedSchema } from "./types.js";

/**
 * Which media types are JSON, for the generator and the runtime templates (media-types.test.ts keeps
 * them one text): `application/json` (RFC 8259) and `json` under another type (`text/json`,
 * unregistered but JSON wherever it is listed: ASP.NET's, so Swashbuckle's and NSwag's
 * descriptions), any `+json` suffix (RFC 6839 §3.1), parameters aside; `application/json-seq`,
 * `jsonl` and JSON5 are other grammars.
 */
export const JSON_MEDIA_TYPE =
  /^[\w!#$&^.+-]+\/([\w!#$&^.+-]*\+)?json[\t ]*(;|$)/i;

/** `type/subtype` of a media type as compared: lower-cased, its parameters dropped. */
export function baseMediaType(mediaType: string): string {
  return mediaType.split(";")[0]!.trim().toLowerCase();
}

/** Whether `mediaType` is JSON: see {@link JSON_MEDIA_TYPE}. */
export function isJsonMediaType(mediaType: string): boolean {
  return JSON_MEDIA_TYPE.test(mediaType.trim());
}

/** Each media type of `content` once, by its first listing, as the server's `listedMediaType` reads. */
export function firstListings<C extends { mediaType: string }>(
  content: readonly C[],
): { type: string; content: C }[] {
  return [...grouped(content, (c) => baseMediaType(c.mediaType))].map(
    ([type, [first]]) => ({ type, content: first! }),
  );
}

/** What the generated server reads a `mediaType` body into; `other`: no schema judges it (bytes). */
export function bodyReading(
  mediaType: string,
): "json" | "text" | "range" | "form" | "other" {
  const type = baseMediaType(mediaType);
  if (type.endsWith("/*")) return "range";
  if (isJsonMediaType(type)) return "json";
  if (type.startsWith("text/")) return "text";
  if (/^(application\/x-www-form-urlencoded|multipart\/form-data)$/.test(type))
    return "form";
  return "other";
}

/** A body neither JSON, text, a form nor a range: bytes, sent as given and handed over as a Blob. */
export const isBytesMediaType = (type: string): boolean =>
  type !== "" && bodyReading(type) === "other";

/** Bytes no string passes for (XML under an object schema): the client sends the text or Blob given. */
export const sentAsGiven = (
  { mediaType, schema }: MediaContent,
  schemas: Readonly<Record<string, NamedSchema>>,
): boolean =>
  isBytesMediaType(mediaType) && !admitsType(schemas, schema, "string");

/**
 * How a form body whose schema admits no object travels, since it names no fields (Jira's
 * attachments: multipart with a binary string): multipart/form-data as the `FormData` the
 * caller fills and the server hands over, url-encoded as the `string` of its text. Undefined
 * for other bodies.
 */
export function fieldlessForm(
  content: MediaContent,
  schemas: Readonly<Record<string, NamedSchema>>,
): "FormData" | "string" | undefined {
  const type = baseMediaType(content.mediaType);
  const form =
    type === "multipart/form-data"
      ? "FormData"
      : type === "application/x-www-form-urlencoded"
        ? "string"
        : undefined;
  return form &&
    content.schema !== undefined &&
    !admitsType(schemas, content.schema, "object")
    ? form
    : undefined;
}

/**
 * The fields of a multipart/form-data body that go as JSON parts by OpenAPI's default (an Encoding
 * Object's `contentType`: `application/json` for an object, an array's by its items), which the
 * body's `encoding` does not already say: those whose schema admits an object and no scalar (a
 * field that may be text is sent as text). None for other media types.
 */
export function jsonPartFields(
  content: MediaContent,
  schemas: Readonly<Record<string, NamedSchema>>,
): string[] {
  if (baseMediaType(content.mediaType) !== "multipart/form-data") return [];
  const declared = content.encoding ?? {};
  return Object.entries(allProperties(schemas, content.schema))
    .filter(([name]) => !Object.hasOwn(declared, name))
    .filter(([, schema]) => jsonPart(schemas, schema))
    .map(([name]) => name);
}

function jsonPart(
  schemas: Readonly<Record<string, NamedSchema>>,
  schema: SubSchema | undefined,
): boolean {
  const admits = (type: "string" | "number" | "boolean" | "array" | "object") =>
    admitsType(schemas, schema, type);
  if (admits("string") || admits("number") || admits("boolean")) return false;
  if (!admits("array")) return admits("object");
  // an array is a part per item: JSON when each item is
  if (admits("object")) return false;
  const items = isSchemaObject(schema)
    ? resolveSchema(schemas, schema)?.items
    : undefined;
  return isSchemaObject(items) && jsonPart(schemas, items);
}

/**
 * An `Accept` list names the representations of the resource, not of the errors, and is evidence
 * of a body even where no schema is declared (the seeds) or no example saved (a Postman request):
 * its media types go to the success responses (2xx but 204, else `default`).
 */
export function addAccepted(responses: ApiResponse[], accept: string[]) {
  const success = responses.filter(
    (r) => r.status.startsWith("2") && r.status !== "204",
  );
  for (const response of success.length > 0
    ? success
    : responses.filter((r) => r.status === "default"))
    addMediaTypes(response.content, accept);
}

/** New media types take the schema of the first existing entry: the same payload, another type. */
export function addMediaTypes(
  content: MediaContent[],
  mediaTypes: string[],
): void {
  const schema = content[0]?.schema;
  for (const mediaType of mediaTypes) {
    if (content.some((c) => c.mediaType === mediaType)) continue;
    content.push(schema === undefined ? { mediaType } : { mediaType, schema });
  }
}
