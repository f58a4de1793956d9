import { compareCodeUnits } from "../../model/order.js";
import type { ApiModel, Endpoint } from "../../model/types.js";
import { webhookTypeBase } from "./webhook-names.js";
import {
  camelCase,
  isIdentifierName,
  isReservedWord,
  pascalCase,
} from "../../model/identifiers.js";

/** Suffixes of the per-endpoint types, in the order they are declared in types.ts. */
export const ENDPOINT_TYPE_SUFFIXES: readonly string[] = (
  "Path Query Headers Cookies Body Responses " +
  "Data Error Request Result Received"
).split(" ");

/**
 * Global names a schema type of the same name would shadow (`Response`, `Record` are common):
 * built-ins a reader would mistake it for, then the client runtime's types imported beside it.
 */
export const GLOBAL_TYPE_NAMES: readonly string[] = (
  "Object String Number Boolean Symbol Function Map Set RegExp BigInt JSON " +
  "AbortSignal Array Blob Date Error File FormData Headers Promise Record " +
  "Request RequestInit Response URL URLSearchParams " +
  "ApiCall ApiPromise ApiResult ApiResultOf CallOptions ClientAuth ClientOptions"
).split(" ");

/**
 * What client/index.ts exports beside the schema types it re-exports with `export type *`: an
 * explicit export wins over a star export, so a schema type of such a name would be shadowed.
 */
export const CLIENT_EXPORT_NAMES: readonly string[] = Object.freeze(
  (
    "ApiDataOf ApiError EndpointFunctions Middleware PageFunctions " +
    "PageItemOf RedirectError ResponseTooLargeError " +
    "ResponseValidationError ResponseValidator RetryOptions " +
    "ServerSentEvent TimeoutError"
  ).split(" "),
);

/** `getPet` → `GetPet`: the endpoint name with its first letter upper-cased (still unique). */
export function endpointTypeBase(endpoint: Endpoint): string {
  const name =
    endpoint.name || camelCase(`${endpoint.method} ${endpoint.path}`);
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** Type names by schema name (docs/types.md, "Names"): schemas, sorted, give way to endpoints'. */
export function schemaTypeNames(model: ApiModel): Map<string, string> {
  const taken = new Set<string>([...GLOBAL_TYPE_NAMES, ...CLIENT_EXPORT_NAMES]);
  const bases = new Set([
    ...model.endpoints.map(endpointTypeBase),
    ...(model.webhooks ?? []).map(webhookTypeBase),
  ]);
  // an endpoint's type names are a base followed by a suffix
  const isTaken = (name: string) =>
    taken.has(name) ||
    ENDPOINT_TYPE_SUFFIXES.some(
      (suffix) =>
        name.endsWith(suffix) &&
        bases.has(name.slice(0, name.length - suffix.length)),
    );
  const names = new Map<string, string>();
  for (const schemaName of Object.keys(model.schemas).sort(compareCodeUnits)) {
    const wanted = schemaTypeName(schemaName);
    let name = isTaken(wanted) ? `${wanted}Model` : wanted;
    for (let i = 2; isTaken(name); i++) name = `${wanted}${i}`;
    taken.add(name);
    names.set(schemaName, name);
  }
  return names;
}

/** The type name a schema asks for, before any collision (`objs_user` → `ObjsUser`). */
export function schemaTypeName(schemaName: string): string {
  // other identifiers keep their casing (`HTTPError`)
  if (isIdentifierName(schemaName) && !schemaName.includes("_")) {
    const upper = schemaName.charAt(0).toUpperCase() + schemaName.slice(1);
    if (!isReservedWord(upper)) return upper;
  }
  return pascalCase(schemaName, "Schema");
}
