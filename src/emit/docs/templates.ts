import {
  type TextOut,
  htmlText,
  jsonForScript,
  loadTemplate,
  markdownCode,
  markdownText,
  tsString,
} from "../toolkit.js";
import {
  markdownCell,
  markdownCodeCell,
  markdownFence,
  markdownInline,
  markdownProse,
  markdownTable,
} from "./markdown.js";
import type { DocsView, TagView } from "./view-types.js";

/** A page's lines as a template makes them (`h.pageLines`): written as they come, or kept. */
interface PageLines {
  push(...lines: string[]): void;
  /** The page's text: its lines joined by line breaks; "" when they went to a sink. */
  text(): string;
}

/**
 * The lines of a page, joined by line breaks: with `out` each is written there as it comes, so a
 * large API's page is never held whole; without, they are kept for text().
 */
export function pageLines(out?: TextOut): PageLines {
  const lines: string[] = [];
  let first = true;
  return {
    push(...more) {
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
