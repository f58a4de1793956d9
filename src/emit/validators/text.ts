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

/**
 * `"/" + pointerSegment(name)`, the same string each time for the same name: property names
 * come back in many schemas, and a string made once is hashed once (stringLiteral's and the
 * module constants' lookups), where a fresh concatenation is copied and hashed at each lookup.
 */
const MEMBER_SEGMENTS = new Map<string, string>();
export function memberSegment(name: string): string {
  let segment = MEMBER_SEGMENTS.get(name);
  if (segment === undefined) {
    segment = "/" + pointerSegment(name);
    if (MEMBER_SEGMENTS.size < 50_000) MEMBER_SEGMENTS.set(name, segment);
  }
  return segment;
}

/**
 * stringLiteral(prefix + segment): a pointer's fixed text past its object's (`/owner` then
 * `/login`) as a literal, made once per prefix and segment. An object's members share its
 * pointer's text (one string, hashed once) and a member's segment is one string per name
 * (memberSegment), so the literal is found without a new string to copy and hash.
 */
const JOINED_LITERALS = new Map<string, Map<string, string>>();
let joinedLiterals = 0;
export function joinedLiteral(prefix: string, segment: string): string {
  let bySegment = JOINED_LITERALS.get(prefix);
  if (bySegment === undefined) {
    bySegment = new Map();
    if (joinedLiterals < 50_000) JOINED_LITERALS.set(prefix, bySegment);
  }
  let literal = bySegment.get(segment);
  if (literal === undefined) {
    literal = quote(prefix + segment);
    if (joinedLiterals < 50_000) {
      bySegment.set(segment, literal);
      joinedLiterals++;
    }
  }
  return literal;
}

/** A key as one JSON pointer segment (RFC 6901). */
export function pointerSegment(key: string): string {
  if (key.indexOf("~") < 0 && key.indexOf("/") < 0) return key;
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}
