import { addParameter, createParameter } from "../../model/factories.js";
import type {
  EndpointParameters,
  Parameter,
  ParameterLocation,
} from "../../model/types.js";
import type { PostmanContext } from "./context.js";
import type { KeyValue } from "./fields.js";
import type { PathTemplate } from "./path-template.js";
import { decodeText, exampleValue } from "./placeholders.js";
import { typedPlaceholder } from "./typed-placeholder.js";
import type { RequestUrl } from "./url.js";

/**
 * Path, query, header and cookie parameters. Postman sends everything as text, so every schema is a
 * string, unless the value is a typed stand-in (`<integer>`). Disabled entries are kept: they document what the API accepts. The first entry of a
 * name wins.
 */
export function readParameters(
  url: RequestUrl | undefined,
  path: PathTemplate,
  headers: { parameters: readonly KeyValue[]; cookies: readonly KeyValue[] },
  pc: PostmanContext,
): EndpointParameters {
  const parameters: EndpointParameters = {
    path: [],
    query: [],
    header: [],
    cookie: [],
  };
  for (const variable of path.variables) {
    const entry = url?.variables.find((v) => v.key === variable.name);
    const at = entry?.at ?? url?.at ?? [];
    addParameter(
      parameters,
      parameter(variable.name, "path", entry, pc.ref(at)),
    );
  }
  for (const entry of url?.query ?? [])
    if (!parameters.query.some((p) => p.name === entry.key))
      addParameter(
        parameters,
        parameter(entry.key, "query", entry, pc.ref(entry.at)),
      );
  for (const entry of headers.parameters)
    addParameter(
      parameters,
      parameter(entry.key, "header", entry, pc.ref(entry.at)),
    );
  for (const entry of headers.cookies)
    addParameter(
      parameters,
      parameter(entry.key, "cookie", entry, pc.ref(entry.at)),
    );
  return parameters;
}

function parameter(
  name: string,
  location: ParameterLocation,
  entry: KeyValue | undefined,
  source: Parameter["sources"][number],
): Parameter {
  const result = createParameter({
    name,
    in: location,
    source,
    // a converter's typed stand-in (`<long>`) names the type; anything else is text
    schema: typedPlaceholder(entry?.value) ?? { type: "string" },
  });
  if (entry?.description !== undefined) result.description = entry.description;
  const example = exampleValue(entry?.value);
  if (example !== undefined)
    result.example =
      location === "path" || location === "query"
        ? decodeText(example, location === "query")
        : example;
  return result;
}
