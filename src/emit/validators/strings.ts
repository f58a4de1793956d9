import type { Schema } from "../../model/types.js";
import type { Doc } from "../shared/doc.js";
import type { Keywords } from "./context.js";
import { count } from "./subschema.js";
import { plural } from "./text.js";

/**
 * The formats checked, each by a runtime test; how a message names it; the runtime's Format
 * constant of it (its test and the same message, for `r.string`).
 */
export const FORMATS: Record<
  string,
  [check: string, what: string, constant: string]
> = {
  "date-time": ["isDateTime", "an RFC 3339 date-time", "DATE_TIME"],
  date: ["isDate", "an RFC 3339 full-date", "DATE"],
  email: ["isEmail", "an email address", "EMAIL"],
  uuid: ["isUuid", "a UUID", "UUID"],
  uri: ["isUri", "an absolute URI", "URI"],
  ipv4: ["isIpv4", "an IPv4 address", "IPV4"],
  ipv6: ["isIpv6", "an IPv6 address", "IPV6"],
};

/** The keywords stringChecks reads (body.ts calls it for a schema with one of them). */
export const STRING_KEYWORDS = [
  "minLength",
  "maxLength",
  "pattern",
  "format",
] as const;

/**
 * minLength and maxLength (in code points, `r.length`), pattern (a RegExp constant; one
 * JavaScript cannot compile checks nothing, as the readers reported) and format, on a string `x`.
 */
export const stringChecks: Keywords = (b, s, x, p, indent) => {
  const out: Doc[] = [];
  const min = count(s.minLength) && s.minLength > 0 ? s.minLength : undefined;
  const max = count(s.maxLength) ? s.maxLength : undefined;
  if (min !== undefined || max !== undefined) {
    const n = b.local("n");
    out.push(`const ${n} = r.length(${b.use(x)});`);
    if (min !== undefined)
      out.push(
        b.push(
          `${n} < ${min}`,
          p,
          "minLength",
          `must have at least ${plural(min, "character")}`,
          indent,
        ),
      );
    if (max !== undefined)
      out.push(
        b.push(
          `${n} > ${max}`,
          p,
          "maxLength",
          `must have at most ${plural(max, "character")}`,
          indent,
        ),
      );
  }
  if (typeof s.pattern === "string") {
    const re = b.mod.regex(s.pattern);
    if (re)
      out.push(
        b.push(
          `!${re}.test(${b.use(x)})`,
          p,
          "pattern",
          `must match the pattern ${JSON.stringify(s.pattern)}`,
          indent,
        ),
      );
  }
  const format = formatOf(s);
  if (format)
    out.push(
      b.push(
        `!r.${format[0]}(${b.use(x)})`,
        p,
        "format",
        `must be ${format[1]}`,
        indent,
      ),
    );
  return out;
};

/** The checked format of `s` (undefined for none, or one not checked). */
export function formatOf(
  s: Schema,
): [check: string, what: string, constant: string] | undefined {
  return typeof s.format === "string" && Object.hasOwn(FORMATS, s.format)
    ? FORMATS[s.format]
    : undefined;
}
