import { compareCodeUnits } from "../toolkit.js";

/** A JSON value as the OpenAPI document holds it; `undefined` members are left out when printed. */
export type JsonObject = { [key: string]: unknown };

/** Members of `extensions` whose keys are OpenAPI specification extensions (`x-…`). */
export const specExtensions = (
  extensions: Record<string, unknown> | undefined,
  reserved: ReadonlySet<string> = new Set(),
): JsonObject =>
  Object.fromEntries(
    Object.entries(extensions ?? {}).filter(
      ([key, value]) =>
        key.startsWith("x-") && !reserved.has(key) && value !== undefined,
    ),
  );

/** Each member of `record` as `f` makes it, keys in its order; undefined without a record. */
export const mapped = <T>(
  record: Readonly<Record<string, T>> | undefined,
  f: (value: T) => unknown,
): JsonObject | undefined =>
  record &&
  Object.fromEntries(Object.entries(record).map(([k, v]) => [k, f(v)]));

/** `names` by their component keys (`renames`, else the name), keys sorted, each made by `f`. */
export function byComponentKey(
  names: readonly string[],
  renames: ReadonlyMap<string, string>,
  f: (name: string) => unknown,
): JsonObject {
  const keyed = names.map((name) => [renames.get(name) ?? name, name] as const);
  keyed.sort((a, b) => compareCodeUnits(a[0], b[0]));
  return Object.fromEntries(keyed.map(([key, name]) => [key, f(name)]));
}
