import { stringLiteral as quote } from "../shared/literals.js";

/** The texts the validators write into code: quoted literals and violation messages. */

/**
 * The texts the validators of one run write into code, each made once: the same messages,
 * keywords and property names come back often (GitHub: tens of thousands of times), and a string
 * made once is hashed once by the module constants' lookups, where a fresh one is copied and
 * hashed at each. The plugin makes one per run (index.ts) and both files share it.
 */
export class ValidatorTexts {
  private readonly quoted = new Map<string, string>();
  private readonly segments = new Map<string, string>();
  private readonly joined = new Map<string, Map<string, string>>();

  /** `text` as a string literal (stringLiteral of shared/literals.ts). */
  stringLiteral(text: string): string {
    let quoted = this.quoted.get(text);
    if (quoted === undefined) this.quoted.set(text, (quoted = quote(text)));
    return quoted;
  }

  /** A JSON value as a TypeScript literal (strings quoted the prettier way). */
  literal(v: unknown): string {
    if (typeof v === "string") return this.stringLiteral(v);
    return JSON.stringify(v);
  }

  /** `"/" + pointerSegment(name)`, the same string each time for the same name. */
  memberSegment(name: string): string {
    let segment = this.segments.get(name);
    if (segment === undefined)
      this.segments.set(name, (segment = "/" + pointerSegment(name)));
    return segment;
  }

  /**
   * stringLiteral(prefix + segment): a pointer's fixed text past its object's (`/owner` then
   * `/login`) as a literal, made once per prefix and segment. An object's members share its
   * pointer's text (one string, hashed once) and a member's segment is one string per name
   * (memberSegment), so the literal is found without a new string to copy and hash.
   */
  joinedLiteral(prefix: string, segment: string): string {
    let bySegment = this.joined.get(prefix);
    if (bySegment === undefined)
      this.joined.set(prefix, (bySegment = new Map()));
    let literal = bySegment.get(segment);
    if (literal === undefined)
      bySegment.set(segment, (literal = quote(prefix + segment)));
    return literal;
  }
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
