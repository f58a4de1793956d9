import { setOwn } from "./own-property.js";
import { canonicalJson } from "./order.js";
import type { Schema } from "./types.js";

const INFERRED = "x-apiloom-inferred";

/** Whether a schema was guessed from an example (Postman) rather than declared. */
export function isInferred(schema: Schema): boolean {
  return schema[INFERRED] === true;
}

/** `s` marked as guessed from an example (a Postman body), not declared. */
export const asInferred = (s: Schema): Schema => ({ ...s, [INFERRED]: true });

/**
 * One schema that every example fits, of several guessed from examples of one body: members and
 * items merged (none is `required`), integer and number a number, `{}` anything, the rest `anyOf`.
 */
export function mergeInferred(schemas: readonly Schema[]): Schema {
  const [first, ...rest] = schemas.map(({ [INFERRED]: _, ...rest }) => rest);
  const merged = rest.reduce((a, b) => mergeTwo(a, b, 0), first ?? {});
  return asInferred(merged);
}

function mergeTwo(a: Schema, b: Schema, depth: number): Schema {
  if (depth > 32) return {};
  if (canonicalJson(a) === canonicalJson(b)) return a;
  if (Object.keys(a).length === 0 || Object.keys(b).length === 0) return {};
  if (a.anyOf) return addVariant(a.anyOf, b, depth);
  if (b.anyOf) return addVariant(b.anyOf, a, depth);
  const ta = a.type;
  const tb = b.type;
  if (ta === "object" && tb === "object") {
    const properties: Record<string, Schema> = { ...a.properties };
    for (const [key, value] of Object.entries(b.properties ?? {}))
      setOwn(
        properties,
        key,
        Object.hasOwn(properties, key)
          ? mergeTwo(properties[key]!, value, depth + 1)
          : value,
      );
    return { type: "object", properties };
  }
  if (ta === "array" && tb === "array") {
    if (!a.items) return b;
    if (!b.items) return a;
    return { type: "array", items: mergeTwo(a.items, b.items, depth + 1) };
  }
  const numeric = (t: unknown) => t === "integer" || t === "number";
  return numeric(ta) && numeric(tb) ? { type: "number" } : { anyOf: [a, b] };
}

/** `variants` with `schema` merged into the variant of its type, or added as one more. */
function addVariant(
  variants: readonly Schema[],
  schema: Schema,
  depth: number,
): Schema {
  let out = [...variants];
  for (const item of schema.anyOf ?? [schema]) {
    const kind = (s: Schema) =>
      s.type === "integer" ? "number" : String(s.type);
    const i = out.findIndex((v) => kind(v) === kind(item));
    if (i === -1) out.push(item);
    else out = out.map((v, j) => (j === i ? mergeTwo(v, item, depth + 1) : v));
  }
  return { anyOf: out };
}
