/**
 * Which schemas the generated code holds as something other than their JSON value: with the
 * config's `dates: "Date"` a date(-time) string is a `Date`, with `int64: "bigint"` an int64
 * integer is a `bigint` (issue 43). Said once here; the types, the client's and the server's
 * revival and serialization, the validators, mocks, TanStack Query and MCP all read
 * {@link revivedScalar}. The rule, `$ref`s and compositions included, is docs/client.md's
 * "Dates and big integers" ("Which values"): one schema node is judged by its own `type` and
 * `format`, so callers follow a `$ref` and judge a composition's members one by one.
 */

import { declaredTypes } from "./schema.js";
import type { ScalarChoices } from "../scalar-choices.js";
import type { Schema } from "../types.js";

/** The defaults: JSON's own values, no revival (the output of apiloom before the options). */
export const DEFAULT_SCALARS: ScalarChoices = Object.freeze({
  dates: "string",
  int64: "number",
});

/** What a revived value is: a `Date` from date-time or date text, a `bigint` from an int64. */
export type RevivedScalar = "date-time" | "date" | "int64";

/**
 * What the generated code holds for values of this schema node instead of their JSON value, or
 * undefined when it holds the JSON value (see the module's comment). `scalars` is the model's
 * (`model.scalars`); undefined means the defaults, with which nothing is revived.
 */
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

/** The TypeScript type of a revived value: `Date` or `bigint`. */
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

/**
 * The choices as the model carries them: undefined when both are the defaults, so a model (and
 * everything printed from it, `apiloom inspect --json` too) is what it was without the options.
 */
export function modelScalars(
  choices: Partial<ScalarChoices> | undefined,
): ScalarChoices | undefined {
  const dates = choices?.dates ?? DEFAULT_SCALARS.dates;
  const int64 = choices?.int64 ?? DEFAULT_SCALARS.int64;
  return dates === DEFAULT_SCALARS.dates && int64 === DEFAULT_SCALARS.int64
    ? undefined
    : Object.freeze({ dates, int64 });
}

/*
 * Which JSON values revive: the date rules are the generated runtime's toDate
 * (templates/shared/scalars.ts; test/dates/consumers-mocks.test.ts holds the two to each
 * other), which refuses a date's text that names no day or time; an int64 is an integer in
 * its range. Mocks answer, and the docs' client examples show, only examples that revive.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;
const INT64_LIMIT = 2 ** 63;

/** Whether `text` is a date (`d`) or an RFC 3339 date-time (`t`) the client revives. */
export function isRevivableDate(text: string, kind: "t" | "d"): boolean {
  const m = (kind === "d" ? DATE : DATE_TIME).exec(text);
  if (!m) return false;
  const [y, mo, d, h = 0, mi = 0, s = 0] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number?,
    number?,
    number?,
  ];
  // the month's last day; setUTCFullYear, not Date.UTC, which reads the years 0-99 as 1900-1999
  // (0000-02-29 is a day: the year 0 is a leap year, as the runtime's reviver says)
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

/** Whether a JSON number is an int64 (an integer in the signed 64-bit range). */
export function isInt64(value: number): boolean {
  return (
    Number.isInteger(value) && value >= -INT64_LIMIT && value < INT64_LIMIT
  );
}

/**
 * For the sample maker (`accepts`): whether a schema's own example may stand where the client
 * revives its value, by the model's scalar choices: a date's or date-time's text that revives,
 * an int64 in range. Other places take any example of their type.
 */
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
