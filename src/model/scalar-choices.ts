/**
 * The config's `dates` and `int64`, on the model as `scalars` (absent when both are the defaults):
 * `"Date"` types date-time and date strings as `Date`, `"bigint"` int64 integers as `bigint`.
 */
export interface ScalarChoices {
  readonly dates: "string" | "Date";
  readonly int64: "number" | "bigint";
}
