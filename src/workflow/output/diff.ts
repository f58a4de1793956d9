import { createRequire } from "node:module";

// A line diff for `--check`, bounded in time and length: jsdiff's edit script, printed here.

type Op = { kind: " " | "-" | "+"; line: string };

/** Lines of context around a change. */
const CONTEXT = 3;
/** Give up on an exact diff past this many differing lines (Myers is O((N+M)·D)). */
const MAX_EDITS = 2000;

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
  const a = splitLines(before ?? "");
  const b = splitLines(after ?? "");
  const header = [
    `--- ${before === undefined ? "/dev/null" : `a/${path}`}`,
    `+++ ${after === undefined ? "/dev/null" : `b/${path}`}`,
  ];
  const ops = diffLines(a, b, MAX_EDITS);
  // a page that embeds its data (the changelog's record) is made from it: one line says so
  if (ops?.some((op) => op.kind !== " " && EMBEDDED_DATA.test(op.line)))
    return `~ ${path}: its data changed\n`;
  const body = ops
    ? hunks(ops, path)
    : [
        `@@ too many changes to show: ${a.length} lines before, ${b.length} after @@`,
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

function splitLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  else lines[lines.length - 1] += "\n\\ No newline at end of file";
  return lines;
}

/** The shortest edit script from `a` to `b`; undefined past `maxEdits` differing lines. */
export function diffLines(
  a: readonly string[],
  b: readonly string[],
  maxEdits = Infinity,
): Op[] | undefined {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const changes = jsdiff().diffArrays(midA, midB, { maxEditLength: maxEdits });
  if (!changes) return undefined;
  const middle = changes.flatMap((change) =>
    change.value.map((line): Op => ({
      kind: change.added ? "+" : change.removed ? "-" : " ",
      line,
    })),
  );
  return [
    ...a.slice(0, head).map((line): Op => ({ kind: " ", line })),
    ...middle,
    ...a.slice(a.length - tail).map((line): Op => ({ kind: " ", line })),
  ];
}

// required when first used: the CLI loads a package only when it is used
const require = createRequire(import.meta.url);
const jsdiff = () => require("diff") as typeof import("diff");

/**
 * A changed line that is data, not text to read, shows as one line saying its data changed: a
 * long line, or an HTML comment that embeds base64 (`<!-- apiloom changes eyJr… -->`).
 */
const DATA_LINE = 500;
const EMBEDDED_DATA = /^<!--[\w -]* [A-Za-z0-9+/]{8,}={0,2} -->$/;

function hunks(ops: readonly Op[], path: string): string[] {
  const out: string[] = [];
  const changed = ops.flatMap((op, i) => (op.kind === " " ? [] : [i]));
  let i = 0;
  while (i < changed.length) {
    const start = Math.max(0, changed[i]! - CONTEXT);
    let end = Math.min(ops.length, changed[i]! + CONTEXT + 1);
    while (i + 1 < changed.length && changed[i + 1]! - CONTEXT <= end) {
      i++;
      end = Math.min(ops.length, changed[i]! + CONTEXT + 1);
    }
    i++;
    let aLine = 1;
    let bLine = 1;
    for (const op of ops.slice(0, start)) {
      if (op.kind !== "+") aLine++;
      if (op.kind !== "-") bLine++;
    }
    const slice = ops.slice(start, end);
    const aCount = slice.filter((op) => op.kind !== "+").length;
    const bCount = slice.filter((op) => op.kind !== "-").length;
    out.push(`@@ -${range(aLine, aCount)} +${range(bLine, bCount)} @@`);
    // one summary for the data lines of each block of changes
    let dataShown = false;
    for (const op of slice) {
      if (op.kind === " ") dataShown = false;
      const data =
        op.kind !== " " &&
        (op.line.length > DATA_LINE || EMBEDDED_DATA.test(op.line));
      if (!data) out.push(op.kind + op.line);
      else if (!dataShown) {
        out.push(
          `~ ${path}: its data changed (line ${op.kind === "-" ? aLine : bLine}; not shown)`,
        );
        dataShown = true;
      }
      if (op.kind !== "+") aLine++;
      if (op.kind !== "-") bLine++;
    }
  }
  return out;
}

function range(start: number, count: number): string {
  if (count === 0) return `${start - 1},0`;
  return count === 1 ? `${start}` : `${start},${count}`;
}
