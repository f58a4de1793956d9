/**
 * Which schemas the generated code holds as other than their JSON value (config `dates`, `int64`;
 * docs/client.md): each node by its own `type` and `format`, callers follow `$ref`s and members.
 */

import { declaredTypes } from "./schema.js";
import type { ScalarChoices } from "../scalar-choices.js";
import type { Schema } from "../types.js";

/** The defaults: JSON's own values, no revival. */
export const DEFAULT_SCALARS: ScalarChoices = Object.freeze({
  dates: "string",
  int64: "number",
});

/** What a revived value is: a `Date` from date-time or date text, a `bigint` from an int64. */
export type RevivedScalar = "date-time" | "date" | "int64";

/** What the generated code holds for this schema node's values instead of their JSON, if anything. */
export function revivedScalar(
  schema: Schema | boolean | undefined,
  scalars: ScalarChoices | undefined,
): RevivedScalar | undefined {
  if (scalars === undefined || typeof schema !== "object" || schema === null)
    return undefined;
  const format = schema.format;
  if (format !== "date-time" && format !== "date" && format !== "int64")
    return undefined;
  if ("const" in schema || schema.enum !== undefined) return undefined;
  const types = declaredTypes(schema).filter((t) => t !== "null");
  if (types.length !== 1) return undefined;
  if (format === "int64")
    return types[0] === "integer" && scalars.int64 === "bigint"
      ? "int64"
      : undefined;
  return types[0] === "string" && scalars.dates === "Date" ? format : undefined;
}

export function revivedTypeName(kind: RevivedScalar): "Date" | "bigint" {
  return kind === "int64" ? "bigint" : "Date";
}

/** Whether any value is revived with these choices (undefined: the defaults, none). */
export function revivesAny(scalars: ScalarChoices | undefined): boolean {
  return (
    scalars !== undefined &&
    (scalars.dates === "Date" || scalars.int64 === "bigint")
  );
}

/** The choices as the model carries them: undefined when both are the defaults. */
export function modelScalars(
  choices: Partial<ScalarChoices> | undefined,
): ScalarChoices | undefined {
  const dates = choices?.dates ?? DEFAULT_SCALARS.dates;
  const int64 = choices?.int64 ?? DEFAULT_SCALARS.int64;
  return dates === DEFAULT_SCALARS.dates && int64 === DEFAULT_SCALARS.int64
    ? undefined
    : Object.freeze({ dates, int64 });
}

// the date rules are the generated runtime's toDate (templates/shared/scalars.ts)

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;
const INT64_LIMIT = 2 ** 63;

/** Whether `text` is a date (`d`) or an RFC 3339 date-time (`t`) the client revives. */
export function isRevivableDate(text: string, kind: "t" | "d"): boolean {
  const m = (kind === "d" ? DATE : DATE_TIME).exec(text);
  if (!m) return false;
  const [y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0] = m
    .slice(1, 7)
    .map(Number);
  // the month's last day; not Date.UTC, which reads the years 0-99 as 1900-1999
  const end = new Date(0);
  end.setUTCFullYear(y, mo, 0);
  const last = end.getUTCDate();
  const offset =
    m[8] === undefined || (Number(m[9]) < 24 && Number(m[10]) < 60);
  return (
    mo >= 1 &&
    mo <= 12 &&
    d >= 1 &&
    d <= last &&
    h < 24 &&
    mi < 60 &&
    s < 60 &&
    offset
  );
}

/** Whether a JSON number is an integer in the signed 64-bit range. */
export function isInt64(value: number): boolean {
  return (
    Number.isInteger(value) && value >= -INT64_LIMIT && value < INT64_LIMIT
  );
}

/** For samples (`accepts`): whether a schema's example revives where the client would. */
export function revivableExample(
  scalars: ScalarChoices | undefined,
): (value: unknown, schema: Schema) => boolean {
  return (value, schema) => {
    const kind = revivedScalar(schema, scalars);
    if (kind === undefined) return true;
    if (kind === "int64") return typeof value === "number" && isInt64(value);
    return (
      typeof value === "string" &&
      isRevivableDate(value, kind === "date" ? "d" : "t")
    );
  };
}
