/**
 * Every string that comes from a spec is data. These functions make it safe for the place it
 * lands; emitters and templates call them and never paste spec text raw.
 */

/** `\uXXXX` for a character of one UTF-16 unit. */
const unicodeEscape = (ch: string) =>
  "\\u" + ch.charCodeAt(0).toString(16).padStart(4, "0");

/** A TS string literal in double quotes: JSON's (a lone surrogate escaped), DEL, U+2028/9 too. */
export function tsString(value: string): string {
  return JSON.stringify(value).replace(/[\x7f\u2028\u2029]/g, unicodeEscape);
}

const JSDOC_NOT_PLAIN = /[\r\n@]|\*\/|\/\*|\s$/;

/** Text for the inside of a `/** … *\/` comment, line by line: `*\/` cannot close it. */
export function jsdocLines(text: string): string[] {
  // one line, nothing to escape or trim: the text is its line
  if (!JSDOC_NOT_PLAIN.test(text)) return [text];
  return text
    .replace(/\*\//g, "*\\/")
    .replace(/\/\*/g, "/\\*")
    .replace(/@(?=[a-zA-Z])/g, "\\@")
    .split(/\r\n?|\n/)
    .map((line) => line.trimEnd());
}

/** Inline Markdown text: characters that would start markup are backslash-escaped, HTML is neutralised. */
export function markdownText(text: string): string {
  // list markers after blanks within a line (\s but line breaks): a line start scans its line
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/\\/g, "\\\\")
    .replace(/([`*_[\]{}()#+!|<>~&])/g, "\\$1")
    .replace(/^([^\S\n\r\u2028\u2029]*)-/gm, "$1\\-")
    .replace(/^([^\S\n\r\u2028\u2029]*\d+)\./gm, "$1\\.");
}

/** An inline code span of any text, on one line (backtick runs fenced by longer ones; "" a space). */
export function markdownCode(text: string): string {
  const oneLine = text.replace(/\r\n?|\n/g, " ") || " ";
  if (!oneLine.includes("`")) return `\`${oneLine}\``;
  const longest = Math.max(...oneLine.match(/`+/g)!.map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = oneLine.startsWith("`") || oneLine.endsWith("`") ? " " : "";
  return `${fence}${pad}${oneLine}${pad}${fence}`;
}

/** `encodeURIComponent`, a lone surrogate (which it throws on) as U+FFFD, as a URL writes it. */
export function uriComponent(text: string): string {
  return encodeURIComponent(text.replace(/\p{Cs}/gu, "\ufffd"));
}

/** HTML text and attribute values; a character HTML has no place for (NUL, C0, C1) is U+FFFD. */
export function htmlText(text: string): string {
  return text.replace(HTML_SPECIALS, (ch) => HTML_ENTITIES[ch] ?? "\ufffd");
}

const HTML_SPECIALS = /[&<>"'\0-\x08\x0b\x0e-\x1f\x7f-\x9f]/g;
const HTML_ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** JSON inside a `<script type="application/json">`: no `</script>`, and no DEL or C1 (no place in HTML). */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(SCRIPT_SPECIALS, unicodeEscape);
}

const SCRIPT_SPECIALS = /[<>&\x7f-\x9f\u2028\u2029]/g;
