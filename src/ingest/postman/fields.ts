import type { Path } from "../../model/pointer.js";
import { isRecord } from "../reader.js";
import { scalarText } from "../openapi-common/node.js";

/** A Postman description: a string, or `{content, type}` (v2.1). */
export function descriptionText(value: unknown): string | undefined {
  const text = isRecord(value) ? value.content : value;
  return typeof text === "string" && text.trim() !== "" ? text : undefined;
}

// Postman writes scalars in key/value lists as strings, but numbers and booleans occur
export { scalarText };

/** One entry of a Postman key/value list (query, header, urlencoded, formdata, variable). */
export interface KeyValue {
  key: string;
  value?: string;
  description?: string;
  /** `disabled: true`, or the pre-2.0 `enabled: false`. */
  disabled: boolean;
  /** formdata's `text` / `file`; a variable's declared type. */
  type?: string;
  /** Where the entry is in the document. */
  at: Path;
  raw: Record<string, unknown>;
}

/**
 * The usable entries of a key/value list; entries without a key are dropped. `keyFields` lists
 * the members that may hold the name, in order of preference (variables use `key` or 2.0's `id`).
 */
export function keyValues(
  list: unknown,
  at: Path,
  keyFields: readonly string[] = ["key"],
): KeyValue[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry, index) => {
    if (!isRecord(entry)) return [];
    const key = keyFields
      .map((field) => scalarText(entry[field]))
      .find((name) => name !== undefined && name !== "");
    if (key === undefined) return [];
    const kv: KeyValue = {
      key,
      disabled: entry.disabled === true || entry.enabled === false,
      at: [...at, index],
      raw: entry,
    };
    const value = scalarText(entry.value);
    if (value !== undefined) kv.value = value;
    const description = descriptionText(entry.description);
    if (description !== undefined) kv.description = description;
    if (typeof entry.type === "string") kv.type = entry.type;
    return [kv];
  });
}

/** A piece of Postman text: literal text, or a `{{variable}}` left unresolved. */
export type TextPart = { text: string } | { variable: string };
