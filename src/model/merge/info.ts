import { fileStart } from "../diagnostics/reporter.js";
import { pickWinner } from "./rank.js";
import type { ApiInfo, DocumentModel, Endpoint } from "../types.js";
import { trimTrailing } from "../linear-text.js";
import { grouped } from "../lists.js";

const FALLBACK: ApiInfo = { title: "API", version: "1.0.0" };

/**
 * The merged API's title (docs/inputs.md, "How sources are merged"), and the winning document's
 * version and description (another's of the same title when the winner's is an operation's).
 */
export function mergeInfo(
  documents: readonly DocumentModel[],
  endpoints: readonly Endpoint[],
  rankOf: (doc: DocumentModel) => number,
  preferred: (doc: DocumentModel) => boolean,
): ApiInfo {
  const phrases = operationPhrases(endpoints);
  const candidates = documents.flatMap((doc) => {
    const title = cleanTitle(doc.info.title, phrases);
    return title === undefined ? [] : [{ doc, title }];
  });
  if (candidates.length === 0) {
    const first = pickWinner(documents.map((d) => offer(d, rankOf)));
    if (!first) return FALLBACK;
    // its description may be an operation's; what else it writes stays
    const { description: _, ...written } = first.value.info;
    return {
      ...written,
      title: FALLBACK.title,
      version: written.version || FALLBACK.version,
    };
  }
  const byTitle = grouped(candidates, (c) => c.title.toLowerCase());
  const most = Math.max(...[...byTitle.values()].map((list) => list.length));
  const contenders = candidates.some((c) => preferred(c.doc))
    ? candidates
    : [...byTitle.values()].filter((l) => l.length === most).flat();
  const winner = pickWinner(
    contenders.map((c) => ({ ...offer(c.doc, rankOf), value: c })),
  )!.value;
  const sameTitle = byTitle.get(winner.title.toLowerCase())!;
  const description = [winner, ...sameTitle]
    .map((c) => c.doc.info.description?.trim())
    .find((d) => d && !phrases.has(normalize(d)));
  return {
    ...winner.doc.info,
    title: winner.title,
    version: winner.doc.info.version || FALLBACK.version,
    description,
  };
}

function offer(doc: DocumentModel, rankOf: (doc: DocumentModel) => number) {
  return {
    value: doc,
    rank: rankOf(doc),
    source: doc.endpoints[0]?.sources[0] ?? fileStart(doc.file),
    richness: doc.endpoints.length,
  };
}

function operationPhrases(endpoints: readonly Endpoint[]): Set<string> {
  const texts = endpoints.flatMap((e) => [
    e.summary,
    e.description,
    ...e.nameCandidates.map((c) => (c.kind === "requestName" ? c.value : "")),
  ]);
  return new Set(texts.filter((t) => t?.trim()).map((t) => normalize(t!)));
}

function normalize(text: string): string {
  return trimTrailing(text.trim(), ".").replace(/\s+/g, " ").toLowerCase();
}

/** The title without a trailing operation summary; undefined when nothing else is left. */
function cleanTitle(title: string | undefined, phrases: Set<string>) {
  const text = title?.trim().replace(/\s+/g, " ") ?? "";
  if (text === "" || phrases.has(normalize(text))) return undefined;
  const words = text.split(" ");
  // the longest operation phrase the title ends with
  for (let i = 1; i < words.length; i++)
    if (phrases.has(normalize(words.slice(i).join(" "))))
      return words.slice(0, i).join(" ");
  return text;
}
