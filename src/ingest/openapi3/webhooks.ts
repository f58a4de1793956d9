import type { SecurityRequirement, Webhook } from "../../model/types.js";
import { isRecordNode, sourceOf, type Node } from "../openapi-common/node.js";
import { readPaths } from "../openapi-common/paths.js";
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
  const v30 = reading.ctx.doc.format === "openapi3.0";
  if (v30 || !isRecordNode(webhooks)) {
    reading.reporter.report(
      "openapi3/invalid-webhook",
      v30
        ? "`webhooks` are OpenAPI 3.1's, and this document is 3.0: they are skipped (declare `openapi: 3.1.0` to have them read)"
        : "`webhooks` must be an object of path items; it is skipped",
      sourceOf(webhooks),
    );
    return v30 ? undefined : [];
  }
  return readPaths(
    reading,
    webhooks,
    (site) => {
      const webhook: Webhook = {
        ...readOperation(reading, site, defaultSecurity),
        key: site.path,
      };
      // path, query and cookie parameters: a webhook's sender picks no URL of the receiver's
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
      return webhook;
    },
    undefined,
    true,
  ) as Webhook[];
}
