import type { StructuredPatchHunk } from "diff";
import { createRequire } from "node:module";

// A line diff for `--check`, bounded in time and length: jsdiff's hunks, data lines summarised.

/** Three lines of context around a change; no exact diff past 2,000 lines (Myers is O((N+M)·D)). */
const BOUNDS = { context: 3, maxEditLength: 2000 };

/**
 * Unified diff from `before` (on disk) to `after` (what apiloom makes); "" when equal. At most
 * `maxLines`, headers included; the rest is summarised in one line.
 */
export function unifiedDiff(
  path: string,
  before: string | undefined,
  after: string | undefined,
  { maxLines = 60 }: { maxLines?: number } = {},
): string {
  if (before === after) return "";
  const header = [
    `--- ${before === undefined ? "/dev/null" : `a/${path}`}`,
    `+++ ${after === undefined ? "/dev/null" : `b/${path}`}`,
  ];
  const [a, b] = [before ?? "", after ?? ""];
  const patch = jsdiff().structuredPatch("", "", a, b, "", "", BOUNDS);
  // a page that embeds its data (the changelog's record) is made from it: one line says so
  const embeds = (line: string) =>
    "-+".includes(line[0]!) && EMBEDDED_DATA.test(line.slice(1));
  if (patch?.hunks.some((hunk) => hunk.lines.some(embeds)))
    return `~ ${path}: its data changed\n`;
  const body = patch
    ? patch.hunks.flatMap((hunk) => hunkLines(hunk, path))
    : [
        `@@ too many changes to show: ${lineCount(a)} lines before, ${lineCount(b)} after @@`,
      ];
  return capLines([...header, ...body], maxLines, "more diff lines");
}

/** The lines as text, at most `max`: the last then says how many more there are (`more`). */
export function capLines(lines: string[], max: number, more: string): string {
  if (lines.length > max) {
    const hidden = lines.length - max + 1;
    lines.length = max - 1;
    lines.push(`... ${hidden} ${more}`);
  }
  return lines.length > 0 ? lines.join("\n") + "\n" : "";
}

/** The lines of `text`, a last one without its newline too. */
const lineCount = (text: string) =>
  text.split("\n").length - (text === "" || text.endsWith("\n") ? 1 : 0);

// required when first used: the CLI loads a package only when it is used
const require = createRequire(import.meta.url);
const jsdiff = () => require("diff") as typeof import("diff");

/**
 * A changed line that is data, not text to read, shows as one line saying its data changed: a
 * long line, or an HTML comment that embeds base64 (`<!-- apiloom changes eyJr… -->`).
 */
const DATA_LINE = 500;
const EMBEDDED_DATA = /^<!--[\w -]* [A-Za-z0-9+/]{8,}={0,2} -->$/;

/** A hunk as printed, each block of changes' data lines as one line saying so. */
function hunkLines(hunk: StructuredPatchHunk, path: string): string[] {
  const out = [
    `@@ -${range(hunk.oldStart, hunk.oldLines)} +${range(hunk.newStart, hunk.newLines)} @@`,
  ];
  let aLine = hunk.oldStart;
  let bLine = hunk.newStart;
  let dataShown = false;
  for (const line of hunk.lines) {
    const kind = line[0];
    if (kind === " ") dataShown = false;
    // `\ No newline at end of file` goes with the line before it
    const data =
      kind === "\\"
        ? dataShown
        : kind !== " " &&
          (line.length > DATA_LINE + 1 || EMBEDDED_DATA.test(line.slice(1)));
    if (!data) out.push(line);
    else if (!dataShown) {
      out.push(
        `~ ${path}: its data changed (line ${kind === "-" ? aLine : bLine}; not shown)`,
      );
      dataShown = true;
    }
    if (kind === " " || kind === "-") aLine++;
    if (kind === " " || kind === "+") bLine++;
  }
  return out;
}

function range(start: number, count: number): string {
  if (count === 0) return `${start - 1},0`;
  return count === 1 ? `${start}` : `${start},${count}`;
}
