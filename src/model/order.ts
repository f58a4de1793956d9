import { HTTP_METHODS, type Endpoint, type Tag } from "./types.js";

/** The one string order, UTF-16 code units: unlike `localeCompare`, the same anywhere. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** By path, then by method in `HTTP_METHODS` order, then the other methods by name. */
export function compareEndpoints(
  a: Pick<Endpoint, "method" | "path">,
  b: Pick<Endpoint, "method" | "path">,
): number {
  return (
    compareCodeUnits(a.path, b.path) ||
    methodRank(a.method) - methodRank(b.method) ||
    compareCodeUnits(a.method, b.method)
  );
}

function methodRank(method: string): number {
  const rank = (HTTP_METHODS as readonly string[]).indexOf(method);
  return rank < 0 ? HTTP_METHODS.length : rank;
}

/** A value's JSON with object keys sorted and `undefined` members left out. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value !== "object" || value === null)
    return JSON.stringify(value) ?? "null";
  const record = value as Record<string, unknown>;
  return `{${Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`)
    .join(",")}}`;
}

/** The declared tag names in model order, then those only endpoints name, sorted. */
export function tagOrder(
  declared: readonly Tag[],
  endpoints: readonly Endpoint[],
): string[] {
  const names = new Set(declared.map((t) => t.name));
  const extra = new Set(endpoints.flatMap((e) => e.tags));
  return [
    ...names,
    ...[...extra].filter((t) => !names.has(t)).sort(compareCodeUnits),
  ];
}
