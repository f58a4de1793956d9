import {
  allParameters,
  isLocationStyle,
  reasonPhrase,
  setOwn,
  statusKey,
  uniqueSources,
  freeName,
} from "../toolkit.js";
import type {
  Endpoint,
  Example,
  MediaContent,
  Parameter,
  ApiResponse,
  Schema,
  Server,
} from "../../model/types.js";
import { nonEmpty, type JsonObject } from "./print-json.js";

/** Extensions apiloom writes itself; an input's member of the same name is not copied over it. */
const OWN_EXTENSIONS = new Set(["x-apiloom-sources", "x-apiloom-untyped"]);

export type FixSchema = (schema: Schema) => Schema;

/** One Operation Object (OpenAPI 3.1 §4.8.10), members in the order the spec lists them. */
export function operationObject(
  endpoint: Endpoint,
  fix: FixSchema,
  /** The endpoint's security requirements, with the schemes' component keys. */
  security: Endpoint["security"],
  /** Written into an OpenAPI 3.2 document. */
  v32: boolean,
  /** An input's operationId → the one openapi.json gives that operation (its name). */
  operationIds: ReadonlyMap<string, string>,
): JsonObject {
  const parameters = allParameters(endpoint.parameters).map((p) =>
    parameterObject(p, fix, v32),
  );
  const responses: JsonObject = {};
  for (const response of endpoint.responses) {
    const key = statusKey(response.status);
    if (key !== undefined && !Object.hasOwn(responses, key))
      setOwn(responses, key, {
        description: response.description || reasonPhrase(key),
        headers: headersObject(response.headers, fix),
        content: nonEmpty(contentObject(response.content, fix)),
        links: mapped(response.links, (link) => linkObject(link, operationIds)),
        ...response.extensions,
      });
  }
  const sources = uniqueSources(endpoint.sources);
  return {
    tags: nonEmpty(endpoint.tags),
    summary: endpoint.summary,
    description: endpoint.description,
    externalDocs: endpoint.externalDocs,
    operationId: endpoint.name || undefined,
    parameters: nonEmpty(parameters),
    requestBody: endpoint.requestBody && {
      description: endpoint.requestBody.description,
      content: contentObject(endpoint.requestBody.content, fix),
      required: endpoint.requestBody.required || undefined,
      ...endpoint.requestBody.extensions,
    },
    responses: nonEmpty(responses),
    deprecated: endpoint.deprecated ? true : undefined,
    security,
    servers: endpoint.servers?.map(serverObject),
    ...specExtensions(endpoint.extensions, OWN_EXTENSIONS),
    // only for an endpoint merged from more than one place
    "x-apiloom-sources": sources.length > 1 ? sources : undefined,
  };
}

/**
 * A Link Object (§4.8.20). It names its operation by the input's operationId (here the
 * operation's name), or by a URI reference, which writes `{`, `}` and spaces percent-encoded;
 * 3.1's schema takes a parameter's value as a string (a number is sent as its text anyway).
 */
function linkObject(
  { operationId: id, operationRef: ref, ...link }: Record<string, unknown>,
  operationIds: ReadonlyMap<string, string>,
) {
  return {
    ...link,
    parameters: mapped(
      link["parameters"] as Record<string, unknown> | undefined,
      (v) => (typeof v === "number" || typeof v === "boolean" ? `${v}` : v),
    ),
    operationId: operationIds.get(id as string) ?? id,
    operationRef:
      typeof ref === "string"
        ? ref.replace(/[{}<>"\\^`| ]/g, encodeURIComponent)
        : ref,
  };
}

/** A Server Object (§4.8.5): the API's, or an endpoint's own. */
export function serverObject(server: Server): JsonObject {
  const variables = mapped(server.variables, (v) => ({
    enum: v.enum && nonEmpty(v.enum),
    default: v.default,
    description: v.description,
  }));
  return { url: server.url, description: server.description, variables };
}

function parameterObject(p: Parameter, fix: FixSchema, v32: boolean) {
  const schema = p.schema ? fix(p.schema) : {};
  // 3.1 lets only a query parameter keep reserved characters: a path one says so as Azure does
  const reserved =
    p.in === "path" && !v32 ? "x-ms-skip-url-encoding" : "allowReserved";
  return {
    name: p.name,
    in: p.in,
    description: p.description,
    required: p.in === "path" ? true : p.required || undefined,
    deprecated: p.deprecated || undefined,
    style: p.style && isLocationStyle(p.in, p.style) ? p.style : undefined,
    explode: p.explode,
    [reserved]:
      p.in === "query" || p.in === "path" ? p.allowReserved : undefined,
    schema: p.contentType === undefined ? schema : undefined,
    content:
      p.contentType === undefined ? undefined : { [p.contentType]: { schema } },
    example: p.example,
    ...specExtensions(p.extensions, OWN_EXTENSIONS),
    // no input typed it; OpenAPI wants a schema, and `{}` alone would read back as `unknown`
    "x-apiloom-untyped": p.schema === undefined || undefined,
  };
}

/** A response's or a multipart part's headers (Header Objects, §4.8.21). */
const headersObject = (headers: ApiResponse["headers"], fix: FixSchema) =>
  mapped(headers, (header) => ({
    description: header.description,
    required: header.required,
    schema: header.schema ? fix(header.schema) : {},
    example: header.example,
  }));

function contentObject(content: readonly MediaContent[], fix: FixSchema) {
  const out: JsonObject = {};
  for (const media of content) {
    if (Object.hasOwn(out, media.mediaType)) continue;
    setOwn(out, media.mediaType, {
      schema: media.schema ? fix(media.schema) : undefined,
      // read from OpenAPI 3.2 inputs only, so written into 3.2 documents only
      itemSchema: media.itemSchema ? fix(media.itemSchema) : undefined,
      ...examplesMember(media.examples),
      // a Swagger 2.0 collectionFormat is the style that says it, if any
      encoding: mapped(media.encoding, (e) => ({
        contentType: e.contentType,
        headers: headersObject(e.headers, fix),
        style: e.style,
        explode: e.explode,
        allowReserved: e.allowReserved,
      })),
    });
  }
  return out;
}

/** One example without a name or summary as `example` (read back as it came), else `examples`. */
function examplesMember(examples: readonly Example[] | undefined) {
  const [one, two] = examples ?? [];
  if (one && !two && one.name === undefined && one.summary === undefined)
    return { example: one.value };
  const out: JsonObject = {};
  examples?.forEach((example, i) => {
    const base = example.name || `example${i + 1}`;
    const key = freeName(base, (n) => Object.hasOwn(out, n), "_");
    setOwn(out, key, { summary: example.summary, value: example.value });
  });
  return { examples: nonEmpty(out) };
}

/** Members of `extensions` whose keys are OpenAPI specification extensions (`x-…`). */
const specExtensions = (
  extensions: Record<string, unknown> | undefined,
  reserved: ReadonlySet<string> = new Set(),
): JsonObject =>
  Object.fromEntries(
    Object.entries(extensions ?? {}).filter(
      ([key]) => key.startsWith("x-") && !reserved.has(key),
    ),
  );

/** Each member of `record` as `f` makes it, keys in its order; undefined without a record. */
const mapped = <T>(
  record: Readonly<Record<string, T>> | undefined,
  f: (value: T) => unknown,
): JsonObject | undefined =>
  record &&
  Object.fromEntries(Object.entries(record).map(([k, v]) => [k, f(v)]));
