import { compareCodeUnits } from "../order.js";
import type { ApiModel, Endpoint, SourceFormat, SourceRef } from "../types.js";
import { lineOf } from "../diagnostics/source-place.js";
import { trimTrailing } from "../linear-text.js";

/** Rule 1 of how disagreeing sources rank; rules 0–3: docs/inputs.md, "How sources are merged". */
export const FORMAT_RANK: Record<SourceFormat, number> = {
  "openapi3.2": 6,
  "openapi3.1": 5,
  "openapi3.0": 4,
  swagger2: 3,
  "postman2.1": 2,
  "postman2.0": 1,
};

export function compareSources(a: SourceRef, b: SourceRef): number {
  return (
    compareCodeUnits(a.file, b.file) ||
    lineOf(a) - lineOf(b) ||
    a.column - b.column ||
    compareCodeUnits(a.pointer, b.pointer)
  );
}

/** Whether the user prefers the file (rule 0): a `prefer` entry names it or a folder above it. */
export function isPreferred(file: string, prefer: readonly string[]): boolean {
  return preferenceIndex(file, prefer) !== -1;
}

function preferenceIndex(file: string, prefer: readonly string[]): number {
  return prefer.findIndex((entry) => {
    const e = trimTrailing(entry, "/");
    return file === e || file.startsWith(e + "/");
  });
}

/** The rank of a document under rules 0 and 1: its place in `prefer`, then its format. */
export function documentRank(
  file: string,
  format: SourceFormat,
  prefer: readonly string[] = [],
): number {
  const index = preferenceIndex(file, prefer);
  return (index === -1 ? 0 : prefer.length - index) * 10 + FORMAT_RANK[format];
}

/** A fact offered by one source, with what the ranking needs to know. */
export interface Offer<T> {
  value: T;
  /** The offering document's {@link documentRank} (rules 0 and 1). */
  rank: number;
  source: SourceRef;
  /** Higher is richer (rule 2). */
  richness?: number;
}

/** The winning offer by the rules of {@link FORMAT_RANK}. */
export function pickWinner<T>(offers: readonly Offer<T>[]) {
  let best: Offer<T> | undefined;
  for (const offer of offers)
    if (!best || compareOffers(offer, best) < 0) best = offer;
  return best;
}

export function compareOffers<T>(a: Offer<T>, b: Offer<T>): number {
  return (
    b.rank - a.rank ||
    (b.richness ?? 0) - (a.richness ?? 0) ||
    compareSources(a.source, b.source)
  );
}

/** One document's view of an endpoint, with the rank of the document it came from. */
export interface EndpointOffer {
  endpoint: Endpoint;
  rank: number;
  /** Its document (Postman) has no types: a parameter's is a guess from its text. */
  guessesTypes?: boolean;
  /** The merged named schemas, which the endpoint's `$ref`s name. */
  schemas?: Readonly<ApiModel["schemas"]>;
}

/** A fact one view offers, at that view's rank, for {@link pickWinner}. */
export function offer<T>(
  view: EndpointOffer,
  value: T,
  richness = 0,
  source: SourceRef = view.endpoint.sources[0]!,
): Offer<T> {
  return { value, rank: view.rank, source, richness };
}

/** The longest text the entries give, ranked as their views are (rule 2: the richer text wins). */
export function longestText<E>(
  entries: readonly E[],
  view: (entry: E) => EndpointOffer,
  text: (entry: E) => string | undefined,
  source?: (entry: E) => SourceRef | undefined,
): string | undefined {
  return pickWinner(
    entries.flatMap((e) => {
      const t = text(e);
      return t ? [offer(view(e), t, t.length, source?.(e))] : [];
    }),
  )?.value;
}
