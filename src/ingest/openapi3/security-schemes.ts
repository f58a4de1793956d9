import type { SecuritySchemeKind } from "../../model/types.js";
import {
  child,
  isRecordNode,
  stringAt,
  type RecordNode,
} from "../openapi-common/node.js";
import type { SpecReading } from "../openapi-common/reading.js";
import { isOpenApi32 } from "./v32.js";
import {
  apiKeyKind,
  readOAuthFlow,
  readSchemes,
  type SkipScheme,
} from "../openapi-common/security.js";

const FLOWS = [
  "implicit",
  "password",
  "clientCredentials",
  "authorizationCode",
  // OpenAPI 3.2 (RFC 8628)
  "deviceAuthorization",
] as const;

/** `components.securitySchemes` (§4.8.27 Security Scheme Object), `$ref`s followed. */
export function readSecuritySchemes(reading: SpecReading): void {
  const components = child(reading.root, "components");
  if (isRecordNode(components))
    readSchemes(reading, child(components, "securitySchemes"), (node, skip) =>
      schemeKind(reading, node, skip),
    );
}

function schemeKind(
  reading: SpecReading,
  node: RecordNode,
  skip: SkipScheme,
): SecuritySchemeKind | undefined {
  const type = stringAt(node, "type");
  switch (type) {
    case "http": {
      const scheme = stringAt(node, "scheme");
      if (scheme === undefined) return skip("has no `scheme`");
      const bearerFormat = stringAt(node, "bearerFormat");
      // RFC 7235 §2.1: auth-scheme names are case-insensitive
      const kind: SecuritySchemeKind = {
        type: "http",
        scheme: scheme.toLowerCase(),
      };
      if (bearerFormat !== undefined) kind.bearerFormat = bearerFormat;
      return kind;
    }
    case "apiKey":
      return apiKeyKind(node, ["header", "query", "cookie"], skip);
    case "oauth2": {
      const flowsNode = child(node, "flows");
      if (!isRecordNode(flowsNode)) return skip("has no `flows`");
      const flows: Extract<SecuritySchemeKind, { type: "oauth2" }>["flows"] =
        {};
      for (const flow of FLOWS) {
        // the device flow is 3.2's: in an earlier document the key means nothing
        if (flow === "deviceAuthorization" && !isOpenApi32(reading)) continue;
        const flowNode = child(flowsNode, flow);
        if (isRecordNode(flowNode))
          flows[flow] = readOAuthFlow(reading, flowNode);
      }
      const metadata = isOpenApi32(reading)
        ? stringAt(node, "oauth2MetadataUrl")
        : undefined;
      return metadata === undefined
        ? { type: "oauth2", flows }
        : { type: "oauth2", flows, oauth2MetadataUrl: metadata };
    }
    case "openIdConnect": {
      const url = stringAt(node, "openIdConnectUrl");
      if (url === undefined) return skip("has no `openIdConnectUrl`");
      return { type: "openIdConnect", openIdConnectUrl: url };
    }
    case "mutualTLS":
      return skip("is mutual TLS, which generated clients cannot express");
    default:
      return skip(`has unknown type ${JSON.stringify(type ?? null)}`);
  }
}
