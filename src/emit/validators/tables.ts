import { PRINT_WIDTH, propertyKey, textWidth } from "../toolkit.js";

/**
 * The lines of the `schemas` table validators/schemas.ts ends with, written as text: what the
 * doc printer writes for them (tables.test.ts prints the docs they stood for and compares),
 * without a doc, a group or a measure per member. Each line is a member of the table's object
 * literal, broken (one member per line), at column 2.
 */

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
  return `${k}:\n${" ".repeat(column + 2)}${value},`;
}
