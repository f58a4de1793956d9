import { addParameter } from "../../model/factories.js";
import type {
  Endpoint,
  SecurityRequirement,
  Server,
  ServerVariable,
} from "../../model/types.js";
import {
  child,
  copyStrings,
  elements,
  isRecordNode,
  members,
  type Node,
  type RecordNode,
  scalarText,
  sourceOf,
  stringAt,
} from "../openapi-common/node.js";
import { collectParameters } from "../openapi-common/parameters.js";
import {
  createOperationEndpoint,
  type OperationSite,
} from "../openapi-common/paths.js";
import type { SpecReading } from "../openapi-common/reading.js";
import {
  applyEvidence,
  type HeaderEvidence,
  takeParameter,
} from "../openapi-common/special-headers.js";
import { headerValues, readParameter } from "./parameter.js";
import { readRequestBody, readResponses } from "./content.js";
import { readQuerystring } from "./querystring.js";
import { setOwn } from "../../model/own-property.js";

/** §4.8.10 Operation Object as an endpoint. */
export function readOperation(
  reading: SpecReading,
  site: OperationSite,
  defaultSecurity: SecurityRequirement[] | undefined,
): Endpoint {
  const { operation } = site;
  const endpoint = createOperationEndpoint(reading, site, defaultSecurity);
  const evidence: HeaderEvidence = { accept: [], contentType: [] };
  const parameters = collectParameters(reading, site.pathItem, operation);
  for (const parameter of parameters) {
    // OpenAPI 3.2: the whole query string, read as the query parameters it names
    if (parameter.in === "querystring" && reading.isOpenApi32) {
      for (const p of readQuerystring(reading, parameter, parameters))
        addParameter(endpoint.parameters, p);
      continue;
    }
    takeParameter(
      reading,
      endpoint,
      evidence,
      parameter,
      ["path", "query", "header", "cookie"],
      () => headerValues(reading, parameter),
      (out) => readParameter(reading, out, parameter),
    );
  }
  const requestBody = readRequestBody(reading, operation);
  if (requestBody) endpoint.requestBody = requestBody;
  endpoint.responses = readResponses(reading, operation);
  applyEvidence(reading, endpoint, evidence);
  // callbacks are requests the API makes: the endpoint model has no place for them
  for (const [name, callback] of members(child(operation, "callbacks")))
    reading.reporter.report(
      "openapi3/callback-skipped",
      `callback ${JSON.stringify(name)} of ${site.method.toUpperCase()} ${site.path} is skipped: callbacks are requests the API makes, not endpoints a client calls`,
      sourceOf(callback),
    );
  // §4.8.10, §4.8.9: the operation's `servers`, else its path item's, replace the document's
  const own = child(operation, "servers");
  const servers = readServers(
    reading,
    own.value !== undefined ? own : child(site.pathItem, "servers"),
  );
  if (servers.length > 0) endpoint.servers = servers;
  return endpoint;
}

/** §4.8.5 Server Objects. URLs stay as written, relative ones included. */
export function readServers(reading: SpecReading, list: Node): Server[] {
  if (list.value === undefined) return [];
  if (!Array.isArray(list.value)) {
    reading.reporter.report(
      "openapi3/invalid-servers",
      "`servers` must be a list; it is ignored",
      sourceOf(list),
    );
    return [];
  }
  return elements(list).flatMap((entry) => {
    const url = isRecordNode(entry) ? stringAt(entry, "url") : undefined;
    if (url === undefined) {
      reading.reporter.report(
        "openapi3/invalid-server",
        "a server without a `url` is skipped",
        sourceOf(entry),
      );
      return [];
    }
    const server: Server = { url, sources: [sourceOf(entry)] };
    copyStrings(server, entry as RecordNode, "description");
    const variables = readVariables(reading, entry as RecordNode, url);
    if (variables) server.variables = variables;
    return [server];
  });
}

function readVariables(reading: SpecReading, server: RecordNode, url: string) {
  const declared = members(child(server, "variables"));
  const variables: Record<string, ServerVariable> = {};
  for (const [name, node] of declared) {
    if (!isRecordNode(node)) {
      reading.reporter.report(
        "openapi3/invalid-server-variable",
        `server variable ${JSON.stringify(name)} must be an object; it is skipped`,
        sourceOf(node),
      );
      continue;
    }
    const values = Array.isArray(node.value.enum)
      ? node.value.enum.flatMap((value) => scalarText(value) ?? [])
      : undefined;
    let fallback = scalarText(node.value.default);
    if (fallback === undefined) {
      fallback = values?.[0] ?? "";
      reading.reporter.report(
        "openapi3/server-variable-without-default",
        `server variable ${JSON.stringify(name)} has no default; ${JSON.stringify(fallback)} is used`,
        sourceOf(node),
      );
    }
    const variable: ServerVariable = { default: fallback };
    if (values && values.length > 0) variable.enum = values;
    copyStrings(variable, node, "description");
    setOwn(variables, name, variable);
  }
  for (const match of url.matchAll(/\{([^{}]+)\}/g))
    if (!Object.hasOwn(variables, match[1]!))
      reading.reporter.report(
        "openapi3/undeclared-server-variable",
        `server URL ${JSON.stringify(url)} uses {${match[1]}}, which is not among its variables`,
        sourceOf(child(server, "url")),
      );
  return declared.length > 0 ? variables : undefined;
}
