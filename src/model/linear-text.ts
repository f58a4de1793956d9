// String edits in time linear in the text, where the regular expression one would write first
// backtracks: `/\/+$/` tries every position of a run of slashes that does not end the text and
// scans the run from each (100,000 slashes and an `x`: 9 s in V8). apiloom reads descriptions
// other people write, so each of its own expressions is proven linear or listed with what it
// reads (test/model/source-regexes.test.ts); these replace the ones that were not.

/** `text` without its trailing run of characters in `chars` (`/[chars]+$/`). */
export function trimTrailing(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1]!)) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** `text` without its leading and trailing runs of characters in `chars`. */
export function trimBoth(text: string, chars: string): string {
  let start = 0;
  while (start < text.length && chars.includes(text[start]!)) start++;
  return trimTrailing(text.slice(start), chars);
}

/**
 * `text` without the runs of characters in `chars` that end a line (`/[chars]+$/gm`): before
 * each line terminator (`\n`, `\r`, U+2028, U+2029) and at the end.
 */
export function trimLineEnds(text: string, chars: string): string {
  let out = "";
  let line = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    if (
      c === undefined ||
      c === "\n" ||
      c === "\r" ||
      c === "\u2028" ||
      c === "\u2029"
    ) {
      out += trimTrailing(text.slice(line, i), chars) + (c ?? "");
      line = i + 1;
    }
  }
  return out;
}
