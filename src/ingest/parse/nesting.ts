/**
 * How deep a document's values may nest (objects and arrays inside each other). Everything after
 * parsing walks values recursively, so the bound is put where they are made: a deeper JSON or YAML
 * document is rejected with `parse/too-deep` at the first bracket or key past the limit, instead
 * of a `RangeError` somewhere later. Real API descriptions stay far below it (the seeds and the
 * shared corpus under 40).
 */
export const MAX_NESTING = 256;

/** Offset in a JSON text of the first `{` or `[` nested deeper than `max`, skipping strings. */
export function jsonTooDeepAt(
  text: string,
  max = MAX_NESTING,
): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // to the closing quote, past escaped ones
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 92) i++;
        else if (d === 34) break;
      }
    } else if (c === 123 || c === 91) {
      if (++depth > max) return i;
    } else if (c === 125 || c === 93) depth--;
  }
  return undefined;
}
