// String edits in time linear in the text, where the regular expression one would write first
// (`/\/+$/`) backtracks on a long run that does not end the text: each of apiloom's own
// expressions is proven linear (test/model/source-regexes.test.ts), and these are not.

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

/** `text` without the runs of characters in `chars` that end a line (`/[chars]+$/gm`). */
export function trimLineEnds(text: string, chars: string): string {
  // the line breaks kept between the lines, at the odd places
  return text
    .split(/([\n\r\u2028\u2029])/)
    .map((part, i) => (i % 2 === 1 ? part : trimTrailing(part, chars)))
    .join("");
}
