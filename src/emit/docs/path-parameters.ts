import { pathVariables } from "../../model/path-template.js";
import type { Endpoint, Parameter } from "../../model/types.js";

/**
 * The endpoint with a path parameter for every `{name}` of its template. A caller must fill
 * each one whether or not an input described it (the OpenAPI output declares them the same way).
 */
export function withTemplateParameters(endpoint: Endpoint): Endpoint {
  const declared = new Set(endpoint.parameters.path.map((p) => p.name));
  const missing: Parameter[] = pathVariables(endpoint.path)
    .filter((name) => !declared.has(name))
    .map((name) => ({
      name,
      in: "path",
      required: true,
      schema: { type: "string" },
      sources: [],
    }));
  if (missing.length === 0) return endpoint;
  return {
    ...endpoint,
    parameters: {
      ...endpoint.parameters,
      path: [...endpoint.parameters.path, ...missing],
    },
  };
}
