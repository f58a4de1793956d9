/**
 * Which media types are JSON, decided once for the generator (types, Accept, pages, validators,
 * mocks, server route data) and, by the same regular expression written out in the runtime
 * templates (templates/client/serialize.ts `isJsonType`, templates/server/runtime.ts
 * `isJsonType`), for the generated client and server: src/model/media-types.test.ts holds the
 * templates to this source text.
 *
 * JSON is `application/json` (RFC 8259) and any type with the structured syntax suffix `+json`
 * (RFC 6839 §3.1: `application/problem+json`, `application/vnd.api+json`, `model/gltf+json`),
 * parameters (`; charset=utf-8`) aside. A type whose name only starts with `json` is not JSON:
 * JSON text sequences (`application/json-seq`, RFC 7464, and `application/geo+json-seq`),
 * JSON Lines (`application/jsonl`), JSON5 and `application/json-patch-query` hold other
 * grammars, and decoding them as one JSON value fails on the first record.
 */
export const JSON_MEDIA_TYPE =
  /^(application\/|[\w!#$&^.+-]+\/[\w!#$&^.+-]*\+)json[\t ]*(;|$)/i;

/** `type/subtype` of a media type as compared: lower-cased, its parameters (`; charset=…`) dropped. */
export function baseMediaType(mediaType: string): string {
  return mediaType.split(";")[0]!.trim().toLowerCase();
}

/** Whether `mediaType` (parameters ignored, case-insensitive) is JSON: see {@link JSON_MEDIA_TYPE}. */
export function isJsonMediaType(mediaType: string): boolean {
  return JSON_MEDIA_TYPE.test(mediaType.trim());
}

/**
 * Each media type of `content` once, by its first listing, as `baseMediaType` writes it: what a
 * body is read and checked under (the generated server's `listedMediaType` compares base types
 * and finds a type listed twice, with parameters that differ, by its first listing).
 */
export function firstListings<C extends { mediaType: string }>(
  content: readonly C[],
): { type: string; content: C }[] {
  const out: { type: string; content: C }[] = [];
  const seen = new Set<string>();
  for (const c of content) {
    const type = baseMediaType(c.mediaType);
    if (seen.has(type)) continue;
    seen.add(type);
    out.push({ type, content: c });
  }
  return out;
}

/**
 * What a request body listed as `mediaType` is read into (the generated server's decode.ts does
 * so, and its types and validators follow): a JSON value, a string (`text/*`), either (a range,
 * `*\/*` or `application/*`, which a JSON or a text body may answer to), or something no schema
 * judges (form fields, a Blob, bytes).
 */
export function bodyReading(
  mediaType: string,
): "json" | "text" | "range" | "other" {
  const type = baseMediaType(mediaType);
  if (type.endsWith("/*")) return "range";
  if (isJsonMediaType(type)) return "json";
  if (type.startsWith("text/")) return "text";
  return "other";
}
