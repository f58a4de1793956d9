import type { Path } from "../../model/pointer.js";
import { createEndpoint } from "../../model/factories.js";
import {
  HTTP_METHODS,
  type Endpoint,
  type HttpMethod,
} from "../../model/types.js";
import { isRecord } from "../reader.js";
import { bodySignal, readBody } from "./body.js";
import type { CollectionState, PostmanContext } from "./context.js";
import { descriptionText } from "./fields.js";
import { readHeaders } from "./headers.js";
import { readParameters } from "./parameters.js";
import { readLocation } from "./location.js";
import { readResponses } from "./responses.js";
import { requestSecurity, type AuthLink } from "./security.js";
import { readUrl } from "./url.js";
import type { VariableScope } from "./variables.js";

/** What a request inherits from the folders around it. */
export interface RequestScope {
  variables: VariableScope;
  /** Auth blocks of the enclosing folders, innermost first, the collection's last. */
  auth: AuthLink[];
  /** Name of the innermost folder: the endpoint's tag. */
  folder?: string;
}

/** One Postman request item as an endpoint; undefined (with a diagnostic) when it cannot be one. */
export function readRequest(
  item: Record<string, unknown>,
  at: Path,
  scope: RequestScope,
  state: CollectionState,
  pc: PostmanContext,
): Endpoint | undefined {
  // 2.0 allows a bare URL string for a GET request
  const request =
    typeof item.request === "string" ? { url: item.request } : item.request;
  const requestAt: Path = [...at, "request"];
  if (!isRecord(request)) {
    pc.reporter.report(
      "postman/invalid-item",
      "the request is not an object; it is skipped",
      pc.ref(requestAt),
    );
    return undefined;
  }
  const method = readMethod(request.method, [...requestAt, "method"], pc);
  if (method === undefined) return undefined;

  const variables = scope.variables.child(item, at);
  const url = readUrl(request.url, [...requestAt, "url"]);
  const path = readLocation(url, requestAt, variables, state, pc);

  const headers = readHeaders(request, requestAt, pc);
  const endpoint = createEndpoint({
    method,
    path: path.template,
    source: pc.ref(at),
    parameters: readParameters(url, path, headers, pc),
    responses: readResponses(item, at, headers.accept, pc),
  });
  const body = readBody(
    request.body,
    [...requestAt, "body"],
    headers.contentType,
    pc,
    (name) => variables.valueOf(name),
  );
  if (body && prunesBody(method, item))
    pc.reporter.report(
      "postman/pruned-body",
      `Postman does not send a body with ${method.toUpperCase()} unless protocolProfileBehavior.disableBodyPruning is set; the body is left out`,
      pc.ref([...requestAt, "body"]),
    );
  else if (body) endpoint.requestBody = body;
  else {
    const signal = bodySignal(
      request.body,
      [...requestAt, "body"],
      headers.contentType,
      pc,
    );
    if (signal) endpoint.bodySignals = [signal];
  }

  const name = typeof item.name === "string" ? item.name.trim() : "";
  if (name !== "") {
    endpoint.nameCandidates.push({
      kind: "requestName",
      value: name,
      source: endpoint.sources[0]!,
    });
    endpoint.summary = name;
  }
  const description =
    descriptionText(request.description) ?? descriptionText(item.description);
  if (description !== undefined) endpoint.description = description;
  if (scope.folder !== undefined) endpoint.tags.push(scope.folder);

  const security = requestSecurity(
    [{ value: request.auth, at: [...requestAt, "auth"] }, ...scope.auth],
    headers.authorization,
    variables,
    state,
    pc,
  );
  if (security !== undefined) endpoint.security = security;
  return endpoint;
}

function readMethod(
  value: unknown,
  at: Path,
  pc: PostmanContext,
): HttpMethod | undefined {
  // Postman sends GET when a request names no method
  if (value === undefined || value === null || value === "") return "get";
  const method = typeof value === "string" ? value.trim().toLowerCase() : "";
  if ((HTTP_METHODS as readonly string[]).includes(method))
    return method as HttpMethod;
  pc.reporter.report(
    "postman/unsupported-method",
    `OpenAPI cannot describe the method ${JSON.stringify(value)}; the request is skipped`,
    pc.ref(at),
  );
  return undefined;
}

/** Postman drops the body of a GET or HEAD request unless the item opts out of "body pruning". */
function prunesBody(
  method: HttpMethod,
  item: Record<string, unknown>,
): boolean {
  if (method !== "get" && method !== "head") return false;
  const behavior = item.protocolProfileBehavior;
  return !(isRecord(behavior) && behavior.disableBodyPruning === true);
}
