import type { ApiModel, Endpoint } from "../../model/types.js";
import type { GeneratedFile } from "../artifact.js";
import {
  grouped,
  compareCodeUnits,
  HTTP_METHODS,
  streamedFile,
  tagOrder,
} from "../toolkit.js";
import { operationObject, serverObject } from "./operation.js";
import { OPENAPI_FILE } from "./path.js";
import { LazyMembers, nonEmpty, printJsonTo } from "./print-json.js";
import { componentKeyRenames, componentSchemas } from "./schema-names.js";
import { securityRequirements, securitySchemesObject } from "./security.js";

/** `openapi.json`: the merged model as one OpenAPI document, printed as the file is written. */
export const emitOpenApi = (model: ApiModel): GeneratedFile[] => [
  streamedFile(OPENAPI_FILE, (out) => printJsonTo(openApiDocument(model), out)),
];

const OPENAPI_VERSION = "3.1.1";
/** Written when an input is OpenAPI 3.2, or the model holds what only 3.2 can say. */
const OPENAPI_32_VERSION = "3.2.0";

/** The merged model as an OpenAPI document; `paths` and `webhooks` are LazyMembers. */
export function openApiDocument(model: ApiModel) {
  const { schemas, fix } = componentSchemas(model.schemas);
  // scheme names are component keys too: `oauth/app` is not a valid one
  const schemeKeys = componentKeyRenames(
    Object.keys(model.securitySchemes),
    "scheme",
  );
  const securitySchemes = securitySchemesObject(
    model.securitySchemes,
    model.endpoints,
    schemeKeys,
  );
  const v32 =
    model.openApi32 === true ||
    model.endpoints.some(
      (e) => e.method === "query" || !HTTP_METHODS.includes(e.method),
    );
  // a link names its operation by an input's operationId; openapi.json's is the operation's name
  const operationIds = new Map<string, string>();
  for (const e of [...model.endpoints, ...(model.webhooks ?? [])])
    for (const c of e.nameCandidates)
      if (c.kind === "operationId" && !operationIds.has(c.value))
        operationIds.set(c.value, e.name);
  const operation = (endpoint: Endpoint) =>
    operationObject(
      endpoint,
      fix,
      securityRequirements(endpoint, schemeKeys),
      v32,
      operationIds,
    );
  const { extensions, ...info } = model.info;
  return {
    openapi: v32 ? OPENAPI_32_VERSION : OPENAPI_VERSION,
    info: { ...info, ...extensions },
    servers: nonEmpty(model.servers.map(serverObject)),
    tags: nonEmpty(tagsArray(model)),
    paths: pathsObject(model.endpoints, operation),
    // path items keyed by the webhook's key (its `path` in the model)
    webhooks: model.webhooks
      ? pathsObject(model.webhooks, operation)
      : undefined,
    components: nonEmpty({
      schemas: nonEmpty(schemas),
      securitySchemes: nonEmpty(securitySchemes),
    }),
    externalDocs: model.externalDocs,
    ...model.extensions,
  };
}

/** The tags in {@link tagOrder}, each by its first declaration. */
function tagsArray(model: ApiModel) {
  return tagOrder(model.tags, model.endpoints).map((name) => {
    // summary, parent and kind are read from OpenAPI 3.2 inputs only; none undefined is printed
    const tag = model.tags.find((t) => t.name === name);
    return {
      name,
      summary: tag?.summary,
      description: tag?.description,
      parent: tag?.parent,
      kind: tag?.kind,
      externalDocs: tag?.externalDocs,
      ...tag?.extensions,
    };
  });
}

/** The path items by path, sorted, made as they are printed. */
function pathsObject(
  endpoints: readonly Endpoint[],
  operation: (endpoint: Endpoint) => ReturnType<typeof operationObject>,
): LazyMembers {
  const byPath = grouped(endpoints, (e) => e.path);
  return new LazyMembers([...byPath.keys()].sort(compareCodeUnits), (path) => {
    // never empty: never undefined
    const value: Record<string, unknown> = {};
    const list = byPath.get(path)!;
    for (const method of HTTP_METHODS) {
      const endpoint = list.find((e) => e.method === method);
      if (endpoint) value[method] = operation(endpoint);
    }
    // OpenAPI 3.2: the other methods, upper-case as they are sent, in the model's order
    const others = list.filter((e) => !HTTP_METHODS.includes(e.method));
    if (others.length > 0)
      value["additionalOperations"] = Object.fromEntries(
        others.map((e) => [e.method.toUpperCase(), operation(e)]),
      );
    return value;
  });
}
