/**
 * The config's `dates` and `int64`, resolved once (src/workflow/config/settings.ts) and carried on the
 * model as `scalars`, absent when both are the defaults (`"string"`, `"number"`): the output is
 * then what it was before the options existed. `"Date"` types `format: date-time`/`date`
 * strings as `Date`, `"bigint"` types `format: int64` integers as `bigint`, each on its own;
 * schema/scalars.ts says which schemas.
 */
export interface ScalarChoices {
  readonly dates: "string" | "Date";
  readonly int64: "number" | "bigint";
}
