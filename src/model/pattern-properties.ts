/**
 * The code points of a Unicode property escape (`\p{L}`, `\p{Script=Latin}`, `\p{Alphabetic}`)
 * in the running engine, for pattern-tree.ts. Its sets are Unicode's tables, which apiloom does
 * not carry: they are read off the engine's own RegExp, which scans a text of every code point
 * once (0 to 0x10FFFF, lone surrogates included, which `u` matches as themselves: `\p{Cs}`).
 * A sticky `(\p{X}+)|\P{X}+` consumes it a run at a time, so the scan is a few hundred to a few
 * thousand matches, not a million, and linear in the text. Measured on Node 20 (Unicode 17), in
 * CPU time: the first property of a process 110-130 ms (the text, 2,162,688 UTF-16 units built
 * in ~10 ms and not kept; `\p{Cn}`, which pattern-tree.ts adds to every set; the property), each
 * later one 30-50 ms. A pattern without `\p` pays nothing. Each set is kept for the process: the
 * names an engine accepts are a finite list (ECMA-262's tables of properties and values), so
 * the cache is bounded; a name it refuses is not kept.
 *
 * The sets are this engine's, so a run on an engine with another Unicode version may decide a
 * pattern otherwise, where the verdict hinges on the characters the two versions differ on.
 */

/**
 * pattern-tree.ts's CodePoints: `[from, to, from, to, …]`, sorted, disjoint, not adjacent
 * (written again here: pattern-tree.ts imports this file).
 */
type CodePoints = readonly number[];

const known = new Map<string, CodePoints>();

/**
 * The code points `\p{name}` matches with the `u` flag in this engine (`name` is what stands
 * between the braces), or undefined when the engine refuses the name (a pattern that compiled
 * cannot hold one, but the reader does not count on it).
 */
export function propertyPoints(name: string): CodePoints | undefined {
  const cached = known.get(name);
  if (cached !== undefined) return cached;
  const scanner = scannerOf(name);
  if (scanner === undefined) return undefined;
  const text = everyCodePoint();
  // \p{Cn} (unassignedPoints) is read while the text is here: pattern-tree.ts asks for it next
  remember(UNASSIGNED, scannerOf(UNASSIGNED), text);
  remember(name, scanner, text);
  return known.get(name);
}

function remember(name: string, scanner: RegExp | undefined, text: string) {
  const set =
    known.has(name) || scanner === undefined ? undefined : scan(scanner, text);
  if (set !== undefined) known.set(name, set);
}

const UNASSIGNED = "Cn";

/**
 * `\p{Cn}`: the code points this engine's Unicode version assigns no character to (every code
 * point, should the engine not answer: the set only ever widens others).
 */
export function unassignedPoints(): CodePoints {
  return propertyPoints(UNASSIGNED) ?? [0, 0x10ffff];
}

/** A sticky RegExp reading a run of `\p{name}` (its group) or of `\P{name}`. */
function scannerOf(name: string): RegExp | undefined {
  try {
    // `name` holds no `}` (the reader ends it at the first): nothing else can be injected
    return new RegExp(`(\\p{${name}}+)|\\P{${name}}+`, "uy");
  } catch {
    return undefined;
  }
}

/**
 * The text of every code point, in runs of consecutive code points: `start` is a run's first
 * UTF-16 unit, `from` its first code point, `width` the units each takes. Lone low surrogates
 * come before the high ones, so that no two of them make a pair.
 */
const RUNS = [
  { start: 0, from: 0, to: 0xd7ff, width: 1 },
  { start: 0xd800, from: 0xdc00, to: 0xdfff, width: 1 },
  { start: 0xdc00, from: 0xd800, to: 0xdbff, width: 1 },
  { start: 0xe000, from: 0xe000, to: 0xffff, width: 1 },
  { start: 0x10000, from: 0x10000, to: 0x10ffff, width: 2 },
] as const;

function everyCodePoint(): string {
  return RUNS.map(({ from, to }) =>
    from >= 0xd800 && to <= 0xdfff
      ? String.fromCharCode(
          ...Array.from({ length: to - from + 1 }, (_, k) => from + k),
        )
      : wellFormed(from, to),
  ).join("");
}

/** The code points `from` to `to` (no surrogate among them), decoded from UTF-16LE bytes. */
function wellFormed(from: number, to: number): string {
  const bytes = new Uint8Array((to - from + 1) * 4);
  let i = 0;
  const unit = (u: number) => {
    bytes[i++] = u & 0xff;
    bytes[i++] = u >> 8;
  };
  for (let c = from; c <= to; c++) {
    if (c < 0x10000) unit(c);
    else {
      unit(0xd800 + ((c - 0x10000) >> 10));
      unit(0xdc00 + ((c - 0x10000) & 0x3ff));
    }
  }
  return new TextDecoder("utf-16le").decode(bytes.subarray(0, i));
}

/**
 * The runs `scanner`'s first group matches in `text`, as sorted code point ranges; undefined
 * should it stop before the end (every code point is in `\p{X}` or `\P{X}`: it cannot).
 */
function scan(scanner: RegExp, text: string): CodePoints | undefined {
  const ranges: [number, number][] = [];
  let end = 0;
  for (let m = scanner.exec(text); m !== null; m = scanner.exec(text)) {
    end = m.index + m[0].length;
    if (m[1] === undefined) continue;
    for (const run of RUNS) {
      const runEnd = run.start + (run.to - run.from + 1) * run.width;
      const from = Math.max(m.index, run.start);
      const to = Math.min(end, runEnd);
      if (from < to)
        ranges.push([
          run.from + (from - run.start) / run.width,
          run.from + (to - run.start) / run.width - 1,
        ]);
    }
  }
  if (end !== text.length) return undefined;
  ranges.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [from, to] of ranges)
    if (out.length > 0 && from === out[out.length - 1]! + 1)
      out[out.length - 1] = to;
    else out.push(from, to);
  return out;
}
