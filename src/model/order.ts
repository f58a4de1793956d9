import { HTTP_METHODS, type Endpoint } from "./types.js";

/**
 * The project's one string order: UTF-16 code units. It is the same on every machine, in every
 * locale and time zone, which `localeCompare` is not; deterministic output depends on it.
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The model's endpoint order: by path, then by method in `HTTP_METHODS` order. */
export function compareEndpoints(
  a: Pick<Endpoint, "method" | "path">,
  b: Pick<Endpoint, "method" | "path">,
): number {
  return (
    compareCodeUnits(a.path, b.path) ||
    HTTP_METHODS.indexOf(a.method) - HTTP_METHODS.indexOf(b.method)
  );
}
