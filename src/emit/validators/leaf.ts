import { isAnnotation } from "../../model/schema.js";
import type { Doc } from "../shared/doc.js";
import type { Body, Pointer } from "./context.js";
import { callLine } from "./layout.js";
import { formatOf } from "./strings.js";
import { isObject, type SubSchema } from "./subschema.js";
import { memberSegment } from "./text.js";
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
const LEAF_CHECKS: ReadonlyMap<string, string> = new Map([
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
const ENUM_CHECKS: ReadonlyMap<string, string> = new Map([
  ["string", "r.stringIn"],
  ["string,null", "r.stringOrNullIn"],
]);

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
  const keywords = Object.keys(sub);
  for (let i = 0; i < keywords.length; i++) {
    const keyword = keywords[i]!;
    if (!LEAF_KEYWORDS.has(keyword) && !isAnnotation(keyword)) return undefined;
  }
  const types = checkedTypes(sub);
  const format = formatOf(sub);
  let check = LEAF_CHECKS.get(types.join(","));
  let last: string | undefined;
  if (sub.enum !== undefined) {
    // a string enum of several values, its Set tested after the type (valueChecks)
    const values = sub.enum;
    if (!Array.isArray(values) || !setOfValues(values) || format)
      return undefined;
    check = ENUM_CHECKS.get(types.join(","));
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
  const segment = b.segment(
    p.tail === "" ? memberSegment(name) : p.tail + memberSegment(name),
  );
  const e = b.use("e");
  // made at its length (a push would grow it)
  const args =
    last === undefined
      ? [value, parent, segment, e]
      : [value, parent, segment, e, last];
  return callLine(indent, check, args);
}
