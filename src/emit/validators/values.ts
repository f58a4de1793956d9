import { declaredTypes } from "../toolkit.js";
import type { Schema, SchemaType } from "../../model/types.js";

/** `type`: which kinds of value a schema allows. */

const TYPES: readonly SchemaType[] = [
  "string",
  "number",
  "integer",
  "boolean",
  "null",
  "array",
  "object",
];

const NO_TYPES: readonly SchemaType[] = Object.freeze([]);

/** `[type]` for each type, one frozen list each. */
const ONE_TYPE = Object.fromEntries(
  TYPES.map((t) => [t, Object.freeze([t])]),
) as Record<SchemaType, readonly SchemaType[]>;

/**
 * The types `type` allows, as its check tests them and its message lists them: once each, in
 * the declared order, `integer` left out beside `number` (it adds nothing).
 */
export function checkedTypes(s: Schema): readonly SchemaType[] {
  // the common cases without a new list: no type, or one
  const type = s.type;
  if (type === undefined) return NO_TYPES;
  if (typeof type === "string")
    return Object.hasOwn(ONE_TYPE, type)
      ? ONE_TYPE[type as SchemaType]
      : NO_TYPES;
  const types = declaredTypes(s);
  const kept = types.includes("number")
    ? types.filter((t) => t !== "integer")
    : types;
  return [...new Set(kept)];
}
