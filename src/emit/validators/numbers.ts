import type { Doc } from "../shared/doc.js";
import type { Keywords } from "./context.js";
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
    out.push(
      b.push(
        `!Number.isInteger(${b.use(x)} / ${b.mod.texts.literal(s.multipleOf)})`,
        p,
        "multipleOf",
        `must be a multiple of ${s.multipleOf}`,
        indent,
      ),
    );
  return out;
};
