import type { ApiModel, Server } from "../../model/types.js";

/** A server's URL with every declared `{variable}` at its default, without a trailing slash. */
export function filledServerUrl(server: Server): string {
  const variables = server.variables ?? {};
  const url = server.url.replace(/\{([^}]+)\}/g, (match, name: string) =>
    Object.hasOwn(variables, name) ? variables[name]!.default : match,
  );
  return url.replace(/\/+$/, "");
}

/**
 * The path of the model's first server URL (`https://api.acme.io/v2` and `/v2` give `/v2`), the
 * prefix the generated server expects before every endpoint path; empty without one.
 */
export function serverBasePath(model: ApiModel): string {
  const server = model.servers[0];
  if (!server) return "";
  const url = filledServerUrl(server);
  const path = url
    .replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, "")
    .replace(/[?#].*$/, "")
    .replace(/\/+$/, "");
  if (path === "" || /^[a-z][a-z0-9+.-]*:/i.test(path)) return "";
  return path.startsWith("/") ? path : `/${path}`;
}
