import {
  fileStart,
  filledServerUrl as filledUrl,
  hasTemplate,
  lacksHost,
  trimTrailing,
} from "../toolkit.js";
import type { Reporter } from "../artifact.js";
import type { ApiModel } from "../../model/types.js";

/**
 * The client's default base URL: the `--base-url` option, else the first server of the model
 * with its variables at their defaults (OpenAPI 3.1 §4.8.6), without a trailing slash. Empty
 * when that URL names no host (`https://{base_url}` whose default is empty gives `https://`):
 * the user must then pass `baseUrl` (see `baseUrlDiagnostics`).
 */
export function defaultBaseUrl(model: ApiModel, override?: string): string {
  if (override !== undefined) return trimTrailing(override, "/");
  const server = model.servers[0];
  if (!server) return "";
  const url = filledUrl(server);
  return lacksHost(url) || hasTemplate(url) ? "" : url;
}

/**
 * The warning for a first server whose URL names no host once its variables are filled (the
 * client then has no default base URL). Emitters cannot add to the model's diagnostics; the CLI
 * calls this and reports the result with the rest.
 */
export function baseUrlDiagnostics(
  model: ApiModel,
  override: string | undefined,
  reporter: Reporter,
): void {
  const server = model.servers[0];
  if (override !== undefined || !server) return;
  const url = filledUrl(server);
  const why = hasTemplate(url)
    ? `keeps a variable no \`variables\` entry declares once the others take their defaults (${JSON.stringify(url)})`
    : lacksHost(url)
      ? `names no host once its variables take their defaults (${JSON.stringify(url)})`
      : undefined;
  if (why === undefined) return;
  reporter.report(
    "client/no-default-base-url",
    `the server URL ${JSON.stringify(server.url)} ${why}: ` +
      "the generated client has no default base URL; pass createClient({ baseUrl }) or --base-url",
    server.sources[0] ?? fileStart(""),
  );
}

/** The warning for an endpoint server the client cannot call (a variable left, no host). */
export function endpointServerDiagnostics(
  model: ApiModel,
  reporter: Reporter,
): void {
  for (const endpoint of model.endpoints) {
    const own = endpoint.servers?.[0];
    if (!own) continue;
    const url = filledUrl(own);
    if (!hasTemplate(url) && !lacksHost(url)) continue;
    reporter.report(
      "client/endpoint-server-unused",
      `${endpoint.method.toUpperCase()} ${endpoint.path}: its server ${JSON.stringify(own.url)} names no host or keeps an undeclared variable once its variables take their defaults; the client calls it at the base URL`,
      own.sources[0] ?? fileStart(""),
    );
  }
}
