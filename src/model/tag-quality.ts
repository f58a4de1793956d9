import type { Endpoint } from "./types.js";
import { words as splitWords } from "./identifiers.js";

/** Below this many endpoints the ratio rule says nothing: any grouping of a few is quick to read. */
const MIN_ENDPOINTS = 12;

export interface TagAssessment {
  /** True when the tags make poor groups and the docs had better group by path (`auto` mode). */
  degenerate: boolean;
  reason?: string;
  /** Distinct tags (case aside). */
  tags: number;
  endpoints: number;
}

/** Whether an API's tags are worth grouping its docs by (docs/docs-and-openapi.md, "Groups"). */
export function assessTags(endpoints: readonly Endpoint[]): TagAssessment {
  const tags = new Set(
    endpoints.flatMap((e) => e.tags.map((t) => t.trim().toLowerCase())),
  );
  const tagged = endpoints.filter((e) => e.tags.length > 0);
  const split = tagged.filter(isSplitWords).length;
  // no tag at all: neither rule holds
  const reason =
    split * 2 > tagged.length
      ? `the tags of ${split} of ${tagged.length} tagged endpoints are words of their summaries or paths`
      : endpoints.length >= MIN_ENDPOINTS && tags.size * 2 > endpoints.length
        ? `${tags.size} tags for ${endpoints.length} endpoints: more groups than half the endpoints`
        : undefined;
  return {
    tags: tags.size,
    endpoints: endpoints.length,
    degenerate: reason !== undefined,
    ...(reason !== undefined && { reason }),
  };
}

/** Two or more tags, at least three in four of them single words of the endpoint's own text. */
function isSplitWords(endpoint: Endpoint): boolean {
  if (endpoint.tags.length < 2) return false;
  const own = new Set(
    words(
      [
        endpoint.summary ?? "",
        endpoint.path,
        ...endpoint.nameCandidates.map((c) => c.value),
      ].join(" "),
    ),
  );
  const hits = endpoint.tags.filter((tag) => {
    const parts = words(tag);
    return parts.length === 1 && own.has(parts[0]!);
  }).length;
  return hits * 4 >= endpoint.tags.length * 3;
}

/** The words of `text` as names are made of them (identifiers.ts), lower-cased. */
const words = (text: string) => splitWords(text).map((w) => w.toLowerCase());
