import type { TextPart } from "./fields.js";

const LINE_BREAK = /[\n\r\u2028\u2029]/;

/**
 * The model's path template (`/…{name}…`) of a Postman path (variables substituted): `:name`,
 * `{{name}}` with no value, `<name>` and `{name}` are its variables. A `:name` ends at the first
 * `.` (`:id.json` → `{id}.json`); a colon elsewhere is literal (`chat:bot:messages`). A trailing
 * slash is kept: `/site/` and `/site` are different resources to some servers.
 */
export function buildPathTemplate(parts: readonly TextPart[]): string {
  // NUL marks unresolved variables: no usable URL path holds one.
  let text = "";
  for (const part of parts)
    text +=
      "text" in part
        ? part.text
        : `\u0000${part.variable.replace(/\//g, "_")}\u0000`;
  const segments = text.split("/").filter((s) => s !== "");
  const out = segments.map((segment) => {
    // `(.*)$` fails only on a line terminator, after which the name's every length would be
    // tried again: such a segment is no `:name` (as the expression alone says), asked first
    const colon = LINE_BREAK.test(segment)
      ? null
      : /^:([^.{}\u0000]+)(.*)$/.exec(segment);
    if (colon) return `{${colon[1]!}}` + literal(colon[2]!);
    const angle = /^<([^<>{}\u0000]+)>$/.exec(segment);
    if (angle) return `{${angle[1]!}}`;
    return literal(segment);
  });
  const trailing = text.endsWith("/") && segments.length > 0 ? "/" : "";
  return "/" + out.join("/") + trailing;
}

/** Literal segment text: unresolved markers become variables, `{name}`s stay variables, the rest is encoded. */
function literal(text: string): string {
  let out = "";
  const pattern = /\u0000([^\u0000]*)\u0000|\{([^{}\u0000]+)\}/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    out += encodeLiteral(text.slice(last, match.index));
    out += `{${match[1] ?? match[2]!}}`;
    last = match.index + match[0].length;
  }
  return out + encodeLiteral(text.slice(last));
}

/**
 * Percent-encodes what may not stand in a URL path segment (RFC 3986 §3.3 pchar): spaces,
 * stray braces, non-ASCII. Existing `%XX` escapes are kept as written.
 */
function encodeLiteral(text: string): string {
  return text.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@%]/gu, (ch) => {
    try {
      return encodeURIComponent(ch);
    } catch {
      return ""; // a lone surrogate is not text
    }
  });
}
