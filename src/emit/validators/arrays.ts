import type { Doc } from "../shared/doc.js";
import { type Body, type Keywords, Pointer } from "./context.js";
import { bindStatement, block, callStatement } from "./layout.js";
import {
  count,
  isBareRef,
  isFalse,
  isObject,
  type SubSchema,
} from "./subschema.js";
import { plural } from "./text.js";

/**
 * The keywords that make arrayChecks write something (body.ts calls it for a schema with one
 * of them): additionalItems counts only after prefixItems, minContains and maxContains beside
 * contains.
 */
export const ARRAY_KEYWORDS = [
  "minItems",
  "maxItems",
  "uniqueItems",
  "prefixItems",
  "items",
  "contains",
] as const;

/**
 * minItems, maxItems, uniqueItems, prefixItems, items (additionalItems after prefixItems, as the
 * readers keep it) and contains with minContains/maxContains, on an array `x`.
 */
export const arrayChecks: Keywords = (b, s, x, p, indent) => {
  const out: Doc[] = [];
  if (count(s.minItems) && s.minItems > 0)
    out.push(
      b.push(
        `${b.use(x)}.length < ${s.minItems}`,
        p,
        "minItems",
        `must have at least ${plural(s.minItems, "item")}`,
        indent,
      ),
    );
  if (count(s.maxItems))
    out.push(
      b.push(
        `${b.use(x)}.length > ${s.maxItems}`,
        p,
        "maxItems",
        `must have at most ${plural(s.maxItems, "item")}`,
        indent,
      ),
    );
  if (s.uniqueItems === true)
    out.push(
      b.push(
        `!r.unique(${b.use(x)})`,
        p,
        "uniqueItems",
        "must not have duplicate items",
        indent,
      ),
    );
  const prefix = Array.isArray(s.prefixItems)
    ? (s.prefixItems as SubSchema[])
    : [];
  prefix.forEach((sub, index) => {
    const v = b.local("v");
    const q = b.member(p, [`"/${index}"`], [], `/${index}`);
    const lines = b.schema(sub, v, q, indent + 2);
    if (lines.length === 0) return;
    out.push(
      ...block(`if (${b.use(x)}.length > ${index})`, [
        ...bound(b, v, `${x}[${index}]`),
        ...lines,
      ]),
    );
  });
  const items =
    s.items !== undefined
      ? (s.items as SubSchema)
      : prefix.length > 0
        ? (s.additionalItems as SubSchema)
        : undefined;
  if (isFalse(items))
    out.push(
      b.push(
        `${b.use(x)}.length > ${prefix.length}`,
        p,
        "items",
        `must have at most ${plural(prefix.length, "item")}`,
        indent,
      ),
    );
  else if (items !== undefined) {
    const i = b.local("i");
    const v = b.local("v");
    const q = b.member(p, [`"/"`, i], [i]);
    // an inline object's pointer is bound to a local once per item (written only if read): its
    // leaf properties are then one runtime call each (leaf.ts), not ~9 lines, and its
    // violations' pointers short. GitHub: validators/*.ts 7.2 -> 5.9 MB; a project's tsc -5%
    // memory, its CPU within the noise. The join is made per item, not only for a violation.
    const local =
      b.mod.compact && inlineObject(items) ? b.local("p") : undefined;
    const at = local === undefined ? q : new Pointer([local], [local]);
    const lines = b.schema(items, v, at, indent + 2);
    if (lines.length > 0)
      out.push(
        ...block(
          `for (let ${i} = ${prefix.length}; ${i} < ${b.use(x)}.length; ${i}++)`,
          [
            ...bound(b, v, `${x}[${i}]`),
            ...(local !== undefined && b.reads(local)
              ? [bindStatement(local, b.at(q))]
              : []),
            ...lines,
          ],
        ),
      );
  }
  out.push(...contains(b, s, x, p, indent));
  return out;
};

/** An object schema written out in place (not a `$ref`, whose check takes the pointer once). */
function inlineObject(s: SubSchema | undefined): boolean {
  return (
    isObject(s) &&
    !isBareRef(s) &&
    typeof s.properties === "object" &&
    s.properties !== null
  );
}

/** `const v: unknown = item;`, when the statements after it read `v`. */
function bound(b: Body, v: string, item: string): Doc[] {
  return b.reads(v) ? [`const ${v}: unknown = ${item};`] : [];
}

/** contains, minContains, maxContains: `r.matching` counts the items its branch accepts. */
const contains: Keywords = (b, s, x, p, indent) => {
  if (s.contains === undefined) return [];
  const min = count(s.minContains) ? s.minContains : 1;
  const max = count(s.maxContains) ? s.maxContains : undefined;
  if (min === 0 && max === undefined) return [];
  const check = b.hoist(s.contains as SubSchema);
  const n = b.local("n");
  const out: Doc[] = [
    callStatement(`const ${n} = `, "r.matching", [
      check,
      b.use(x),
      b.at(p),
      b.use("d"),
    ]),
  ];
  if (min > 0)
    out.push(
      b.push(
        `${n} < ${min}`,
        p,
        "contains",
        `must contain at least ${plural(min, "matching item")}`,
        indent,
      ),
    );
  if (max !== undefined)
    out.push(
      b.push(
        `${n} > ${max}`,
        p,
        "maxContains",
        `must contain at most ${plural(max, "matching item")}`,
        indent,
      ),
    );
  return out;
};
