import type { ApiResponse, Endpoint, MediaContent } from "../../model/types.js";
import {
  ITEM_STREAM_MEDIA_TYPES,
  itemStreamed,
  successStatuses,
} from "../../model/item-streams.js";
import { baseMediaType, isJsonMediaType } from "../../model/media-types.js";
export { isBytesMediaType, sentAsGiven } from "../../model/media-types.js";

// What the generated client does with media types, decided once for the types and the client:
// the request media type and Accept it sends, and what it hands over for each response media
// type (templates/client/runtime.ts sends and decodes).

const FORM = "application/x-www-form-urlencoded";
const MULTIPART = "multipart/form-data";

export { isJsonMediaType };

/**
 * The media type a body is sent and typed as: `application/json` where listed, else the first
 * JSON type (Swashbuckle lists `application/json-patch+json` first), else a form encoding, else
 * the first listed. A form whose schema is a file (`format: binary`, or Swagger 2.0's `file` on
 * a body, as Azure's ComputerVision offers its image beside `application/octet-stream`) names no
 * fields: the first type listed that is not such a form wins over it. A url-encoded form with a
 * file field (Swagger 2.0's `formData` file, `consumes` both forms) goes multipart where listed.
 */
export function sentMediaType(content: MediaContent[]): string | undefined {
  const types = content.map((c) => c.mediaType);
  const fields = content.filter((c) => !fileForm(c)).map((c) => c.mediaType);
  const forms = content.some(fileField) ? [MULTIPART, FORM] : [FORM, MULTIPART];
  return (
    types.find((t) => baseMediaType(t) === "application/json") ??
    types.find(isJsonMediaType) ??
    fields.find((t) => t.toLowerCase().startsWith(forms[0]!)) ??
    fields.find((t) => t.toLowerCase().startsWith(forms[1]!)) ??
    fields[0] ??
    types[0]
  );
}

const fileField = ({ schema }: MediaContent): boolean =>
  Object.values(schema?.properties ?? {}).some(
    (p) => (p.items ?? p).format === "binary",
  );

const fileForm = ({ mediaType, schema }: MediaContent): boolean =>
  isFormMediaType(mediaType) &&
  (schema?.format === "binary" || schema?.format === "file");

/** Whether fetch sends `endpoint`'s request body: never with GET or HEAD (`client/body-not-sent`). */
export const fetchSendsBody = (endpoint: Endpoint): boolean =>
  endpoint.method !== "get" && endpoint.method !== "head";

/** A form encoding: `application/x-www-form-urlencoded` or `multipart/form-data`, any parameters. */
export function isFormMediaType(mediaType: string): boolean {
  const type = mediaType.toLowerCase();
  return type.startsWith(FORM) || type.startsWith(MULTIPART);
}

/** The request body's media content the client sends ({@link sentMediaType}). */
export function sentContent(content: MediaContent[]): MediaContent[] {
  const sent = sentMediaType(content);
  return content.filter((c) => c.mediaType === sent);
}

/** The Accept header: JSON types, the others, then those offered beside JSON at `q=0.5`. */
export function acceptHeader(endpoint: Endpoint): string | undefined {
  const types = new Set<string>();
  const besideJson = new Set<string>();
  for (const { content } of endpoint.responses) {
    const json = content.some((c) => isJsonMediaType(c.mediaType));
    for (const { mediaType } of content) {
      types.add(mediaType);
      if (json) besideJson.add(mediaType);
    }
  }
  if (types.size === 0) return undefined;
  const others = [...types].filter((type) => !isJsonMediaType(type));
  return [
    ...[...types].filter(isJsonMediaType),
    ...others.filter((type) => !besideJson.has(type)),
    ...others
      .filter((type) => besideJson.has(type))
      .map((type) => `${type};q=0.5`),
  ].join(", ");
}

/** Streamed media types the client parses item by item: server-sent events and JSON Lines. */
export const STREAM_MEDIA_TYPES: Readonly<Record<"events" | "lines", RegExp>> =
  Object.freeze({
    events: Object.freeze(ITEM_STREAM_MEDIA_TYPES.events),
    lines: Object.freeze(ITEM_STREAM_MEDIA_TYPES.lines),
  });

/** How the client reads a streamed success (see `streamedSuccesses`); `what` says it in words. */
export interface StreamedSuccesses {
  kind: keyof typeof STREAMED;
  what: (typeof STREAMED)[keyof typeof STREAMED];
  responses: ApiResponse[];
}

const STREAMED = {
  items: "items",
  events: "server-sent events",
  lines: "JSON Lines",
} as const;

/**
 * The successes (the 2XX ones, or a lone `default`, unless given) the client reads as a stream,
 * an async iterator, and how: `items` (an OpenAPI 3.2 item stream), else `events` (all
 * `text/event-stream`), else `lines` (JSON Lines).
 */
export function streamedSuccesses(
  endpoint: Endpoint,
  successes: readonly string[] = successStatuses(endpoint.responses),
): StreamedSuccesses | undefined {
  const success = endpoint.responses.filter((r) =>
    successes.includes(r.status),
  );
  const items = success.filter((r) => itemStreamed(r.content));
  if (items.length > 0)
    return { kind: "items", what: STREAMED.items, responses: items };
  for (const kind of ["events", "lines"] as const) {
    const type = STREAM_MEDIA_TYPES[kind];
    const responses = success.filter(
      (r) =>
        r.content.length > 0 && r.content.every((c) => type.test(c.mediaType)),
    );
    if (responses.length > 0) return { kind, what: STREAMED[kind], responses };
  }
  return undefined;
}

/**
 * What the client hands over for a response body of `mediaType`: a JSON value, items of a
 * stream (typed by the schema, like JSON), a string (text, or no Content-Type), or a Blob
 * (anything else, XML included). A wildcard (`*\/*`, `application/*`) may be any of them.
 */
export function decodedAs(
  mediaType: string,
): "json" | "stream" | "text" | "blob" | "any" {
  const type = baseMediaType(mediaType);
  if (type.endsWith("/*")) return "any";
  if (isJsonMediaType(type)) return "json";
  if (Object.values(STREAM_MEDIA_TYPES).some((re) => re.test(type)))
    return "stream";
  return type.startsWith("text/") || type === "" ? "text" : "blob";
}

/** What a body no schema describes is: text for `text/*`, binary for octet-stream and media. */
export function undescribedBody(mediaType: string) {
  const type = mediaType.toLowerCase();
  if (type.startsWith("text/")) return "text";
  if (/^(?:image|audio|video)\/|^application\/octet-stream$/.test(type))
    return "binary";
  return "unknown";
}
