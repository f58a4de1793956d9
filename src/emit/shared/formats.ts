/**
 * The formats the generated validators check: the string ones, and `int32` on a number (as
 * ajv-formats reads it). Any other format is an annotation they pass over.
 */
export const CHECKED_FORMATS: readonly string[] = Object.freeze([
  ...["date-time", "date", "email", "uuid", "uri", "ipv4", "ipv6"],
  "int32",
]);
