import {
  type TextOut,
  htmlText,
  jsonForScript,
  loadTemplate,
  markdownCode,
  markdownText,
  textWidth,
  tsString,
} from "../toolkit.js";
import type { DocsView, TagView } from "./view-types.js";

/**
 * An http(s) URL in spec text, written as a `<…>` autolink (escaping it would put backslashes
 * into the link GitHub makes anyway). `|` ends it (a table splits cells first), and so do `[` and
 * `]` but around an IPv6 host (`[http://a.io](http://a.io)` is two links), and a control
 * character (no autolink holds one: the brackets would show as text).
 */
const URL = /https?:\/\/(?:\[[0-9A-Fa-f:.]+\])?[^\s<>|`"\\[\]\0-\x1f\x7f]*/g;

/** Inline text with its URLs as autolinks and everything else escaped. */
function textWithLinks(text: string): string {
  let out = "";
  let last = 0;
  for (const match of text.matchAll(URL)) {
    const url = trimUrl(match[0]);
    if (!/^https?:\/\/[^/?#]/.test(url)) continue;
    out += markdownText(text.slice(last, match.index)) + `<${url}>`;
    last = match.index + url.length;
  }
  return out + markdownText(text.slice(last));
}

/**
 * Drops sentence punctuation and unbalanced closing parentheses after a URL (as GFM does), the
 * parentheses counted once: a URL ending in a long run of them costs no more than its length.
 */
export function trimUrl(url: string): string {
  const open = url.split("(").length - 1;
  let close = url.split(")").length - 1;
  let end = url.length;
  for (;;) {
    const last = url[end - 1]!;
    if (".,;:!?'*_~".includes(last)) end--;
    else if (last === ")" && close > open) {
      end--;
      close--;
    } else return url.slice(0, end);
  }
}

/** A paragraph of spec text: no markup, line breaks kept. */
export function markdownProse(text: string): string {
  return (
    textWithLinks(text.replace(LINE_BREAKS, "\n"))
      .split("\n")
      .map((line) => line.trim().replace(/[ \t]+/g, " "))
      .join("\n")
      .trim()
      // a line of `=` would turn the line above into a heading
      .replace(/^=/gm, "\\=")
      .replace(/\n{3,}/g, "\n\n")
  );
}

const LINE_BREAKS = /\r\n?/g;

/** Spec text on one line (a heading, a list item, a table cell): whitespace runs become one space. */
export function markdownInline(text: string): string {
  return textWithLinks(text.replace(/\s+/g, " ").trim());
}

/** A table cell: inline text where `|` cannot end the cell (markdownText already escapes it). */
export function markdownCell(text: string | undefined): string {
  return text === undefined ? "" : markdownInline(text);
}

/** A code span in a table cell: GFM splits cells on a `|` after an even run of backslashes. */
export function markdownCodeCell(text: string): string {
  return markdownCode(text.replace(/\s+/g, " ")).replace(/\\+\|?|\|/g, (m) =>
    m.endsWith("|") && m.length % 2 === 1 ? "\\" + m : m,
  );
}

/** A fenced code block the code cannot close: the fence is longer than any backtick run inside. */
export function markdownFence(code: string, lang = ""): string {
  const fence = "`".repeat(
    Math.max(3, ...(code.match(/`+/g) ?? []).map((run) => run.length + 1)),
  );
  return `${fence}${lang}\n${code.replace(LINE_BREAKS, "\n")}\n${fence}`;
}

/**
 * A GFM table with its columns padded, as prettier lays tables out; cells come escaped. Padding
 * that would make the table more than four times its text (one wide cell over many rows) is left
 * out, so what is written stays in proportion to what the spec says.
 */
export function markdownTable(header: string[], rows: string[][]): string {
  const body = rows.map((row) => header.map((_, i) => row[i]?.trim() ?? ""));
  const sizes = [header, ...body].map((row) => row.map(textWidth));
  const widths = header.map(() => 3);
  let text = 0;
  for (const row of sizes)
    row.forEach((width, i) => {
      widths[i] = Math.max(widths[i]!, width);
      text += width;
    });
  const padded = widths.reduce((sum, w) => sum + w, 0) * sizes.length;
  const aligned = padded <= 4 * text + PADDING_ALWAYS;
  const rule = widths.map((w) => "-".repeat(aligned ? w : 3));
  const line = (cells: readonly string[], size: readonly number[]) =>
    `| ${cells.map((c, i) => (aligned ? c + " ".repeat(widths[i]! - size[i]!) : c)).join(" | ")} |`;
  return [
    line(header, sizes[0]!),
    line(rule, widths),
    ...body.map((row, r) => line(row, sizes[r + 1]!)),
  ].join("\n");
}

/** Padding every table may have, however little text it holds. */
const PADDING_ALWAYS = 64 * 1024;

/**
 * The lines of a page, joined by line breaks: with `out` each is written there as it comes, so a
 * large API's page is never held whole; without, they are kept for text() ("" with `out`).
 */
export function pageLines(out?: TextOut) {
  const lines: string[] = [];
  let first = true;
  return {
    push(...more: string[]): void {
      if (out === undefined) return void lines.push(...more);
      for (const line of more) {
        if (first) first = false;
        else out.write("\n");
        out.write(line);
      }
    },
    text: () => lines.join("\n"),
  };
}

/** The texts {@link once} made, by list, then by key. */
const made = new WeakMap<object, Map<string, string>>();

/**
 * The text `make` gives of one of the docs view's shared lists, made once per list and `key` (the
 * kind of text and what else it depends on): a large API repeats its rows thousands of times.
 */
function once(list: object, key: string, make: () => string): string {
  let texts = made.get(list);
  if (texts === undefined) made.set(list, (texts = new Map()));
  let text = texts.get(key);
  if (text === undefined) texts.set(key, (text = make()));
  return text;
}

/**
 * The helpers every docs template gets: escaping (spec strings only reach output through them),
 * the page's lines, and a shared list's text made once.
 */
export const docsHelpers = {
  htmlText,
  jsonForScript,
  markdownText,
  markdownCode,
  markdownProse,
  markdownInline,
  markdownCell,
  markdownCodeCell,
  markdownFence,
  markdownTable,
  once,
  pageLines,
  tsString,
};

export type DocsHelpers = typeof docsHelpers;

/**
 * `templates/docs/markdown.js`. A page given `out` (only apiloom's own templates are) is written
 * there as it is made and returns "".
 */
export interface MarkdownTemplate {
  /** The template contract it is written for (TEMPLATE_CONTRACT). */
  contract: number;
  indexPage(view: DocsView, h: DocsHelpers, out?: TextOut): string;
  tagPage(view: DocsView, tag: TagView, h: DocsHelpers, out?: TextOut): string;
  diagnosticsPage(view: DocsView, h: DocsHelpers, out?: TextOut): string;
  schemasPage(view: DocsView, h: DocsHelpers, out?: TextOut): string;
  /** `docs/webhooks.md`, written when the API sends webhooks and the template has it. */
  webhooksPage?(view: DocsView, h: DocsHelpers, out?: TextOut): string;
}

/** `templates/docs/html.js`; its CSS and script come from `templates/docs/html-assets.js`. */
export interface HtmlTemplate {
  contract: number;
  htmlPage(
    view: DocsView,
    h: DocsHelpers,
    assets: HtmlAssets,
    out?: TextOut,
  ): string;
}

/** The CSS and script `htmlPage` inlines into the page (no spec text: nothing to escape). */
export interface HtmlAssets {
  css: string;
  script: string;
}

/** `templates/docs/html-assets.js`: the assets, as text exports. */
export interface HtmlAssetsTemplate extends HtmlAssets {
  contract: number;
}

export async function loadDocsTemplates(templatesDir?: string) {
  const [markdown, html, assets] = await Promise.all([
    loadTemplate<MarkdownTemplate>("docs", "markdown.js", templatesDir),
    loadTemplate<HtmlTemplate>("docs", "html.js", templatesDir),
    loadTemplate<HtmlAssetsTemplate>("docs", "html-assets.js", templatesDir),
  ]);
  return { markdown, html, assets: { css: assets.css, script: assets.script } };
}
