import {
  allParameters,
  endpointServerPath,
  isFormMediaType,
  isJsonMediaType,
  itemStreamStatuses,
  mainType,
  parameterWireStyle,
  resolveSchema,
  revivedScalar,
  routedPath,
  scalarValues,
  type RouteSelector,
  setOwn,
} from "../toolkit.js";
import type {
  ApiModel,
  Endpoint,
  MediaContent,
  Parameter,
  Schema,
  SchemaType,
} from "../../model/types.js";
import type { ParamSpec, RouteSpec, ScalarType } from "./route-spec-types.js";

/**
 * What the runtime needs to route and decode an endpoint's (or a webhook's) requests; `when`, the
 * parameter value that picks it among endpoints one URL matches (ambiguous-routes.ts).
 */
export function routeSpec(
  model: ApiModel,
  endpoint: Endpoint,
  when?: RouteSelector,
): RouteSpec {
  const spec: RouteSpec = {
    name: endpoint.name,
    method: endpoint.method.toUpperCase(),
    path:
      endpointServerPath(model, endpoint) +
      (routedPath(endpoint) ?? endpoint.path),
    params: allParameters(endpoint.parameters).map((p) => paramSpec(model, p)),
  };
  if (when) spec.when = when;
  const body = endpoint.requestBody;
  if (body)
    spec.body = {
      required: body.required,
      mediaTypes:
        body.content.length > 0
          ? body.content.map((c) => c.mediaType)
          : ["application/json"],
    };
  const fields = body && formFields(model, body.content);
  if (fields && fields.length > 0) spec.body!.fields = fields;
  const produces: Record<string, string> = {};
  const producesJson: Record<string, string> = {};
  for (const response of endpoint.responses) {
    const types = response.content.map((c) =>
      c.mediaType.split(";")[0]!.trim(),
    );
    const first = types[0];
    // a wildcard (`*/*`, `image/*`) names no Content-Type to send
    if (first && !first.includes("*") && !isJsonMediaType(first))
      setOwn(produces, response.status, first);
    const json = types.find(isJsonMediaType);
    if (json && json.toLowerCase() !== "application/json")
      setOwn(producesJson, response.status, json);
  }
  if (Object.keys(produces).length > 0) spec.produces = produces;
  if (Object.keys(producesJson).length > 0) spec.producesJson = producesJson;
  const streams: Record<string, string[]> = {};
  for (const status of itemStreamStatuses(endpoint))
    setOwn(
      streams,
      status,
      endpoint.responses
        .find((r) => r.status === status)!
        .content.map((c) => c.mediaType),
    );
  if (Object.keys(streams).length > 0) spec.streams = streams;
  return spec;
}

/**
 * The fields of the first form media type, as parameters: by their encoding where the spec gives
 * one (or a Swagger 2.0 collectionFormat), typed by their schema; an object without an encoding
 * is JSON (as the client sends it); files are left out (they stay `File`s).
 */
function formFields(
  model: ApiModel,
  content: readonly MediaContent[],
): ParamSpec[] | undefined {
  const form = content.find((c) => isFormMediaType(c.mediaType));
  if (!form) return undefined;
  const schema = resolveSchema(model.schemas, form.schema);
  const out: ParamSpec[] = [];
  for (const [name, property] of Object.entries(schema?.properties ?? {})) {
    const resolved = resolveSchema(model.schemas, property) ?? {};
    const items = resolveSchema(model.schemas, resolved.items);
    if (resolved.format === "binary" || items?.format === "binary") continue;
    const e = form.encoding?.[name] ?? {};
    const spec = paramSpec(model, {
      name,
      in: "query",
      required: false,
      schema: resolved,
      sources: [],
      style: e.style,
      explode: e.explode,
      collectionFormat: e.collectionFormat,
    });
    spec.field = true;
    if (e.contentType !== undefined) {
      if (isJsonMediaType(e.contentType)) spec.contentType = e.contentType;
    } else if (spec.properties && e.style === undefined)
      spec.contentType = "application/json";
    out.push(spec);
  }
  return out;
}

function paramSpec(model: ApiModel, parameter: Parameter): ParamSpec {
  const schema = resolveSchema(model.schemas, parameter.schema);
  const spec: ParamSpec = {
    name: parameter.name,
    in: parameter.in as ParamSpec["in"],
    required: parameter.required,
    type: "string",
  };
  const kind = mainType(schema);
  let values = scalarValues(schema);
  // an int64 the generated code holds as a bigint is read with every digit (config `int64`)
  const typeOf = (s: Schema | undefined) =>
    revivedScalar(s, model.scalars) === "int64" ? "int64" : scalar(mainType(s));
  if (kind === "array") {
    const items = resolveSchema(model.schemas, schema?.items);
    spec.array = true;
    spec.type = typeOf(items);
    values = scalarValues(items);
  } else if (kind === "object") {
    spec.properties = {};
    for (const key of Object.keys(schema?.properties ?? {}).sort())
      setOwn(
        spec.properties,
        key,
        typeOf(resolveSchema(model.schemas, schema!.properties![key])),
      );
  } else spec.type = typeOf(schema);
  if (values && kind !== "object") spec.enum = values;
  // as declared: the runtime applies the location's defaults (the same rule as the model's)
  if (parameter.style !== undefined) spec.style = parameter.style;
  if (parameter.explode !== undefined) spec.explode = parameter.explode;
  const wire = parameterWireStyle(parameter);
  if (wire.delimiter !== undefined) spec.delimiter = wire.delimiter;
  if (wire.contentType !== undefined) spec.contentType = wire.contentType;
  return spec;
}

export function scalar(type: SchemaType | undefined): ScalarType {
  return type === "number" || type === "integer" || type === "boolean"
    ? type
    : "string";
}
