import { addParameter } from "../../model/factories.js";
import type {
  Endpoint,
  Parameter,
  SecurityRequirement,
} from "../../model/types.js";
import {
  child,
  members,
  sourceOf,
  type RecordNode,
} from "../openapi-common/node.js";
import {
  collectParameters,
  type ParameterEntry,
} from "../openapi-common/parameters.js";
import {
  createOperationEndpoint,
  type OperationSite,
} from "../openapi-common/paths.js";
import type { SpecReading } from "../openapi-common/reading.js";
import {
  applyEvidence,
  collectEvidence,
  emptyEvidence,
  specialHeader,
} from "../openapi-common/special-headers.js";
import { headerValues, readParameter } from "./parameter.js";
import { readRequestBody } from "./request-body.js";
import { readResponses } from "./responses.js";
import { isOpenApi32 } from "./v32.js";
import { readQuerystring } from "./querystring.js";

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
    const special = specialHeader(parameter.name, parameter.in);
    if (special)
      collectEvidence(
        evidence,
        special,
        parameter.entry,
        headerValues(reading, parameter),
      );
    else
      addParameter(
        endpoint.parameters,
        readParameter(
          reading,
          parameter as ParameterEntry & { in: Parameter["in"] },
        ),
      );
  }
  const requestBody = readRequestBody(reading, operation);
  if (requestBody) endpoint.requestBody = requestBody;
  endpoint.responses = readResponses(reading, operation);
  applyEvidence(reading, endpoint, evidence);
  reportSkipped(reading, site, operation);
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
  const servers = child(operation, "servers");
  if (Array.isArray(servers.value) && servers.value.length > 0)
    reading.reporter.report(
      "openapi3/servers-ignored",
      `the servers of ${label} are ignored: the model has one server list for the whole API`,
      sourceOf(servers),
    );
  const pathServers = child(site.pathItem, "servers");
  if (Array.isArray(pathServers.value) && pathServers.value.length > 0)
    reading.reporter
      .once(site.path)
      .report(
        "openapi3/servers-ignored",
        `the servers of path ${site.path} are ignored: the model has one server list for the whole API`,
        sourceOf(pathServers),
      );
}
