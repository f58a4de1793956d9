import { isDeepStrictEqual } from "node:util";
import { isRecord } from "../reader.js";
import { setOwn } from "../../model/own-property.js";

/** One action of a derived overlay: a target (a normalized JSONPath) and what it does. */
export type DerivedAction =
  | { target: string; remove: true }
  | { target: string; update: Record<string, unknown> };

/**
 * The overlay actions that turn `original` into `edited` (`apiloom overlay a b`): removals, one
 * update per changed object (compared member by member), and a changed list or kind removed and
 * set again whole (an update appends to lists, so it could not shorten or reorder one).
 */
export function deriveActions(original: unknown, edited: unknown) {
  if (!isRecord(original) || !isRecord(edited))
    throw new TypeError("both documents must be objects");
  return diffObject(original, edited, []);
}

function diffObject(
  a: Record<string, unknown>,
  b: Record<string, unknown>,
  /** Member names only: the walk goes into objects, never into lists. */
  path: string[],
  actions: DerivedAction[] = [],
): DerivedAction[] {
  const update: Record<string, unknown> = {};
  const removes: DerivedAction[] = [];
  const deeper: [string, Record<string, unknown>, Record<string, unknown>][] =
    [];
  for (const key of Object.keys(a))
    if (!Object.hasOwn(b, key))
      removes.push({ target: normalizedPath([...path, key]), remove: true });
  for (const key of Object.keys(b)) {
    const after = b[key];
    const before = Object.hasOwn(a, key) ? a[key] : undefined;
    if (before !== undefined && isDeepStrictEqual(before, after)) continue;
    if (isRecord(before) && isRecord(after)) {
      deeper.push([key, before, after]);
      continue;
    }
    // a list, or a change of kind: set anew, once the old value is gone
    if (isContainer(before) || (before !== undefined && isContainer(after)))
      removes.push({ target: normalizedPath([...path, key]), remove: true });
    setOwn(update, key, after);
  }
  for (const remove of removes) actions.push(remove);
  if (Object.keys(update).length > 0)
    actions.push({ target: normalizedPath(path), update });
  for (const [key, before, after] of deeper)
    diffObject(before, after, [...path, key], actions);
  return actions;
}

function isContainer(value: unknown): boolean {
  return typeof value === "object" && value !== null;
}

/**
 * RFC 9535's normalized path of a node (`$['paths']['/pets']['get']`): a name in single quotes,
 * with `\` and `'` escaped and control characters as `\b`, `\t`, `\n`, `\f`, `\r` or `\u00XX`.
 */
function normalizedPath(path: readonly string[]): string {
  return "$" + path.map((name) => `['${escapeName(name)}']`).join("");
}

function escapeName(name: string): string {
  // JSON's escapes are RFC 9535's for these: `\\`, `\b` `\t` `\n` `\f` `\r`, else `\u00XX`
  return name.replace(/[\\'\u0000-\u001f]/g, (c) =>
    c === "'" ? "\\'" : JSON.stringify(c).slice(1, -1),
  );
}
