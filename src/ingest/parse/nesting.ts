import { keyText, stringEnd } from "./json-scanner.js";

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
  while (interesting.test(text)) {
    const i = interesting.lastIndex - 1;
    const c = text.charCodeAt(i);
    if (c === 34) {
      const end = stringEnd(text, i);
      interesting.lastIndex = end + 1;
      const keys = open.at(-1);
      if (keys && isKey(text, end + 1)) {
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

/**
 * {@link scanJsonStructure}'s answer, cheaper when there is nothing to report: the value nests at
 * most `max` deep and has as many members as {@link keyColons} counts (fewer: a duplicated key).
 */
export function jsonStructureOf(
  text: string,
  value: unknown,
  max = MAX_NESTING,
): JsonStructure {
  const members =
    value === null || typeof value !== "object"
      ? 0
      : countMembers(value, 0, max);
  if (members !== -1 && members === keyColons(text)) return { duplicates: [] };
  return scanJsonStructure(text, max);
}

/** Members of every object in `value` (`depth` brackets open around it), or -1 past `max`. */
function countMembers(value: object, depth: number, max: number): number {
  if (depth >= max) return -1;
  const items: unknown[] = Array.isArray(value) ? value : Object.values(value);
  let n = items === value ? 0 : items.length;
  for (const item of items) {
    if (item === null || typeof item !== "object") continue;
    const below = countMembers(item, depth + 1, max);
    if (below === -1) return -1;
    n += below;
  }
  return n;
}

/**
 * At least as many as the members a JSON text writes, and as many in real texts: the colons whose
 * nearest character before, past whitespace, is an unescaped `"` (every key is such a string; a
 * colon inside a string counts only right after its opening quote, `":"`).
 */
export function keyColons(text: string): number {
  let n = 0;
  let colon = text.indexOf(":");
  while (colon !== -1) {
    let i = colon - 1;
    let c = text.charCodeAt(i);
    while (c === 32 || c === 10 || c === 13 || c === 9)
      c = text.charCodeAt(--i);
    if (c === 34) {
      let b = i - 1;
      while (text.charCodeAt(b) === 92) b--;
      if ((i - 1 - b) % 2 === 0) n++;
    }
    colon = text.indexOf(":", colon + 1);
  }
  return n;
}

/** True when the next character after whitespace is `:` (the string just read is a key). */
function isKey(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 58) return true;
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return false;
  }
  return false;
}
