import { type Doc, print } from "../shared/doc.js";
import { declaredTypes } from "../../model/schema.js";
import type { SchemaType } from "../../model/types.js";
import type { Keywords } from "./context.js";
import { callStatement } from "./layout.js";
import { isPrimitive } from "./subschema.js";
import { literal, stringLiteral } from "./text.js";

/** `type`, `enum` and `const`: what kind of value, and which values. */

const TYPE_TESTS: Record<SchemaType, (x: string, negate: boolean) => string> = {
  string: (x, n) => `typeof ${x} ${n ? "!==" : "==="} "string"`,
  number: (x, n) => `typeof ${x} ${n ? "!==" : "==="} "number"`,
  integer: (x, n) => `${n ? "!" : ""}Number.isInteger(${x})`,
  boolean: (x, n) => `typeof ${x} ${n ? "!==" : "==="} "boolean"`,
  null: (x, n) => `${x} ${n ? "!==" : "==="} null`,
  array: (x, n) => `${n ? "!" : ""}Array.isArray(${x})`,
  object: (x, n) => `${n ? "!" : ""}r.isObject(${x})`,
};

/** `type`: one test, or a negated disjunction; `integer` beside `number` adds nothing. */
export const typeCheck: Keywords = (b, s, x, p) => {
  const types = declaredTypes(s);
  if (types.length === 0) return [];
  const kept = types.includes("number")
    ? types.filter((t) => t !== "integer")
    : types;
  const unique = [...new Set(kept)];
  const v = b.use(x);
  const cond =
    unique.length === 1
      ? TYPE_TESTS[unique[0]!]!(v, true)
      : `!(${unique.map((t) => TYPE_TESTS[t]!(v, false)).join(" || ")})`;
  return [b.push(cond, p, "type", `must be ${unique.join(" or ")}`)];
};

/**
 * `enum` (a comparison, a Set of primitives, or `r.member` over parsed JSON) and `const` (a
 * comparison, or `r.equal` with parsed JSON).
 */
export const valueChecks: Keywords = (b, s, x, p) => {
  const out: Doc[] = [];
  if (Array.isArray(s.enum) && s.enum.every((v) => v !== undefined)) {
    const values = s.enum;
    let cond: string;
    if (values.length === 0) cond = "true";
    else if (values.length === 1 && isPrimitive(values[0]))
      cond = `${b.use(x)} !== ${literal(values[0])}`;
    else if (values.every((v) => isPrimitive(v) && typeof v !== "number")) {
      const items = values.map(literal);
      const name = b.mod.constant("EN", JSON.stringify(values), (n) =>
        print(callStatement(`const ${n} = `, "new Set<unknown>", [items])),
      );
      cond = `!${name}.has(${b.use(x)})`;
    } else {
      const name = b.mod.constant("EN", JSON.stringify(values), (n) =>
        print(
          callStatement(`const ${n}: unknown[] = `, "JSON.parse", [
            stringLiteral(JSON.stringify(values)),
          ]),
        ),
      );
      cond = `!r.member(${name}, ${b.use(x)})`;
    }
    out.push(b.push(cond, p, "enum", "must be one of the allowed values"));
  }
  if ("const" in s && s.const !== undefined) {
    let cond: string;
    if (isPrimitive(s.const)) cond = `${b.use(x)} !== ${literal(s.const)}`;
    else {
      const text = JSON.stringify(s.const);
      const name = b.mod.constant("CO", text, (n) =>
        print(
          callStatement(`const ${n}: unknown = `, "JSON.parse", [
            stringLiteral(text),
          ]),
        ),
      );
      cond = `!r.equal(${b.use(x)}, ${name})`;
    }
    out.push(b.push(cond, p, "const", "must be equal to the constant"));
  }
  return out;
};
