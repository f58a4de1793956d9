import { markdownCode, markdownText } from "../shared/escape.js";

/**
 * Markdown escaping on top of src/emit/shared/escape.ts for the places docs put spec text:
 * paragraphs, one-line spots (headings, table cells) and fenced code.
 */

/** A paragraph of spec text: no markup, line breaks kept. */
export function markdownProse(text: string): string {
  return markdownText(text.replace(/\r\n?/g, "\n"))
    .split("\n")
    .map((line) => line.trim())
    .join("\n")
    .replace(/^=/gm, "\\=") // a line of `=` would turn the line above into a heading
    .replace(/\n{3,}/g, "\n\n");
}

/** Spec text on one line (a heading, a list item, a table cell): whitespace runs become one space. */
export function markdownInline(text: string): string {
  return markdownText(text.replace(/\s+/g, " ").trim());
}

/** A table cell: inline text where `|` cannot end the cell (markdownText already escapes it). */
export function markdownCell(text: string | undefined): string {
  return text === undefined ? "" : markdownInline(text);
}

/** An inline code span inside a table cell: GFM splits cells on `|` even inside code spans. */
export function markdownCodeCell(text: string): string {
  return markdownCode(text.replace(/\s+/g, " ")).replace(/\|/g, "\\|");
}

/** A fenced code block the code cannot close: the fence is longer than any backtick run inside. */
export function markdownFence(code: string, lang = ""): string {
  const longest = Math.max(
    0,
    ...(code.match(/`+/g) ?? []).map((run) => run.length),
  );
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}${lang}\n${code.replace(/\r\n?/g, "\n")}\n${fence}`;
}
