import type {
  ApiModel,
  Endpoint,
  MediaContent,
  Parameter,
} from "../../model/types.js";
import {
  acceptHeader,
  allOfPropertyLookup,
  effectiveTypes,
  encodingStyle,
  endpointKey,
  isFormMediaType,
  jsonPartFields,
  mainType,
  pageShape,
  type PageShape,
  parameterWireStyle,
  resolveSchema,
  scopeAlternatives,
  sentContent,
  STREAM_MEDIA_TYPES,
  streamedSuccesses,
  wirePath,
} from "../toolkit.js";
import type { TypeIndex } from "../artifact.js";
import type {
  ClientEndpointView,
  ClientLocals,
  StreamView,
  StyledName,
} from "./view-types.js";

/** The endpoint template's view of `endpoint`: facts only, every spec string raw. */
export function endpointView(
  endpoint: Endpoint,
  index: TypeIndex,
  supportedSchemes: Set<string>,
  locals: ClientLocals,
  /** Every endpoint function's name: a `<name>Pages` of the same name is not written. */
  taken: ReadonlySet<string> = new Set(),
  /** The config's page shapes (`client.pages`) by endpoint key: they win over detection. */
  declared?: ReadonlyMap<string, PageShape>,
): ClientEndpointView {
  const types = index.endpoint(endpoint);
  const form =
    endpoint.requestBody && sentContent(endpoint.requestBody.content)[0];
  const mediaType = form?.mediaType;
  const accept = acceptHeader(endpoint);
  // the alternatives the client can satisfy (none declared: the runtime tries every scheme)
  const security = endpoint.security
    ?.map((requirement) => Object.keys(requirement))
    .filter((names) => names.every((n) => supportedSchemes.has(n)));
  const schemas = index.model.schemas;
  const styled = (parameters: Parameter[]) =>
    styledNames(parameters.map((p) => [p.name, parameterWireStyle(p)]));
  const view: ClientEndpointView = {
    name: endpoint.name,
    method: endpoint.method.toUpperCase(),
    path: wirePath(endpoint),
    deprecated: endpoint.deprecated,
    types,
    scopes: scopeAlternatives(endpoint),
    styles: {
      path: styled(endpoint.parameters.path),
      query: styled(endpoint.parameters.query),
      headers: styled(endpoint.parameters.header),
      cookies: styled(endpoint.parameters.cookie),
    },
    encoding:
      types.body && form && isFormMediaType(form.mediaType)
        ? formEncoding(form, index.model.schemas)
        : [],
    locals,
  };
  if (endpoint.summary) view.summary = endpoint.summary;
  if (endpoint.description) view.description = endpoint.description;
  if (!endpoint.parameters.path.every((p) => scalarPath(p, schemas)))
    view.plainPath = true;
  if (mediaType) view.mediaType = mediaType;
  if (accept) view.accept = accept;
  if (security) view.security = security;
  const statuses = endpoint.responses.map((r) => r.status);
  const redirectsAlone =
    !types.successStatuses.length &&
    statuses.some((s) => /^(30[12378]|3XX)$/.test(s));
  if (statuses.length > 0 && !statuses.includes("default") && !redirectsAlone)
    view.statuses = statuses;
  const stream = streamView(endpoint, types.successStatuses, index);
  if (stream) view.stream = stream;
  const pages =
    declared?.get(endpointKey(endpoint)) ??
    pageShape(index.model, endpoint, types.successStatuses);
  if (pages && !taken.has(`${endpoint.name}Pages`)) {
    view.pages = pages;
    view.pagesName = `${endpoint.name}Pages`;
  }
  return view;
}

/**
 * Whether `p` is a string, number or boolean sent `simple` (one no source gives a type is
 * `string | number`): the runtime's `scalarPath` writes it.
 */
function scalarPath(p: Parameter, schemas: ApiModel["schemas"]): boolean {
  const { style, contentType } = parameterWireStyle(p);
  const types = effectiveTypes(resolveSchema(schemas, p.schema));
  return (
    style === undefined &&
    contentType === undefined &&
    (p.schema === undefined || types.length > 0) &&
    types.every((t) => t !== "array" && t !== "object")
  );
}

/**
 * How a form's fields are sent: as its encoding says, and a multipart field of objects as JSON
 * labelled so (OpenAPI's default, which a FormData cannot say of a text part).
 */
function formEncoding(
  form: MediaContent,
  schemas: ApiModel["schemas"],
): StyledName[] {
  return styledNames([
    ...Object.entries(form.encoding ?? {}).map(
      ([name, e]): [string, StyledName["style"]] => [name, encodingStyle(e)],
    ),
    ...jsonPartFields(form, schemas).map(
      (name): [string, StyledName["style"]] => [
        name,
        { contentType: "application/json" },
      ],
    ),
  ]);
}

/**
 * {@link streamedSuccesses}; events carry JSON data unless their schema is a string (or absent).
 * OpenAPI 3.2 item streams: an event is an item whole, its `data` JSON where not a string.
 */
function streamView(
  endpoint: Endpoint,
  successes: string[],
  index: TypeIndex,
): StreamView | undefined {
  const streamed = streamedSuccesses(endpoint, successes);
  if (!streamed) return undefined;
  const { kind, responses } = streamed;
  const { schemas } = index.model;
  const statuses = responses.map((r) => r.status);
  if (kind !== "items") {
    const json = responses.every((r) =>
      r.content.every((c) => {
        const schema = resolveSchema(schemas, c.schema);
        return schema !== undefined && mainType(schema) !== "string";
      }),
    );
    return { kind, statuses, json };
  }
  const eventData: [string, boolean][] = responses.map((r) => {
    const events = r.content.find((c) =>
      STREAM_MEDIA_TYPES.events.test(c.mediaType),
    );
    // the item's `data`, declared by it or by a schema it refers to or combines (allOf)
    const found = events?.itemSchema
      ? allOfPropertyLookup(schemas, [events.itemSchema], 0)("data")
      : undefined;
    const data =
      typeof found === "object" ? resolveSchema(schemas, found) : undefined;
    const type = mainType(data);
    return [r.status, type !== undefined && type !== "string"];
  });
  const json = eventData.some(([, json]) => json);
  return { kind, statuses, json, eventData };
}

function styledNames(entries: [string, StyledName["style"]][]): StyledName[] {
  return entries
    .filter(([, style]) => Object.keys(style).length > 0)
    .map(([name, style]) => ({ name, style }));
}
