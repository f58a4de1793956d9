import { textWidth } from "../shared/doc.js";
import { PRINT_WIDTH, propertyKey } from "../shared/literals.js";

/**
 * The lines of the two tables the validators' files end with (`schemas`, `endpoints`), written
 * as text: what the doc printer writes for them (tables.test.ts prints the docs they stood for
 * and compares), without a doc, a group or a measure per member. Each line is a member of the
 * table's object literal, broken (one member per line), at column 2.
 */

const NEWLINES: string[] = [];

/** A newline and `n` spaces. */
function newlineAnd(n: number): string {
  return (NEWLINES[n] ??= "\n" + " ".repeat(n));
}

/**
 * `key: value,` at column `column` (the `,` counted): a key of 5+ characters moves its value to
 * the next line, further in, when the line does not fit (prettier's assignment layout).
 */
export function tableMember(
  key: string,
  value: string,
  column: number,
): string {
  const k = propertyKey(key);
  const flat = `${k}: ${value},`;
  if (k.length < 5 || column + textWidth(flat) <= PRINT_WIDTH) return flat;
  return `${k}:${newlineAnd(column + 2)}${value},`;
}

/** A member of an endpoint's entry: its name and the check of that part. */
export type EntryMember = readonly [part: string, check: string];

/**
 * An endpoint's entry of the `endpoints` table, from its indentation (column 2) to its `,`: `key: {`,
 * the parts' members, `responses: {` and a member per status, `},`. When `key: {` does not fit,
 * the object opens on the next line, further in.
 */
export function endpointEntry(
  key: string,
  parts: readonly EntryMember[],
  responses: readonly EntryMember[],
): string {
  const head = `${key}:`;
  // `  key: {` must fit
  const at = 2 + textWidth(head) + 2 <= PRINT_WIDTH ? 2 : 4;
  const inner = newlineAnd(at + 2);
  // pieces joined once: one flat string per entry, not a rope the file's parts hold on to
  const out = ["  ", head, at === 2 ? " {" : `${newlineAnd(4)}{`];
  for (let i = 0; i < parts.length; i++)
    out.push(inner, tableMember(parts[i]![0], parts[i]![1], at + 2));
  if (responses.length === 0) out.push(inner, "responses: {},");
  else {
    out.push(inner, "responses: {");
    const member = newlineAnd(at + 4);
    for (let i = 0; i < responses.length; i++)
      out.push(member, tableMember(responses[i]![0], responses[i]![1], at + 4));
    out.push(inner, "},");
  }
  out.push(newlineAnd(at), "},");
  return out.join("");
}
