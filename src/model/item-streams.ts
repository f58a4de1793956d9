import type { ApiResponse, Endpoint, MediaContent } from "./types.js";

/** OpenAPI 3.2's sequential media types typed item by item (docs/inputs.md, "Item streams"). */
export const ITEM_STREAM_MEDIA_TYPES = {
  events: /^text\/event-stream\b/i,
  lines: /^application\/(x-ndjson|jsonl|x-jsonlines)\b/i,
  seq: /^application\/json-seq\b/i,
} as const;

export function isItemStreamMediaType(mediaType: string): boolean {
  return Object.values(ITEM_STREAM_MEDIA_TYPES).some((re) =>
    re.test(mediaType),
  );
}

/** Whether every media type is sequential with an `itemSchema`: the one rule of item-by-item code. */
export function itemStreamed(content: readonly MediaContent[]): boolean {
  return (
    content.length > 0 &&
    content.every(
      (c) => c.itemSchema !== undefined && isItemStreamMediaType(c.mediaType),
    )
  );
}

/** The statuses a client reads as a success: the 2XX ones, or a lone `default`. */
export function successStatuses(
  responses: readonly Pick<ApiResponse, "status">[],
): string[] {
  const success = responses.filter((r) => r.status.startsWith("2"));
  return (
    success.length > 0
      ? success
      : responses.filter((r) => r.status === "default")
  ).map((r) => r.status);
}

/** The successes of `endpoint` answered as a stream of items (see {@link itemStreamed}). */
export function itemStreamStatuses(endpoint: Endpoint): string[] {
  const successes = successStatuses(endpoint.responses);
  return endpoint.responses
    .filter((r) => successes.includes(r.status) && itemStreamed(r.content))
    .map((r) => r.status);
}
