import { addParameter } from "../../model/factories.js";
import type {
  Endpoint,
  Parameter,
  SecurityRequirement,
} from "../../model/types.js";
import {
  child,
  sourceOf,
  stringsAt,
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
import { readParameter } from "./parameter.js";
import { foldRequestBody } from "./request-body.js";
import { readResponses } from "./responses.js";

/** Document-wide defaults an operation falls back on. */
export interface Swagger2Defaults {
  consumes: string[];
  produces: string[];
  security: SecurityRequirement[] | undefined;
}

/** §Operation Object as an endpoint. */
export function readOperation(
  reading: SpecReading,
  site: OperationSite,
  defaults: Swagger2Defaults,
): Endpoint {
  const { operation } = site;
  const endpoint = createOperationEndpoint(reading, site, defaults.security);
  const consumes = stringsAt(operation, "consumes") ?? defaults.consumes;
  const produces = stringsAt(operation, "produces") ?? defaults.produces;

  const body: ParameterEntry[] = [];
  const form: ParameterEntry[] = [];
  const evidence = emptyEvidence();
  for (const parameter of collectParameters(
    reading,
    site.pathItem,
    operation,
  )) {
    switch (parameter.in) {
      case "body":
        body.push(parameter);
        break;
      case "formData":
        form.push(parameter);
        break;
      case "path":
      case "query":
      case "header": {
        const special = specialHeader(parameter.name, parameter.in);
        if (special)
          collectEvidence(
            evidence,
            special,
            parameter.entry,
            headerValues(parameter.definition),
          );
        else
          addParameter(
            endpoint.parameters,
            readParameter(
              reading,
              parameter as ParameterEntry & { in: Parameter["in"] },
            ),
          );
        break;
      }
      default:
        reading.reporter.report(
          "swagger2/invalid-parameter",
          `parameter ${JSON.stringify(parameter.name)} has unknown location ${JSON.stringify(parameter.in)}; it is skipped`,
          sourceOf(child(parameter.definition, "in")),
        );
    }
  }
  const requestBody = foldRequestBody(reading, body, form, consumes);
  if (requestBody) endpoint.requestBody = requestBody;
  else {
    // no body or formData parameter: no body (§Parameter Object). The operation's own
    // `consumes` names the media types should other evidence say one is sent (a Content-Type
    // header parameter here, a Postman body mode elsewhere); the document's names none for it
    // (src/model/merge/undescribed-body.ts)
    const own = child(operation, "consumes");
    if (own.value !== undefined && consumes.length > 0)
      endpoint.bodySignals = [
        {
          mediaTypes: consumes,
          required: false,
          evidence: "consumes",
          source: sourceOf(own),
          hint: true,
        },
      ];
  }
  endpoint.responses = readResponses(reading, operation, produces);
  applyEvidence(reading, endpoint, evidence);
  return endpoint;
}

/** The values a header parameter names: its enum, default and example, and those of its items. */
function headerValues(definition: RecordNode): unknown[] {
  const values: unknown[] = [];
  const collect = (raw: Record<string, unknown>) => {
    if (Array.isArray(raw.enum)) values.push(...raw.enum);
    if (raw.default !== undefined) values.push(raw.default);
    if (raw["x-example"] !== undefined) values.push(raw["x-example"]);
  };
  collect(definition.value);
  const items = definition.value.items;
  if (typeof items === "object" && items !== null && !Array.isArray(items))
    collect(items as Record<string, unknown>);
  return values;
}
