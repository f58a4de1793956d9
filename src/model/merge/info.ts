import { pickWinner } from "./rank.js";
import type { ApiInfo, DocumentModel, Endpoint } from "../types.js";
import { trimTrailing } from "../linear-text.js";

const FALLBACK: ApiInfo = { title: "API", version: "1.0.0" };

/**
 * The merged API's title, version and description. Exported collections and generated specs often
 * title a document after one of its operations ("Stride Get conversation roster"): such a trailing
 * operation summary is cut off, and a title or description that is only an operation's words is
 * no title at all. Of what remains, the title most documents share wins (case aside); a tie, or a
 * preferred file (`merge.prefer`), goes by the ranking of src/model/rank.ts. Version and
 * description come from the winning document (the description from another of the same title
 * when the winner's is an operation's).
 */
export function mergeInfo(
  documents: readonly DocumentModel[],
  endpoints: readonly Endpoint[],
  rankOf: (doc: DocumentModel) => number,
  preferred: (doc: DocumentModel) => boolean,
): ApiInfo {
  const phrases = operationPhrases(endpoints, askedPhrases(documents));
  const candidates = documents.flatMap((doc) => {
    const title = cleanTitle(doc.info.title, phrases);
    return title === undefined ? [] : [{ doc, title }];
  });
  if (candidates.length === 0) {
    const first = pickWinner(documents.map((d) => offer(d, rankOf)));
    return first
      ? { ...FALLBACK, version: first.value.info.version || FALLBACK.version }
      : FALLBACK;
  }
  const byTitle = new Map<string, typeof candidates>();
  for (const c of candidates) {
    const key = c.title.toLowerCase();
    byTitle.set(key, [...(byTitle.get(key) ?? []), c]);
  }
  const most = Math.max(...[...byTitle.values()].map((list) => list.length));
  const contenders = candidates.some((c) => preferred(c.doc))
    ? candidates
    : [...byTitle.values()].filter((l) => l.length === most).flat();
  const winner = pickWinner(
    contenders.map((c) => ({ ...offer(c.doc, rankOf), value: c })),
  )!.value;
  const sameTitle = byTitle.get(winner.title.toLowerCase())!;
  const info: ApiInfo = {
    title: winner.title,
    version: winner.doc.info.version || FALLBACK.version,
  };
  const description = [winner, ...sameTitle]
    .map((c) => c.doc.info.description?.trim())
    .find((d) => d && !phrases.has(normalize(d)));
  if (description) info.description = description;
  return info;
}

function offer(doc: DocumentModel, rankOf: (doc: DocumentModel) => number) {
  return {
    value: doc,
    rank: rankOf(doc),
    source: doc.endpoints[0]?.sources[0] ?? {
      file: doc.file,
      line: 1,
      column: 1,
      pointer: "#",
    },
    richness: doc.endpoints.length,
  };
}

/**
 * Operation summaries, descriptions and request names, normalized; with `asked`, only those among
 * them (the set is only asked about those). A text is normalized only when it may be one asked
 * ({@link mayBeAsked}): an operation's description is often pages of prose, and normalizing
 * every summary made a copy or three of each.
 */
export function operationPhrases(
  endpoints: readonly Endpoint[],
  asked?: ReadonlySet<string>,
): Set<string> {
  const out = new Set<string>();
  const firsts = new Set<number>();
  let longest = 0;
  for (const phrase of asked ?? []) {
    firsts.add(phrase.charCodeAt(0));
    longest = Math.max(longest, phrase.length);
  }
  const add = (text: string | undefined): void => {
    if (!text) return;
    if (asked && !mayBeAsked(text, firsts, longest)) return;
    if (text.trim() === "") return;
    const phrase = normalize(text);
    if (!asked || asked.has(phrase)) out.add(phrase);
  };
  for (let i = 0; i < endpoints.length; i++) {
    const e = endpoints[i]!;
    add(e.summary);
    add(e.description);
    const names = e.nameCandidates;
    for (let k = 0; k < names.length; k++)
      if (names[k]!.kind === "requestName") add(names[k]!.value);
  }
  return out;
}

/**
 * The normalized texts {@link mergeInfo} looks up among the phrases: each document's title and
 * each ending of it (cleanTitle), and its description.
 */
function askedPhrases(documents: readonly DocumentModel[]): Set<string> {
  const asked = new Set<string>();
  for (const doc of documents) {
    const title = doc.info.title?.trim().replace(/\s+/g, " ") ?? "";
    const words = title.split(" ");
    for (let i = 0; i < words.length; i++)
      asked.add(normalize(words.slice(i).join(" ")));
    const description = doc.info.description?.trim();
    if (description) asked.add(normalize(description));
  }
  return asked;
}

/**
 * False when `normalize(text)` is surely none of the phrases asked, without normalizing it: the
 * text starts with a printable ASCII character other than the dot, which `normalize` keeps first
 * (in lower case: no whitespace to trim before it, and lower-casing changes no other character's
 * place before it) and no asked phrase starts with that (`firsts`: their first characters); or
 * it is longer than the longest of them ({@link surelyLonger}).
 */
function mayBeAsked(
  text: string,
  firsts: ReadonlySet<number>,
  longest: number,
): boolean {
  const c = text.charCodeAt(0);
  if (c > 0x20 && c < 0x7f && c !== 0x2e) {
    const lower = c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
    if (!firsts.has(lower)) return false;
  }
  return !surelyLonger(text, longest);
}

/**
 * True when `normalize(text)` is surely longer than `limit`: it keeps every printable ASCII
 * character but the dot as one character (whitespace collapses, trailing dots go, and
 * lower-casing may change others), so more of those than `limit` is enough. Stops counting there.
 */
function surelyLonger(text: string, limit: number): boolean {
  if (text.length <= limit) return false;
  let kept = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x20 && c < 0x7f && c !== 0x2e && ++kept > limit) return true;
  }
  return false;
}

export function normalize(text: string): string {
  return trimTrailing(text.trim(), ".").replace(/\s+/g, " ").toLowerCase();
}

/** The title without a trailing operation summary; undefined when nothing else is left. */
function cleanTitle(
  title: string | undefined,
  phrases: Set<string>,
): string | undefined {
  const text = title?.trim().replace(/\s+/g, " ") ?? "";
  if (text === "" || phrases.has(normalize(text))) return undefined;
  const words = text.split(" ");
  // the longest operation phrase the title ends with
  for (let i = 1; i < words.length; i++) {
    if (phrases.has(normalize(words.slice(i).join(" "))))
      return words.slice(0, i).join(" ");
  }
  return text;
}
