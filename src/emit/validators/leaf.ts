import { isAnnotation } from "../toolkit.js";
import { type Doc, textWidth } from "../shared/doc.js";
import { PRINT_WIDTH } from "../shared/literals.js";
import type { Body, LeafLine, LeafLines, Pointer } from "./context.js";
import { callLine, callText } from "./layout.js";
import { FORMATS, formatOf } from "./strings.js";
import { isObject, type SubSchema } from "./subschema.js";
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

/** `r.DATE_TIME`: the runtime's Format constant of each checked format, made once. */
const FORMAT_CONSTANTS: ReadonlyMap<string, string> = new Map(
  Object.values(FORMATS).map(([, , constant]) => [constant, `r.${constant}`]),
);

/** `type,null`, the tables' key of a nullable type, made once. */
const WITH_NULL: ReadonlyMap<string, string> = new Map(
  ["string", "integer", "number", "boolean"].map((t) => [t, `${t},null`]),
);

/**
 * The statement checking property `name` of object `x` (its parent's pointer `p`) when its
 * schema is a leaf; undefined when it is not, when the name is one Object.prototype has (it
 * must be an own property to count), or when the pointer is computed (an item's index).
 * `indent` is the statement's column (a call that fits there is made as its text). `read`:
 * whether `x`, `p`'s first operand and `e`, which a leaf line reads, are recorded as read
 * already (by an earlier leaf of the same object: propertyChecks).
 */
export function leafProperty(
  b: Body,
  sub: SubSchema,
  x: string,
  p: Pointer,
  name: string,
  indent: number,
  lines?: LeafLines,
  read = false,
): Doc | undefined {
  if (!isObject(sub) || p.tail === undefined || name in Object.prototype)
    return undefined;
  // a leaf's keywords besides annotations: type, format, enum. for-in: no list of the keys made
  // per property (a schema's prototype has no enumerable keys); whether format and enum are
  // there is noted, so an absent one is not read (most leaves have neither, and a missing key
  // is the slowest read of an object of one of many shapes)
  let hasFormat = false;
  let hasEnum = false;
  for (const keyword in sub)
    if (keyword === "format") hasFormat = true;
    else if (keyword === "enum") hasEnum = true;
    else if (keyword !== "type" && !isAnnotation(keyword)) return undefined;
  const types = checkedTypes(sub);
  // the runtime's leaf checks take no bigint: where a number may be one, the general code
  if (b.mod.bigints && types.some((t) => t === "integer" || t === "number"))
    return undefined;
  const format = hasFormat ? formatOf(sub) : undefined;
  let check = leafCheck(LEAF_CHECKS, types);
  let last: string | undefined;
  if (hasEnum && sub.enum !== undefined) {
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
    last = FORMAT_CONSTANTS.get(format[2])!;
  }
  if (check === undefined) return undefined;
  const made = lines?.get(name);
  let found: LeafLine | undefined;
  if (made !== undefined)
    for (let i = 0; i < made.length; i++) {
      const line = made[i]!;
      if (line.check !== check || line.last !== last) continue;
      found = line;
      // x is a name the function made (`x`, `v12`): its width is its length
      if (indent + line.width + x.length > PRINT_WIDTH) break;
      // what making it reads (its constants were recorded as used when they were made)
      if (!read) {
        b.use(x);
        b.use(p.operands[0]!);
        b.use("e");
      }
      if (line.x !== x) {
        line.text = `${check}(${x}${line.rest}`;
        line.x = x;
      }
      return line.text;
    }
  const key = b.key(name);
  const parent = read ? p.operands[0]! : b.use(p.operands[0]!);
  const segment = b.segment(
    b.mod.texts.joinedLiteral(p.tail, b.mod.texts.memberSegment(name)),
  );
  const e = read ? "e" : b.use("e");
  // made at its length (a push would grow it)
  const args =
    last === undefined
      ? [`${read ? x : b.use(x)}[${key}]`, parent, segment, e]
      : [`${read ? x : b.use(x)}[${key}]`, parent, segment, e, last];
  const text = callText(check, args);
  const width = textWidth(text);
  // one line per name, check and last argument (one found that did not fit is not added again)
  if (lines !== undefined && found === undefined) {
    const line: LeafLine = {
      check,
      last,
      // callText's text past `check(x`
      rest: text.slice(check.length + 1 + x.length),
      width: width - x.length,
      x,
      text,
    };
    if (made === undefined) lines.set(name, [line]);
    else made.push(line);
  }
  return callLine(indent, check, args, text, width);
}

/**
 * The leaf lines made so far at an object at pointer `p` in `b`'s module, for leafProperty to
 * find and add to; undefined for a computed pointer (an item's), whose leaves are not lines.
 */
export function leafLines(b: Body, p: Pointer): LeafLines | undefined {
  if (p.tail === undefined) return undefined;
  // the lines a module made, by place (the first operand and the fixed text of the object's
  // pointer) and property name: past the object's value (`x`, `v3`) a line is the same text
  // wherever in the module its place, name, check and last argument are the same (its key and
  // segment constants are the module's, found by their texts), and the value's name is put
  // before it. GitHub's 32,500 leaf lines are 6,500 such texts, so four in five are found
  // instead of made again (their key, segment, literal, join and width)
  const byPlace = b.mod.leafLines;
  // an operand is a name (no space): the tail after it is the rest
  const place = `${p.operands[0]!} ${p.tail}`;
  let lines = byPlace.get(place);
  if (lines === undefined) byPlace.set(place, (lines = new Map()));
  return lines;
}
