import type { ApiModel } from "../../model/types.js";

/**
 * The client's default base URL: the `--base-url` option, else the first server of the model
 * with its variables at their defaults (OpenAPI 3.1 §4.8.6), without a trailing slash.
 */
export function defaultBaseUrl(model: ApiModel, override?: string): string {
  if (override !== undefined) return override.replace(/\/+$/, "");
  const server = model.servers[0];
  if (!server) return "";
  const url = server.url.replace(/\{([^}]+)\}/g, (match, name: string) => {
    const variable = server.variables?.[name];
    return variable ? variable.default : match;
  });
  return url.replace(/\/+$/, "");
}
