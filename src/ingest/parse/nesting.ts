import { keyText, Scanner, stringEnd } from "./json-scanner.js";

/**
 * How deep values may nest. Everything after parsing recurses, so a deeper document is rejected
 * here (`parse/too-deep`), not by a `RangeError` later; real API descriptions stay under 40.
 */
export const MAX_NESTING = 256;

/** `parse/too-deep`'s message, JSON's and YAML's. */
export const TOO_DEEP = `values nest deeper than ${MAX_NESTING} levels here; the file is not read`;

export interface JsonStructure {
  /** Offset of the first `{` or `[` nested deeper than the limit. */
  tooDeepAt?: number;
  /** Keys given twice in one object (JSON.parse keeps the last): offsets of both. */
  duplicates: { key: string; first: number; second: number }[];
}

/**
 * One pass over a JSON text that `JSON.parse` accepted: nesting depth and duplicate keys, which
 * the parsed value cannot show. Strings are skipped with `indexOf`; only keys are decoded.
 */
export function scanJsonStructure(
  text: string,
  max = MAX_NESTING,
): JsonStructure {
  const duplicates: JsonStructure["duplicates"] = [];
  // per open bracket: the keys seen so far in an object, with their offsets; null for an array
  const open: (Map<string, number> | null)[] = [];
  const interesting = /["{}[\]]/g;
  // after a string: a key when the next character but whitespace is `:`
  const after = new Scanner(text);
  while (interesting.test(text)) {
    const i = interesting.lastIndex - 1;
    const c = text.charCodeAt(i);
    if (c === 34) {
      const end = stringEnd(text, i);
      interesting.lastIndex = after.pos = end + 1;
      const keys = open.at(-1);
      after.skipWs();
      if (keys && text.charCodeAt(after.pos) === 58) {
        const key = keyText(text.slice(i, end + 1));
        const first = keys.get(key);
        if (first !== undefined) duplicates.push({ key, first, second: i });
        else keys.set(key, i);
      }
    } else if (c === 123 || c === 91) {
      open.push(c === 123 ? new Map() : null);
      if (open.length > max) return { tooDeepAt: i, duplicates };
    } else open.pop();
  }
  return { duplicates };
}
