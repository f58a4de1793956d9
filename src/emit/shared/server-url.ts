import type { Server } from "../../model/types.js";
import type { PluginOption } from "../artifact.js";
import { trimTrailing } from "../../model/linear-text.js";

/** A server's URL with every declared `{variable}` at its default, without a trailing slash. */
export function filledServerUrl(server: Server): string {
  const variables = server.variables ?? {};
  const url = server.url.replace(/\{([^{}]+)\}/g, (match, name: string) =>
    Object.hasOwn(variables, name) ? variables[name]!.default : match,
  );
  return trimTrailing(url, "/");
}

/**
 * The path the generated server expects before every endpoint path: the path of `baseUrl` when
 * one is given (`--base-url`, the config's `baseUrl`: `https://api.acme.io/v2` and `/v2` give
 * `/v2`), else none: the server serves at the root of wherever it is mounted, as Express and
 * Fastify routes do, so a client pointed at `http://127.0.0.1:PORT` reaches it. The spec's server
 * URL is where the API is deployed, often behind a gateway that strips its path; it is the
 * client's default, not the server's.
 */
export function serverBasePath(baseUrl?: string): string {
  return baseUrl === undefined ? "" : urlPath(baseUrl);
}

/** The path of a URL, or of a bare path, without a trailing slash; "" for `/` or none. */
function urlPath(url: string): string {
  const path = trimTrailing(
    url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, "").replace(/[?#].*$/, ""),
    "/",
  );
  if (path === "" || /^[a-z][a-z0-9+.-]*:/i.test(path)) return "";
  return path.startsWith("/") ? path : `/${path}`;
}

/** Why `value` is not a base URL (an absolute http(s) URL, or a path on the same origin), or undefined. */
export function baseUrlProblem(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value.startsWith("/") && !value.startsWith("//")) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (url && (url.protocol === "http:" || url.protocol === "https:"))
    return undefined;
  return `${JSON.stringify(value)} is not a base URL; give an absolute http(s) URL (https://api.example.com/v1) or a path starting with / (/api)`;
}

/**
 * The `baseUrl` option (top-level `baseUrl` in the config, `--base-url`), which the client and
 * the server both read: one flag sets both.
 */
export function baseUrlOption(help: string): PluginOption<string | undefined> {
  return {
    type: "string",
    default: undefined,
    help,
    config: "baseUrl",
    flag: "--base-url",
    placeholder: "<url>",
    problem: baseUrlProblem,
  };
}
