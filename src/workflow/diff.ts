/** A line diff for `--check` output: small, exact, and bounded in both time and length. */

type Op = { kind: " " | "-" | "+"; line: string };

export interface DiffOptions {
  /** Unchanged lines shown around each change. */
  context?: number;
  /** Longest output in lines (headers included); the rest is summarised in one line. */
  maxLines?: number;
  /** Give up on an exact diff past this many differing lines (Myers is O((N+M)·D)). */
  maxEdits?: number;
}

/**
 * Unified diff from `before` (on disk) to `after` (what apiloom makes), labelled `a/<path>` and
 * `b/<path>`; a missing side is `/dev/null`. Returns "" when the texts are equal.
 */
export function unifiedDiff(
  path: string,
  before: string | undefined,
  after: string | undefined,
  options: DiffOptions = {},
): string {
  if (before === after) return "";
  const context = options.context ?? 3;
  const maxLines = options.maxLines ?? 60;
  const a = splitLines(before ?? "");
  const b = splitLines(after ?? "");
  const header = [
    `--- ${before === undefined ? "/dev/null" : `a/${path}`}`,
    `+++ ${after === undefined ? "/dev/null" : `b/${path}`}`,
  ];
  const ops = diffLines(a, b, options.maxEdits ?? 2000);
  const body = ops
    ? hunks(ops, context)
    : [
        `@@ too many changes to show: ${a.length} lines before, ${b.length} after @@`,
      ];
  const lines = [...header, ...body];
  if (lines.length > maxLines) {
    const hidden = lines.length - maxLines + 1;
    lines.length = maxLines - 1;
    lines.push(`... ${hidden} more diff lines`);
  }
  return lines.join("\n") + "\n";
}

function splitLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  else lines[lines.length - 1] += "\n\\ No newline at end of file";
  return lines;
}

/** Myers' O(ND) shortest edit script after trimming the common head and tail. */
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
  const middle = myers(midA, midB, maxEdits);
  if (!middle) return undefined;
  return [
    ...a.slice(0, head).map((line): Op => ({ kind: " ", line })),
    ...middle,
    ...a.slice(a.length - tail).map((line): Op => ({ kind: " ", line })),
  ];
}

function myers(
  a: readonly string[],
  b: readonly string[],
  maxEdits: number,
): Op[] | undefined {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    if (d > maxEdits) return undefined;
    // only diagonals -d..d can be read back at step d: keeps memory at O(D²), not O((N+M)·D)
    trace.push(v.slice(offset - d, offset + d + 1));
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)
          ? v[offset + k + 1]!
          : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, a, b, d);
    }
  }
  return [];
}

function backtrack(
  trace: Int32Array[],
  a: readonly string[],
  b: readonly string[],
  dEnd: number,
): Op[] {
  const ops: Op[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = dEnd; d > 0; d--) {
    const v = trace[d]!;
    const at = (diagonal: number) => v[diagonal + d]!;
    const k = x - y;
    const prevK =
      k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      y--;
      ops.push({ kind: " ", line: a[--x]! });
    }
    if (x === prevX) ops.push({ kind: "+", line: b[--y]! });
    else ops.push({ kind: "-", line: a[--x]! });
  }
  while (x > 0 && y > 0) {
    x--;
    y--;
    ops.push({ kind: " ", line: a[x]! });
  }
  return ops.reverse();
}

function hunks(ops: readonly Op[], context: number): string[] {
  const out: string[] = [];
  const changed = ops.flatMap((op, i) => (op.kind === " " ? [] : [i]));
  let i = 0;
  while (i < changed.length) {
    const start = Math.max(0, changed[i]! - context);
    let end = Math.min(ops.length, changed[i]! + context + 1);
    while (i + 1 < changed.length && changed[i + 1]! - context <= end) {
      i++;
      end = Math.min(ops.length, changed[i]! + context + 1);
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
    out.push(
      `@@ -${range(aLine, aCount)} +${range(bLine, bCount)} @@`,
      ...slice.map((op) => op.kind + op.line),
    );
  }
  return out;
}

function range(start: number, count: number): string {
  if (count === 0) return `${start - 1},0`;
  return count === 1 ? `${start}` : `${start},${count}`;
}
