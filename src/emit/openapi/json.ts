import { setOwn } from "../toolkit.js";

/** A JSON value as the OpenAPI document holds it; `undefined` members are left out when printed. */
export type JsonObject = { [key: string]: unknown };

export { printJson, printJsonTo } from "./print-json.js";

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
