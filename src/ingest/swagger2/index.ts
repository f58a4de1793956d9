import type {
  ApiResponse,
  DocumentModel,
  Endpoint,
  MediaContent,
  Parameter,
  ResponseHeader,
  SecurityRequirement,
  Server,
} from "../../model/types.js";
import { type ReaderContext, uriScheme } from "../reader.js";
import {
  child,
  copyStrings,
  members,
  type RecordNode,
  sourceOf,
  stringAt,
  stringsAt,
} from "../openapi-common/node.js";
import {
  createOperationEndpoint,
  type OperationSite,
  readPaths,
} from "../openapi-common/paths.js";
import { SpecReading } from "../openapi-common/reading.js";
import {
  apiKeyKind,
  readOAuthFlow,
  readSchemes,
  readSecurityRequirements,
  type SchemeKind,
} from "../openapi-common/security.js";
import { trimTrailing } from "../../model/linear-text.js";
import {
  collectParameters,
  type ParameterEntry,
} from "../openapi-common/parameters.js";
import {
  applyEvidence,
  type HeaderEvidence,
  namedValues,
  takeParameter,
} from "../openapi-common/special-headers.js";
import {
  foldRequestBody,
  inlineSchema,
  serializationOf,
} from "./request-body.js";
import { readHeaderMap, responseEntries } from "../openapi-common/responses.js";

/**
 * Reads a Swagger 2.0 document natively (no upgrade to OpenAPI 3 first, which loses `consumes`,
 * collection formats and positions). Spec sections cited are those of Swagger 2.0.
 */
export function readSwagger2(ctx: ReaderContext): DocumentModel {
  const reading = new SpecReading(ctx, "swagger2", "swagger2", ["definitions"]);
  const { root } = reading;
  readSchemes(reading, child(root, "securityDefinitions"), SCHEME_KINDS);
  const servers = readServers(reading);
  const defaults = {
    consumes: stringsAt(root, "consumes") ?? [],
    produces: stringsAt(root, "produces") ?? [],
    security: readSecurityRequirements(reading, child(root, "security")),
    servers,
  };
  const endpoints = readPaths(reading, child(root, "paths"), (site) =>
    readOperation(reading, site, defaults),
  );
  const msPaths = child(root, "x-ms-paths");
  const unread = members(msPaths).length;
  if (unread > 0)
    reading.reporter.report(
      "swagger2/unread-ms-paths",
      `Azure's \`x-ms-paths\` is not read: its ${unread} paths (told apart by their query) are not generated`,
      sourceOf(msPaths),
    );
  return reading.model(endpoints, () => servers);
}

/**
 * `host`, `basePath` and `schemes` (§Swagger Object) as servers, one per scheme; without a host
 * (the API is on the document's), the base path alone. No trailing slash: endpoint paths have one.
 */
export function readServers(reading: SpecReading): Server[] {
  const { root } = reading;
  const sourceAt = (key: string) => sourceOf(child(root, key));
  let host = stringAt(root, "host")?.trim();
  if (host === undefined && root.value.host !== undefined)
    reading.reporter.report(
      "swagger2/invalid-host",
      "host must be a string (`api.example.com`); it is ignored",
      sourceAt("host"),
    );
  const scheme = host && uriScheme(host);
  const written = scheme?.endsWith("//") ? scheme : undefined;
  if (host && written) {
    reading.reporter.report(
      "swagger2/invalid-host",
      `host ${JSON.stringify(host)} must not name a scheme (\`schemes\` does); it is read as ${JSON.stringify(host.slice(written.length))}`,
      sourceAt("host"),
    );
    host = host.slice(written.length);
  }
  const rawBase = stringAt(root, "basePath")?.trim();
  if (!host && rawBase === undefined) return [];
  let basePath = rawBase ?? "";
  if (basePath !== "" && !basePath.startsWith("/")) {
    reading.reporter.report(
      "swagger2/invalid-base-path",
      `basePath ${JSON.stringify(basePath)} must start with '/'`,
      sourceAt("basePath"),
    );
    basePath = "/" + basePath;
  }
  basePath = trimTrailing(basePath, "/");
  if (!host) return [{ url: basePath || "/", sources: [sourceAt("basePath")] }];
  const sources = [sourceAt("host")];
  const named = (stringsAt(root, "schemes") ?? []).map((s) => s.toLowerCase());
  let schemes = [...new Set(named.filter((s) => SCHEMES.test(s)))];
  for (const bad of named.filter((s) => !schemes.includes(s)))
    reading.reporter.report(
      "swagger2/invalid-host",
      `scheme ${JSON.stringify(bad)} is not http, https, ws or wss; it is skipped`,
      sourceAt("schemes"),
    );
  if (schemes.length === 0 && written)
    schemes = [written.slice(0, -3).toLowerCase()];
  if (schemes.length === 0) {
    reading.reporter.report(
      "swagger2/no-schemes",
      `the document names a host but no schemes; https is assumed`,
      sourceAt("host"),
    );
    schemes = ["https"];
  }
  return schemes.map((scheme) => ({
    url: `${scheme}://${trimTrailing(host, "/")}${basePath}`,
    sources,
  }));
}

const SCHEMES = /^(?:https?|wss?)$/i;

