import { stringLiteral as quote } from "../shared/literals.js";

/** The texts the validators write into code: quoted literals and violation messages. */

/** The same texts (messages, keywords, property names) come back often: quote each once. */
const QUOTED = new Map<string, string>();
export function stringLiteral(text: string): string {
  let quoted = QUOTED.get(text);
  if (quoted === undefined) {
    quoted = quote(text);
    if (QUOTED.size < 50_000) QUOTED.set(text, quoted);
  }
  return quoted;
}

/** A JSON value as a TypeScript literal (strings quoted the prettier way). */
export function literal(v: unknown): string {
  if (typeof v === "string") return stringLiteral(v);
  return JSON.stringify(v);
}

/** `1 item`, `2 items`. */
export const plural = (n: number, word: string): string =>
  `${n} ${word}${n === 1 ? "" : "s"}`;

/** `1 property`, `2 properties`. */
export const properties = (n: number): string =>
  `${n} ${n === 1 ? "property" : "properties"}`;

/** A key as one JSON pointer segment (RFC 6901). */
export function pointerSegment(key: string): string {
  if (key.indexOf("~") < 0 && key.indexOf("/") < 0) return key;
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}
