import type { Offer } from "./rank.js";
import type { Endpoint, SourceRef } from "../types.js";

/** One document's view of an endpoint, with the rank of the document it came from (src/model/merge/rank.ts). */
export interface EndpointOffer {
  endpoint: Endpoint;
  rank: number;
}

/** A fact one view offers, at that view's rank, for `pickWinner` (src/model/merge/rank.ts). */
export function offer<T>(
  view: EndpointOffer,
  value: T,
  richness = 0,
  source: SourceRef = view.endpoint.sources[0]!,
): Offer<T> {
  return { value, rank: view.rank, source, richness };
}
