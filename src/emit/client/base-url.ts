import {
  fetchSendsBody,
  CLIENT_EXPORT_NAMES,
  compareCodeUnits,
  FETCH_FORBIDDEN_METHODS,
  fileStart,
  filledServerUrl as filledUrl,
  hasTemplate,
  lacksHost,
  methodDiagnostics,
  schemaTypeName,
  trimTrailing,
} from "../toolkit.js";
import type { Reporter, TypeIndex } from "../artifact.js";
import type { ApiModel } from "../../model/types.js";

/** `--base-url`, else the first server's URL filled, without a trailing slash; "" when unusable. */
export function defaultBaseUrl(model: ApiModel, override?: string): string {
  if (override !== undefined) return trimTrailing(override, "/");
  const server = model.servers[0];
  if (!server) return "";
  const url = filledUrl(server);
  return lacksHost(url) || hasTemplate(url) ? "" : url;
}

/**
 * What the client reports: a method fetch refuses, a GET or HEAD body it cannot send, a first
 * server that gives no default base URL, an endpoint's own server it cannot call, a schema named
 * like one of its exports (renamed).
 */
export function clientDiagnostics(
  model: ApiModel,
  override: string | undefined,
  index: TypeIndex,
  reporter: Reporter,
): void {
  reporter.add(
    methodDiagnostics(model, "client/method-not-sent", (m) =>
      FETCH_FORBIDDEN_METHODS.includes(m)
        ? "fetch refuses to send this method (a forbidden method of the Fetch standard): the generated function rejects every call"
        : undefined,
    ),
  );
  const server = model.servers[0];
  if (override === undefined && server) {
    const url = filledUrl(server);
    const why = hasTemplate(url)
      ? `keeps a variable no \`variables\` entry declares once the others take their defaults (${JSON.stringify(url)})`
      : lacksHost(url)
        ? `names no host once its variables take their defaults (${JSON.stringify(url)})`
        : undefined;
    if (why !== undefined)
      reporter.report(
        "client/no-default-base-url",
        `the server URL ${JSON.stringify(server.url)} ${why}: ` +
          "the generated client has no default base URL; pass createClient({ baseUrl }) or --base-url",
        server.sources[0] ?? fileStart(""),
      );
  }
  for (const endpoint of model.endpoints) {
    const body = endpoint.requestBody;
    const method = endpoint.method.toUpperCase();
    if (body && !fetchSendsBody(endpoint))
      reporter.report(
        "client/body-not-sent",
        `${method} ${endpoint.path} (${endpoint.name}) declares a request body, which fetch refuses to send with ${method}: the generated function rejects ${body.required ? "every call (the body is required)" : "a call that passes one"}`,
        body.sources[0] ?? endpoint.sources[0] ?? fileStart(""),
      );
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
  // the name layer (type-index/names.ts) gives the schema another name: the user learns which
  for (const name of Object.keys(model.schemas).sort(compareCodeUnits)) {
    const wanted = schemaTypeName(name);
    if (!CLIENT_EXPORT_NAMES.includes(wanted)) continue;
    reporter.report(
      "client/schema-renamed",
      `the schema ${JSON.stringify(name)} is \`${index.schemaTypeName(name)}\` in types.ts and client/index.ts: ` +
        `the client exports its own \`${wanted}\``,
      model.schemas[name]!.sources[0] ?? fileStart(""),
    );
  }
}
