import type { Doc } from "../shared/doc.js";
import type { Body, Keywords } from "./context.js";
import { num } from "./subschema.js";

/** The keywords numberChecks reads (body.ts calls it for a schema with one of them). */
export const NUMBER_KEYWORDS = [
  "minimum",
  "exclusiveMinimum",
  "maximum",
  "exclusiveMaximum",
  "multipleOf",
] as const;

/** minimum, exclusiveMinimum, maximum, exclusiveMaximum and multipleOf, on a number `x`. */
export const numberChecks: Keywords = (b, s, x, p, indent) => {
  const out: Doc[] = [];
  const bound = (key: string, op: string, words: string) => {
    const v = s[key];
    if (num(v))
      out.push(
        b.push(
          `${b.use(x)} ${op} ${b.mod.texts.literal(v)}`,
          p,
          key,
          `must be ${words} ${v}`,
          indent,
        ),
      );
  };
  bound("minimum", "<", "at least");
  bound("exclusiveMinimum", "<=", "greater than");
  bound("maximum", ">", "at most");
  bound("exclusiveMaximum", ">=", "less than");
  if (num(s.multipleOf) && s.multipleOf > 0)
    for (const cond of multipleOfFails(b, x, s.multipleOf))
      out.push(
        b.push(
          cond,
          p,
          "multipleOf",
          `must be a multiple of ${s.multipleOf}`,
          indent,
        ),
      );
  return out;
};

/**
 * The tests that `x` is no multiple of `m` (one holds at most). Where a number may come as a
 * bigint (ModuleScope.bigints), a bigint is tested exactly by an integer `m` (`x % 3n`), and as
 * the nearest number by a fraction.
 */
function multipleOfFails(b: Body, x: string, m: number): string[] {
  const v = b.use(x);
  const literal = b.mod.texts.literal(m);
  if (!b.mod.bigints) return [`!Number.isInteger(${v} / ${literal})`];
  if (!Number.isSafeInteger(m))
    return [`!Number.isInteger(Number(${v}) / ${literal})`];
  return [
    `typeof ${v} === "bigint" && ${v} % ${m}n !== 0n`,
    `typeof ${v} === "number" && !Number.isInteger(${v} / ${literal})`,
  ];
}
