import type { ApiModel, Endpoint } from "../../model/types.js";
import type { Reporter } from "../artifact.js";
import { trimTrailing } from "../../model/linear-text.js";
import { filledServerUrl } from "../../model/source-url.js";
export { filledServerUrl } from "../../model/source-url.js";

/**
 * The path the generated server expects before every endpoint path: `baseUrl`'s (`/v2` of
 * `https://api.acme.io/v2`), else none. The spec's server URL is where the API is deployed,
 * often behind a gateway that strips its path: the client's default, not the server's.
 */
export function serverBasePath(baseUrl?: string): string {
  // without a trailing slash; "" for `/` (and for no base URL)
  const path = trimTrailing(
    (baseUrl ?? "").replace(ORIGIN, "").replace(/[?#].*$/, ""),
    "/",
  );
  if (path === "" || /^[a-z][a-z0-9+.-]*:/i.test(path)) return "";
  return path.startsWith("/") ? path : `/${path}`;
}

/** `{tenant}` left in a filled URL (a variable no `variables` entry declares): no usable URL. */
export function hasTemplate(url: string): boolean {
  return /\{[^{}]*\}/.test(url);
}

/**
 * `https:`, `https://`, `https://:8080/v1` or `https://user@/v1`: a scheme whose authority
 * holds no host. A relative URL (`/v2`) has no scheme and keeps its meaning.
 */
export function lacksHost(url: string): boolean {
  const m = /^[a-z][a-z0-9+.-]*:(?:\/\/([^/?#]*))?/i.exec(url);
  if (!m) return false;
  if (m[1] === undefined) return url === m[0];
  return m[1].replace(/^[^@]*@/, "").replace(/:\d*$/, "") === "";
}

const ORIGIN = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i;

/**
 * Where the client calls an endpoint with a server of its own: on the API's origin, a path that
 * replaces the base URL's (so `baseUrl` still moves it), else its absolute URL. Undefined when it
 * has none, it is the API's, or its URL keeps an unfilled variable or names no host.
 */
export function endpointServer(model: ApiModel, endpoint: Endpoint) {
  const own = endpoint.servers?.[0];
  if (!own) return undefined;
  const url = filledServerUrl(own) || "/";
  if (hasTemplate(url) || lacksHost(url)) return undefined;
  const api = model.servers[0] ? filledServerUrl(model.servers[0]) : "";
  if (url === api) return undefined;
  // a relative URL is relative to the API's server (the document's place is not the API's)
  const origin = ORIGIN.exec(url)?.[0].toLowerCase();
  if (origin !== undefined && origin !== ORIGIN.exec(api)?.[0].toLowerCase())
    return url;
  const resolved = new URL(url, new URL(`${api}/`, "http://relative.invalid"));
  return trimTrailing(resolved.pathname, "/");
}

/** The path before an endpoint's own where its server is on the API's origin (`/v2`), else "". */
export function endpointServerPath(model: ApiModel, endpoint: Endpoint) {
  const own = endpointServer(model, endpoint) ?? "";
  return ORIGIN.test(own) ? "" : own;
}

/** An endpoint with a server of its own is served under the base path too: a warning. */
export function endpointServerUnderBasePath(
  model: ApiModel,
  baseUrl: string | undefined,
  reporter: Reporter,
): void {
  const base = serverBasePath(baseUrl);
  if (base === "") return;
  for (const endpoint of model.endpoints) {
    const path = endpointServer(model, endpoint);
    if (path === undefined || ORIGIN.test(path)) continue;
    const own = endpoint.servers![0]!;
    reporter.report(
      "server/endpoint-server-under-base-path",
      `${endpoint.method.toUpperCase()} ${endpoint.path} has a server of its own (${JSON.stringify(own.url)}), but the generated server serves every route under its base path ${JSON.stringify(base)}: it answers at ${base}${path}${endpoint.path}, where the client does not call it (serve it with basePath "" or on its own)`,
      own.sources[0]!,
    );
  }
}
