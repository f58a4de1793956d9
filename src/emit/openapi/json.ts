import { compareCodeUnits, setOwn } from "../toolkit.js";

/** A JSON value as the OpenAPI document holds it; `undefined` members are left out when printed. */
export type JsonObject = { [key: string]: unknown };

/** Members of `extensions` whose keys are OpenAPI specification extensions (`x-…`). */
export function specExtensions(
  extensions: Record<string, unknown> | undefined,
  reserved: ReadonlySet<string> = new Set(),
): JsonObject {
  const out: JsonObject = {};
  if (!extensions) return out;
  for (const [key, value] of Object.entries(extensions))
    if (key.startsWith("x-") && !reserved.has(key) && value !== undefined)
      setOwn(out, key, value);
  return out;
}

/** Each member of `record` as `f` makes it, keys in its order; undefined without a record. */
export function mapped<T>(
  record: Readonly<Record<string, T>> | undefined,
  f: (value: T) => unknown,
): JsonObject | undefined {
  if (!record) return undefined;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(record)) setOwn(out, key, f(value));
  return out;
}

/** `names` by their component keys (`renames`, else the name), keys sorted, each made by `f`. */
export function byComponentKey(
  names: readonly string[],
  renames: ReadonlyMap<string, string>,
  f: (name: string) => unknown,
): JsonObject {
  const keyed = names.map((name) => [renames.get(name) ?? name, name] as const);
  keyed.sort((a, b) => compareCodeUnits(a[0], b[0]));
  const out: JsonObject = {};
  for (const [key, name] of keyed) setOwn(out, key, f(name));
  return out;
}
