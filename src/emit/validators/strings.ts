import type { Schema } from "../../model/types.js";

/**
 * The formats checked, each by a runtime test; how a message names it; the runtime's Format
 * constant of it (its test and the same message; templates/validators/formats.ts).
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

/** The checked format of `s` (undefined for none, or one not checked). */
export function formatOf(
  s: Schema,
): [check: string, what: string, constant: string] | undefined {
  return typeof s.format === "string" && Object.hasOwn(FORMATS, s.format)
    ? FORMATS[s.format]
    : undefined;
}