/** OAuth 2.0 flow names of Swagger 2.0 and the OpenAPI 3 flows they became. */
const FLOWS = new Map([
  ["implicit", "implicit"],
  ["password", "password"],
  ["application", "clientCredentials"],
  ["accessCode", "authorizationCode"],
]);

/** §Security Scheme Object, by `type`. */
const SCHEME_KINDS: Record<string, SchemeKind> = {
  basic: () => ({ type: "http", scheme: "basic" }),
  apiKey: (node, skip) => apiKeyKind(node, ["header", "query"], skip),
  oauth2: (node, skip, reading) => {
    const name = FLOWS.get(stringAt(node, "flow") ?? "");
    if (name === undefined)
      return skip(
        "has no valid `flow` (implicit, password, application or accessCode)",
      );
    return {
      type: "oauth2",
      flows: { [name]: readOAuthFlow(reading, node) },
    };
  },
};

/** §Operation Object as an endpoint, with the document-wide `defaults` it falls back on. */
export function readOperation(
  reading: SpecReading,
  site: OperationSite,
  defaults: {
    consumes: string[];
    produces: string[];
    security: SecurityRequirement[] | undefined;
    servers: Server[];
  },
): Endpoint {
  const { operation, pathItem } = site;
  const endpoint = createOperationEndpoint(reading, site, defaults.security);
  const consumes = stringsAt(operation, "consumes") ?? defaults.consumes;
  const produces = stringsAt(operation, "produces") ?? defaults.produces;

  const body: ParameterEntry[] = [];
  const form: ParameterEntry[] = [];
  const evidence: HeaderEvidence = { accept: [], contentType: [] };
  for (const parameter of collectParameters(reading, pathItem, operation)) {
    if (parameter.in === "body") body.push(parameter);
    else if (parameter.in === "formData") form.push(parameter);
    else
      takeParameter(
        reading,
        endpoint,
        evidence,
        parameter,
        ["path", "query", "header"],
        () => [
          ...namedValues(parameter.definition.value, "x-example"),
          ...namedValues(parameter.definition.value.items, "x-example"),
        ],
        (out) => readParameter(reading, out, parameter.definition),
      );
  }
  const requestBody = foldRequestBody(reading, body, form, consumes);
  if (requestBody) endpoint.requestBody = requestBody;
  else {
    // no body or formData parameter: no body (§Parameter Object); the operation's own `consumes`
    // is a hint should other evidence say one is sent (model/merge/undescribed-body.ts)
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
  // §Operation Object: its `schemes` override the document's, on the document's host
  const { servers } = defaults;
  const host = servers[0]?.url.match(/^\w+(:\/\/.*)$/)?.[1];
  const own = stringsAt(operation, "schemes")?.filter((s) => SCHEMES.test(s));
  const urls = [...new Set(own?.map((s) => s.toLowerCase() + host))];
  if (host && urls.length > 0 && `${urls}` !== `${servers.map((s) => s.url)}`)
    endpoint.servers = urls.map((url) => ({
      url,
      sources: [sourceOf(child(operation, "schemes"))],
    }));
  applyEvidence(reading, endpoint, evidence);
  return endpoint;
}

/** A path, query or header parameter's own fields (§Parameter Object, `in` not body/formData). */
function readParameter(
  reading: SpecReading,
  out: Parameter,
  definition: RecordNode,
): void {
  const raw = definition.value;
  const schema = inlineSchema(reading, definition);
  if (schema !== undefined) out.schema = schema;
  copyStrings(out, definition, "description");
  if (raw.type === "array")
    Object.assign(out, serializationOf(reading, out.in, definition));
  if (raw["x-example"] !== undefined) out.example = raw["x-example"];
}

/**
 * §Responses Object. A response with a `schema` has content in every media type the operation
 * `produces`; one without has no body, except for the media types its `examples` name.
 */
export function readResponses(
  reading: SpecReading,
  operation: RecordNode,
  produces: string[],
): ApiResponse[] {
  const entries = responseEntries(reading, child(operation, "responses"));
  return entries.map(({ status, entry, definition }) => {
    const response: ApiResponse = {
      status,
      description: stringAt(definition, "description") ?? "",
      content: content(reading, definition, produces),
      ...reading.kept(definition),
      sources: [sourceOf(entry)],
    };
    const headers = readHeaderMap(reading, definition, (node) => {
      const header: ResponseHeader = {};
      const schema = inlineSchema(reading, node);
      if (schema !== undefined) header.schema = schema;
      copyStrings(header, node, "description");
      return header;
    });
    if (headers) response.headers = headers;
    return response;
  });
}

function content(
  reading: SpecReading,
  response: RecordNode,
  produces: string[],
): MediaContent[] {
  const node = child(response, "schema");
  const schema = node.value === undefined ? undefined : reading.schema(node);
  const out: MediaContent[] = !schema
    ? []
    : (produces.length > 0 ? produces : ["application/json"]).map(
        (mediaType) => ({ mediaType, schema }),
      );
  // §Example Object: media type → example value
  for (const [mediaType, example] of members(child(response, "examples"))) {
    let entry = out.find((c) => c.mediaType === mediaType);
    if (!entry) out.push((entry = { mediaType }));
    const value = reading.ctx.literal(
      example.value,
      example.doc,
      () => example.path,
    );
    entry.examples = [{ value }];
  }
  return out;
}
