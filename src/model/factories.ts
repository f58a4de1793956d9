import type { Endpoint, Parameter, SourceRef } from "./types.js";

/** Fills an endpoint's defaults so readers only state what their source says. */
export function createEndpoint(
  init: {
    method: Endpoint["method"];
    path: string;
    source: SourceRef;
  } & Partial<Endpoint>,
): Endpoint {
  const { source, ...rest } = init;
  return {
    name: "",
    nameCandidates: [],
    parameters: emptyParameters(),
    responses: [],
    tags: [],
    deprecated: false,
    extensions: {},
    sources: [source],
    ...rest,
  };
}

export function emptyParameters(): Endpoint["parameters"] {
  return { path: [], query: [], header: [], cookie: [] };
}

export function createParameter(
  init: {
    name: string;
    in: Parameter["in"];
    source: SourceRef;
  } & Partial<Parameter>,
): Parameter {
  const { source, ...rest } = init;
  return {
    // path parameters are always required (OpenAPI 3.1 §4.8.12.1)
    required: init.in === "path",
    sources: [source],
    ...rest,
  };
}

/** Every parameter of an endpoint, path, query, header, cookie (spread, not a flatMap: hot in every emitter). */
export function allParameters(parameters: Endpoint["parameters"]): Parameter[] {
  const { path, query, header, cookie } = parameters;
  return [...path, ...query, ...header, ...cookie];
}

/** The name parameters of one location are matched by: a header's case aside (RFC 9110 §5.1). */
export function parameterKey(p: Pick<Parameter, "name" | "in">): string {
  return p.in === "header" ? p.name.toLowerCase() : p.name;
}

/**
 * Where each key first stands in a location group, for addParameter (20,000 parameters would mean
 * 20,000 searches); made again when the group changed elsewhere (its length or a key tells).
 */
const keyIndexes = new WeakMap<readonly Parameter[], Map<string, number>>();

/** Adds a parameter to its location group, replacing one of the same name. */
export function addParameter(
  parameters: Endpoint["parameters"],
  parameter: Parameter,
): void {
  const group = parameters[parameter.in];
  const key = parameterKey(parameter);
  let index = keyIndexes.get(group);
  let existing = index?.get(key);
  if (
    index === undefined ||
    index.size !== group.length ||
    (existing !== undefined && parameterKey(group[existing]!) !== key)
  ) {
    index = new Map();
    for (let i = group.length - 1; i >= 0; i--)
      index.set(parameterKey(group[i]!), i);
    keyIndexes.set(group, index);
    existing = index.get(key);
  }
  if (existing === undefined) {
    index.set(key, group.length);
    group.push(parameter);
  } else group[existing] = parameter; // operation-level overrides path-level (OpenAPI 3.1 §4.8.10.1)
}
