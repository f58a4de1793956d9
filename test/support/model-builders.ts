import { createEndpoint, createParameter } from "../../src/model/factories.js";
import type {
  DocumentModel,
  Endpoint,
  HttpMethod,
  Parameter,
  SourceFormat,
  SourceRef,
} from "../../src/model/types.js";

/** Small builders for model-level tests. */
export function at(file: string, line: number): SourceRef {
  return { file, line, column: 1, pointer: `#/line${line}` };
}

export function doc(
  file: string,
  format: SourceFormat,
  endpoints: Endpoint[],
  extra: Partial<DocumentModel> = {},
): DocumentModel {
  return {
    file,
    format,
    info: { title: file, version: "1" },
    servers: [],
    securitySchemes: {},
    schemas: {},
    tags: [],
    endpoints,
    ...extra,
  };
}

export function endpoint(
  method: HttpMethod,
  path: string,
  source: SourceRef,
  extra: Partial<Endpoint> & {
    query?: Parameter[];
    pathParams?: Parameter[];
  } = {},
): Endpoint {
  const { query, pathParams, ...rest } = extra;
  const e = createEndpoint({ method, path, source, ...rest });
  if (query) e.parameters.query = query;
  if (pathParams) e.parameters.path = pathParams;
  return e;
}

export function param(
  name: string,
  location: Parameter["in"],
  source: SourceRef,
  extra: Partial<Parameter> = {},
): Parameter {
  return createParameter({ name, in: location, source, ...extra });
}
