import { createEndpoint } from "../../model/factories.js";
import { packEndpoint } from "../../model/lists.js";
import {
  isStandardMethod,
  type Endpoint,
  type HttpMethod,
  type SecurityRequirement,
} from "../../model/types.js";
import {
  child,
  copyStrings,
  isRecordNode,
  members,
  sourceOf,
  stringAt,
  stringsAt,
  type Node,
  type RecordNode,
} from "./node.js";
import type { SpecReading } from "./reading.js";
import type { SharedReaderCode } from "./codes.js";
import { readSecurityRequirements } from "./security.js";

export interface OperationSite {
  path: string;
  method: HttpMethod;
  /** The path item, `$ref` followed. */
  pathItem: RecordNode;
  operation: RecordNode;
}

/**
 * Walks `paths` and hands every operation to `read`. A malformed path item or operation is
 * reported and skipped; an exception while reading one operation costs that operation only.
 */
export function readPaths(
  reading: SpecReading,
  paths: Node,
  read: (site: OperationSite) => Endpoint | undefined,
  /** Operations a path item holds besides its method members (OpenAPI 3.2's `additionalOperations`). */
  moreOperations?: (pathItem: RecordNode, path: string) => [HttpMethod, Node][],
  /** `paths` is OpenAPI 3.1's `webhooks`: keys are names, and problems `openapi3/invalid-webhook`. */
  webhooks = false,
): Endpoint[] {
  const skip = (
    code: SharedReaderCode,
    message: string,
    ofWebhook: string,
    at: Node,
  ) =>
    reading.reporter.report(
      webhooks ? "openapi3/invalid-webhook" : reading.code(code),
      webhooks ? ofWebhook : message,
      sourceOf(at),
    );
  const endpoints: Endpoint[] = [];
  if (paths.value === undefined) return endpoints;
  if (!isRecordNode(paths)) {
    reading.report("invalid-paths", "`paths` must be an object", paths);
    return endpoints;
  }
  for (const [key, entry] of members(paths)) {
    if (key.startsWith("x-")) continue;
    let path = key;
    if (!webhooks && !path.startsWith("/")) {
      reading.report(
        "invalid-path",
        `path ${JSON.stringify(key)} does not start with '/'; read as ${JSON.stringify("/" + key)}`,
        entry,
      );
      path = "/" + key;
    }
    const pathItem = reading.deref(entry, "path item");
    if (!pathItem) continue;
    if (!isRecordNode(pathItem)) {
      skip(
        "invalid-path-item",
        `path item ${JSON.stringify(key)} must be an object; it is skipped`,
        `webhook ${JSON.stringify(key)} must be a path item object; it is skipped`,
        entry,
      );
      continue;
    }
    const operations: [string, Node, boolean][] = members(pathItem).map(
      ([method, operation]) => [method, operation, false],
    );
    for (const [method, operation] of moreOperations?.(pathItem, path) ?? [])
      operations.push([method, operation, true]);
    for (const [method, operation, more] of operations) {
      if (!more && !isStandardMethod(method)) {
        if (!webhooks && isStandardMethod(method.toLowerCase()))
          reading.report(
            "invalid-method",
            `method ${JSON.stringify(method)} must be lower case; the operation is skipped`,
            operation,
          );
        continue;
      }
      if (!webhooks && method === "query" && !reading.isOpenApi32) {
        reading.report(
          "invalid-method",
          `a QUERY operation is OpenAPI 3.2's, and this document is ${reading.ctx.doc.format === "swagger2" ? "Swagger 2.0" : `OpenAPI ${reading.ctx.doc.format.slice(7)}`}; QUERY ${path} is skipped`,
          operation,
        );
        continue;
      }
      if (!isRecordNode(operation)) {
        skip(
          "invalid-operation",
          `${method.toUpperCase()} ${path} must be an object; it is skipped`,
          `webhook ${JSON.stringify(key)}: ${method.toUpperCase()} must be an operation object; it is skipped`,
          operation,
        );
        continue;
      }
      try {
        const endpoint = read({
          path,
          method: method as HttpMethod,
          pathItem,
          operation,
        });
        if (endpoint) endpoints.push(packEndpoint(endpoint));
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        skip(
          "unreadable-operation",
          `${method.toUpperCase()} ${path} could not be read and is skipped: ${why}`,
          `webhook ${JSON.stringify(key)} (${method.toUpperCase()}) could not be read and is skipped: ${why}`,
          operation,
        );
      }
    }
  }
  return endpoints;
}

/**
 * The fields every OpenAPI-family operation has: names, tags, texts, deprecation, extensions and
 * security (the document default when the operation says nothing; `security: []` means none).
 */
export function createOperationEndpoint(
  reading: SpecReading,
  site: OperationSite,
  defaultSecurity: SecurityRequirement[] | undefined,
): Endpoint {
  const { operation } = site;
  const endpoint = createEndpoint({
    method: site.method,
    path: site.path,
    source: sourceOf(operation),
  });
  const operationId = stringAt(operation, "operationId");
  if (operationId !== undefined && operationId !== "") {
    endpoint.operationId = operationId;
    endpoint.nameCandidates.push({
      value: operationId,
      kind: "operationId",
      source: sourceOf(child(operation, "operationId")),
    });
  }
  copyStrings(endpoint, operation, "summary");
  reading.copyDescription(endpoint, operation);
  endpoint.tags = [...new Set(stringsAt(operation, "tags"))];
  if (operation.value.deprecated === true) endpoint.deprecated = true;
  Object.assign(endpoint, reading.kept(operation, true));
  const security =
    readSecurityRequirements(reading, child(operation, "security")) ??
    defaultSecurity?.map((requirement) => ({ ...requirement }));
  if (security !== undefined) endpoint.security = security;
  return endpoint;
}
