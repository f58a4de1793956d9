/** Turns character offsets into 1-based line and column numbers, counting `\n` (so CRLF works too). */
export class LineIndex {
  private starts: number[] | undefined;

  constructor(private readonly text: string) {}

  private lineStarts(): number[] {
    if (this.starts) return this.starts;
    const starts = (this.starts = [0]);
    let at = this.text.indexOf("\n");
    while (at !== -1) {
      starts.push(at + 1);
      at = this.text.indexOf("\n", at + 1);
    }
    return starts;
  }

  /** The text of 1-based line `n`, without its line break. */
  lineText(n: number): string {
    const starts = this.lineStarts();
    const start = starts[n - 1] ?? this.text.length;
    const end = starts[n] ?? this.text.length + 1;
    return this.text.slice(start, end - 1).replace(/\r$/, "");
  }

  /** {@link position} of many offsets, in one sweep in offset order (no table of line starts). */
  positions(offsets: readonly number[]): { line: number; column: number }[] {
    if (this.starts) return offsets.map((offset) => this.position(offset));
    const order = Array.from(offsets.keys()).sort(
      (a, b) => offsets[a]! - offsets[b]!,
    );
    const out = new Array<{ line: number; column: number }>(offsets.length);
    let line = 1;
    let start = 0;
    let next = this.text.indexOf("\n");
    for (const i of order) {
      const offset = offsets[i]!;
      while (next !== -1 && next < offset) {
        line++;
        start = next + 1;
        next = this.text.indexOf("\n", start);
      }
      out[i] = { line, column: offset - start + 1 };
    }
    return out;
  }

  position(offset: number): { line: number; column: number } {
    const starts = this.lineStarts();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  }
}
