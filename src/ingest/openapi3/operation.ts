import { addParameter } from "../../model/factories.js";
import type {
  Endpoint,
  SecurityRequirement,
  Server,
} from "../../model/types.js";
import {
  child,
  members,
  sourceOf,
  type RecordNode,
} from "../openapi-common/node.js";
import { collectParameters } from "../openapi-common/parameters.js";
import {
  createOperationEndpoint,
  type OperationSite,
} from "../openapi-common/paths.js";
import type { SpecReading } from "../openapi-common/reading.js";
import {
  applyEvidence,
  emptyEvidence,
  takeParameter,
} from "../openapi-common/special-headers.js";
import { headerValues, readParameter } from "./parameter.js";
import { readRequestBody } from "./request-body.js";
import { readResponses } from "./responses.js";
import { isOpenApi32 } from "./v32.js";
import { readQuerystring } from "./querystring.js";
import { readServers } from "./servers.js";

const LOCATIONS = new Set(["path", "query", "header", "cookie"]);

/** §4.8.10 Operation Object as an endpoint. */
export function readOperation(
  reading: SpecReading,
  site: OperationSite,
  defaultSecurity: SecurityRequirement[] | undefined,
): Endpoint {
  const { operation } = site;
  const endpoint = createOperationEndpoint(reading, site, defaultSecurity);
  const evidence = emptyEvidence();
  const parameters = collectParameters(reading, site.pathItem, operation);
  for (const parameter of parameters) {
    if (!LOCATIONS.has(parameter.in)) {
      // OpenAPI 3.2: the whole query string, read as the query parameters it names
      if (parameter.in === "querystring" && isOpenApi32(reading)) {
        for (const p of readQuerystring(reading, parameter, parameters))
          addParameter(endpoint.parameters, p);
        continue;
      }
      reading.reporter.report(
        "openapi3/invalid-parameter",
        `parameter ${JSON.stringify(parameter.name)} has unknown location ${JSON.stringify(parameter.in)}; it is skipped`,
        sourceOf(child(parameter.definition, "in")),
      );
      continue;
    }
    takeParameter(
      endpoint,
      evidence,
      parameter,
      () => headerValues(reading, parameter),
      (p) => readParameter(reading, p),
    );
  }
  const requestBody = readRequestBody(reading, operation);
  if (requestBody) endpoint.requestBody = requestBody;
  endpoint.responses = readResponses(reading, operation);
  applyEvidence(reading, endpoint, evidence);
  reportSkipped(reading, site, operation);
  const servers = ownServers(reading, site);
  if (servers.length > 0) endpoint.servers = servers;
  return endpoint;
}

/** What an operation may carry that the endpoint model has no place for. */
function reportSkipped(
  reading: SpecReading,
  site: OperationSite,
  operation: RecordNode,
): void {
  const label = `${site.method.toUpperCase()} ${site.path}`;
  for (const [name, callback] of members(child(operation, "callbacks")))
    reading.reporter.report(
      "openapi3/callback-skipped",
      `callback ${JSON.stringify(name)} of ${label} is skipped: callbacks are requests the API makes, not endpoints a client calls`,
      sourceOf(callback),
    );
}

/** A path item's servers as read for its first operation: the others share them (and no fault is reported twice). */
const pathServers = new WeakMap<object, Server[]>();

/**
 * §4.8.10, §4.8.9: the operation's `servers`, else its path item's, which replace the
 * document's for this endpoint.
 */
function ownServers(reading: SpecReading, site: OperationSite): Server[] {
  const own = child(site.operation, "servers");
  if (own.value !== undefined) return readServers(reading, own);
  const shared = child(site.pathItem, "servers");
  if (typeof shared.value !== "object" || shared.value === null)
    return readServers(reading, shared);
  let servers = pathServers.get(shared.value);
  if (!servers)
    pathServers.set(shared.value, (servers = readServers(reading, shared)));
  return servers;
}
