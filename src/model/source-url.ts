import { isAbsolute, relative, resolve, sep } from "node:path";
import type { ModelReporter } from "./diagnostics/codes.js";
import { trimTrailing } from "./linear-text.js";
import type { Server } from "./types.js";

/** Whether an input (or a document's place) is an http(s) URL rather than a file path. */
export function isUrlInput(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

/** Where an input is: a URL input as it is, a file resolved against `baseDir`. */
export function inputPlace(file: string, baseDir: string): string {
  return isUrlInput(file) ? file : resolve(baseDir, file);
}

/** An http(s) URL's user info (its authority ends at the first `/`, `?`, `#` or `\`, as URL reads it). */
const USER_INFO = /^(https?:\/\/)[^/?#\\]*@/i;

/** A URL as apiloom shows it anywhere, its user info written as `***`: no credential is printed. */
export function shownUrl(text: string): string {
  return text.replace(USER_INFO, "$1***@");
}

/** `text` without the user info of its URL. */
export function withoutUserInfo(text: string): string {
  return text.replace(USER_INFO, "$1");
}

/**
 * A server with no user info in its URL (`https://user:pw@host`), said at the server: fetch
 * refuses such a URL, and the client, docs and OpenAPI document would publish the password.
 */
export function serverWithoutCredentials(
  server: Server,
  reporter: ModelReporter,
): Server {
  const url = withoutUserInfo(server.url.trim());
  if (url === server.url.trim()) return server;
  reporter.report(
    "model/server-credentials",
    `the server URL ${shownUrl(server.url.trim())} holds a user name or password; the URL is ${url}: fetch refuses a URL with credentials, and the generated code and docs would publish them`,
    server.sources[0]!,
  );
  return { ...server, url };
}

/** A server's URL with every declared `{variable}` at its default, without a trailing slash. */
export function filledServerUrl(server: Server): string {
  const variables = server.variables ?? {};
  const url = server.url.replace(/\{([^{}]+)\}/g, (match, name: string) =>
    Object.hasOwn(variables, name) ? variables[name]!.default : match,
  );
  return trimTrailing(url, "/");
}

/** A file as messages name it: relative to `cwd` when inside it; a URL by {@link shownUrl}. */
export function displayPath(cwd: string, abs: string): string {
  if (isUrlInput(abs)) return shownUrl(abs);
  const rel = relative(cwd, abs);
  return (rel === "" || isAbsolute(rel) ? abs : rel).split(sep).join("/");
}

/** Whether `path` is `folder` or lies under it, both taken as written (no file system). */
export function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return (
    rel === "" ||
    (rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel))
  );
}
