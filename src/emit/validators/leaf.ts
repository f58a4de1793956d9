import { isAnnotation } from "../../model/schema.js";
import type { Doc } from "../shared/doc.js";
import type { Body, Pointer } from "./context.js";
import { callLine } from "./layout.js";
import { formatOf } from "./strings.js";
import { isObject, type SubSchema } from "./subschema.js";
import { joinedLiteral, memberSegment } from "./text.js";
import { checkedTypes, enumSet, setOfValues } from "./values.js";

/**
 * A leaf property: a declared property whose schema is a type alone, or that type or null, and
 * for a string maybe a checked format or an enum of strings (annotations aside). Most properties of real APIs are, and
 * each is one call of a runtime check (templates/validators/runtime.ts) instead of five to
 * twelve lines: `r.string(x["url"], p, "/url", e, r.URI);` reads the value, and builds the
 * pointer `p + "/url"` only for a violation. The runtime checks test the type, then the format,
 * with the messages typeCheck and stringChecks write, so a leaf's violations are the same either
 * way (test/validators/compact.test.ts runs both on the same values).
 */

/** The runtime check of each leaf type list (`null` last, as the message lists it). */
export const LEAF_CHECKS: ReadonlyMap<string, string> = new Map([
  ["string", "r.string"],
  ["string,null", "r.stringOrNull"],
  ["integer", "r.integer"],
  ["integer,null", "r.integerOrNull"],
  ["number", "r.number"],
  ["number,null", "r.numberOrNull"],
  ["boolean", "r.boolean"],
  ["boolean,null", "r.booleanOrNull"],
]);

/** The runtime check of a string enum's leaf (its values a Set, values.ts). */
export const ENUM_CHECKS: ReadonlyMap<string, string> = new Map([
  ["string", "r.stringIn"],
  ["string,null", "r.stringOrNullIn"],
]);

/**
 * `checks.get(types.join(","))` without joining: a leaf has one type, or one and `null` (no
 * key of the tables above has more), so no string is made and hashed per property.
 */
export function leafCheck(
  checks: ReadonlyMap<string, string>,
  types: readonly string[],
): string | undefined {
  if (types.length === 1) return checks.get(types[0]!);
  if (types.length === 2 && types[1] === "null") {
    const key = WITH_NULL.get(types[0]!);
    return key === undefined ? undefined : checks.get(key);
  }
  return undefined;
}

/** `type,null`, the tables' key of a nullable type, made once. */
const WITH_NULL: ReadonlyMap<string, string> = new Map(
  ["string", "integer", "number", "boolean"].map((t) => [t, `${t},null`]),
);

/** The keywords a leaf may have besides annotations. */
const LEAF_KEYWORDS: ReadonlySet<string> = new Set(["type", "format", "enum"]);

/**
 * The statement checking property `name` of object `x` (its parent's pointer `p`) when its
 * schema is a leaf; undefined when it is not, when the name is one Object.prototype has (it
 * must be an own property to count), or when the pointer is computed (an item's index).
 * `indent` is the statement's column (a call that fits there is made as its text).
 */
export function leafProperty(
  b: Body,
  sub: SubSchema,
  x: string,
  p: Pointer,
  name: string,
  indent: number,
): Doc | undefined {
  if (!isObject(sub) || p.tail === undefined || name in Object.prototype)
    return undefined;
  // for-in: no list of the keys made per property (a schema's prototype has no enumerable keys)
  for (const keyword in sub)
    if (!LEAF_KEYWORDS.has(keyword) && !isAnnotation(keyword)) return undefined;
  const types = checkedTypes(sub);
  const format = formatOf(sub);
  let check = leafCheck(LEAF_CHECKS, types);
  let last: string | undefined;
  if (sub.enum !== undefined) {
    // a string enum of several values, its Set tested after the type (valueChecks)
    const values = sub.enum;
    if (!Array.isArray(values) || !setOfValues(values) || format)
      return undefined;
    check = leafCheck(ENUM_CHECKS, types);
    if (check === undefined) return undefined;
    last = enumSet(b, values);
  } else if (format) {
    // a format is checked on strings only: beside another type it needs the general code
    if (types[0] !== "string") return undefined;
    last = `r.${format[2]}`;
  }
  if (check === undefined) return undefined;
  const value = `${b.use(x)}[${b.key(name)}]`;
  const parent = b.use(p.operands[0]!);
  const segment = b.segment(joinedLiteral(p.tail, memberSegment(name)));
  const e = b.use("e");
  // made at its length (a push would grow it)
  const args =
    last === undefined
      ? [value, parent, segment, e]
      : [value, parent, segment, e, last];
  return callLine(indent, check, args);
}
