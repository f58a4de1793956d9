/**
 * The config's `dates` and `int64`, carried on the model as `scalars` (absent when both are the
 * defaults): `"Date"` types `format: date-time`/`date` strings as `Date`, `"bigint"` types
 * `format: int64` integers as `bigint`; schema/scalars.ts says which schemas.
 */
export interface ScalarChoices {
  readonly dates: "string" | "Date";
  readonly int64: "number" | "bigint";
}
