import { packEndpoint } from "../../model/lists.js";
import {
  isStandardMethod,
  type SecurityRequirement,
  type Webhook,
} from "../../model/types.js";
import {
  isRecordNode,
  members,
  sourceOf,
  type Node,
} from "../openapi-common/node.js";
import type { SpecReading } from "../openapi-common/reading.js";
import { readOperation } from "./operation.js";

/**
 * §4.8.1 `webhooks` (OpenAPI 3.1 and 3.2): each key's operations read like an endpoint's, the key
 * as its `path`; path, query and cookie parameters are reported and left out (a receiver gets
 * headers and a body). The model names them (model/merge/webhooks.ts).
 */
export function readWebhooks(
  reading: SpecReading,
  webhooks: Node,
  defaultSecurity: SecurityRequirement[] | undefined,
): Webhook[] | undefined {
  if (webhooks.value === undefined) return undefined;
  const out: Webhook[] = [];
  if (reading.ctx.doc.format === "openapi3.0") {
    reading.reporter.report(
      "openapi3/invalid-webhook",
      "`webhooks` are OpenAPI 3.1's, and this document is 3.0: they are skipped (declare `openapi: 3.1.0` to have them read)",
      sourceOf(webhooks),
    );
    return undefined;
  }
  if (!isRecordNode(webhooks)) {
    reading.reporter.report(
      "openapi3/invalid-webhook",
      "`webhooks` must be an object of path items; it is skipped",
      sourceOf(webhooks),
    );
    return out;
  }
  for (const [key, entry] of members(webhooks)) {
    if (key.startsWith("x-")) continue;
    const pathItem = reading.deref(entry, "path item");
    if (!pathItem) continue;
    if (!isRecordNode(pathItem)) {
      reading.reporter.report(
        "openapi3/invalid-webhook",
        `webhook ${JSON.stringify(key)} must be a path item object; it is skipped`,
        sourceOf(entry),
      );
      continue;
    }
    for (const [method, operation] of members(pathItem)) {
      if (!isStandardMethod(method)) continue;
      if (!isRecordNode(operation)) {
        reading.reporter.report(
          "openapi3/invalid-webhook",
          `webhook ${JSON.stringify(key)}: ${method.toUpperCase()} must be an operation object; it is skipped`,
          sourceOf(operation),
        );
        continue;
      }
      try {
        const endpoint = readOperation(
          reading,
          { path: key, method, pathItem, operation },
          defaultSecurity,
        );
        const webhook: Webhook = { ...packEndpoint(endpoint), key };
        dropUnreceived(reading, webhook);
        out.push(webhook);
      } catch (error) {
        reading.reporter.report(
          "openapi3/invalid-webhook",
          `webhook ${JSON.stringify(key)} (${method.toUpperCase()}) could not be read and is skipped: ${error instanceof Error ? error.message : String(error)}`,
          sourceOf(operation),
        );
      }
    }
  }
  return out;
}

/** Path, query and cookie parameters: a webhook's sender picks no URL of the receiver's. */
function dropUnreceived(reading: SpecReading, webhook: Webhook): void {
  const { parameters } = webhook;
  const dropped = [
    ...parameters.path,
    ...parameters.query,
    ...parameters.cookie,
  ];
  for (const p of dropped)
    reading.reporter.report(
      "openapi3/webhook-parameter-skipped",
      `webhook ${JSON.stringify(webhook.key)}: ${p.in} parameter ${JSON.stringify(p.name)} is skipped: the generated receiver reads a webhook's headers and body only`,
      p.sources[0] ?? webhook.sources[0]!,
    );
  if (dropped.length > 0)
    webhook.parameters = { ...parameters, path: [], query: [], cookie: [] };
}
