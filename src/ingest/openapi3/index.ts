import type { DocumentModel, SecuritySchemeKind } from "../../model/types.js";
import type { ReaderContext } from "../reader.js";
import {
  child,
  copyStrings,
  isRecordNode,
  stringAt,
} from "../openapi-common/node.js";
import { readPaths } from "../openapi-common/paths.js";
import { SpecReading } from "../openapi-common/reading.js";
import {
  apiKeyKind,
  readOAuthFlow,
  readSchemes,
  readSecurityRequirements,
  type SchemeKind,
} from "../openapi-common/security.js";
import { readOperation, readServers } from "./operation.js";
import { additionalOperations, reportUnread32 } from "./v32.js";
import { readWebhooks } from "./webhooks.js";

/**
 * Reads an OpenAPI 3.0, 3.1 or 3.2 document (3.2's additions: v32.ts) in one code path; the schema
 * dialect is the converter's business. Sections cited are OpenAPI 3.1's.
 */
export function readOpenApi3(ctx: ReaderContext): DocumentModel {
  // 3.2's schemas are 3.1's dialect (JSON Schema 2020-12)
  const dialect = ctx.doc.format === "openapi3.0" ? "openapi3.0" : "openapi3.1";
  const reading = new SpecReading(ctx, "openapi3", dialect, [
    "components",
    "schemas",
  ]);
  const { root } = reading;
  const schemes = reading.at(root, "components", "securitySchemes");
  if (schemes) readSchemes(reading, schemes, SCHEME_KINDS);
  const defaultSecurity = readSecurityRequirements(
    reading,
    child(root, "security"),
  );
  const endpoints = readPaths(
    reading,
    child(root, "paths"),
    (site) => readOperation(reading, site, defaultSecurity),
    (pathItem, path) => additionalOperations(reading, pathItem, path),
  );
  const webhooks = readWebhooks(
    reading,
    child(root, "webhooks"),
    defaultSecurity,
  );
  reportUnread32(reading);
  const model = reading.model(endpoints, () =>
    readServers(reading, child(root, "servers")),
  );
  return webhooks ? { ...model, webhooks } : model;
}

const FLOWS = [
  "implicit",
  "password",
  "clientCredentials",
  "authorizationCode",
  // OpenAPI 3.2 (RFC 8628)
  "deviceAuthorization",
] as const;

/** §4.8.27 Security Scheme Object, by `type`. */
const SCHEME_KINDS: Record<string, SchemeKind> = {
  http: (node, skip) => {
    const scheme = stringAt(node, "scheme");
    if (scheme === undefined) return skip("has no `scheme`");
    // RFC 7235 §2.1: auth-scheme names are case-insensitive
    const kind: SecuritySchemeKind = {
      type: "http",
      scheme: scheme.toLowerCase(),
    };
    copyStrings(kind, node, "bearerFormat");
    return kind;
  },
  apiKey: (node, skip) => apiKeyKind(node, ["header", "query", "cookie"], skip),
  oauth2: (node, skip, reading) => {
    const flowsNode = child(node, "flows");
    if (!isRecordNode(flowsNode)) return skip("has no `flows`");
    const kind: SecuritySchemeKind & { type: "oauth2" } = {
      type: "oauth2",
      flows: {},
    };
    for (const flow of FLOWS) {
      // the device flow is 3.2's: in an earlier document the key means nothing
      if (flow === "deviceAuthorization" && !reading.isOpenApi32) continue;
      const flowNode = child(flowsNode, flow);
      if (isRecordNode(flowNode))
        kind.flows[flow] = readOAuthFlow(reading, flowNode);
    }
    if (reading.isOpenApi32) copyStrings(kind, node, "oauth2MetadataUrl");
    return kind;
  },
  openIdConnect: (node, skip) => {
    const url = stringAt(node, "openIdConnectUrl");
    if (url === undefined) return skip("has no `openIdConnectUrl`");
    return { type: "openIdConnect", openIdConnectUrl: url };
  },
  mutualTLS: (_, skip) =>
    skip("is mutual TLS, which generated clients cannot express"),
};
