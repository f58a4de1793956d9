import type { SecurityScheme, SecuritySchemeKind } from "../../model/types.js";
import {
  child,
  isRecordNode,
  members,
  sourceOf,
  stringAt,
  type RecordNode,
} from "../openapi-common/node.js";
import type { SpecReading } from "../openapi-common/reading.js";
import { isOpenApi32 } from "./v32.js";
import { readOAuthFlow, registerScheme } from "../openapi-common/security.js";

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
  if (!isRecordNode(components)) return;
  for (const [name, entry] of members(child(components, "securitySchemes"))) {
    const node = reading.deref(entry, "security scheme");
    if (!node) continue;
    if (!isRecordNode(node)) {
      reading.reporter.report(
        "openapi3/invalid-security-scheme",
        `security scheme ${JSON.stringify(name)} must be an object; it is skipped`,
        sourceOf(entry),
      );
      continue;
    }
    const kind = schemeKind(reading, name, node);
    if (!kind) continue;
    const scheme: SecurityScheme = {
      ...kind,
      name,
      sources: [sourceOf(entry)],
    };
    const description = stringAt(node, "description");
    if (description !== undefined) scheme.description = description;
    if (node.value.deprecated === true && isOpenApi32(reading))
      scheme.deprecated = true;
    registerScheme(reading, scheme, entry);
  }
}

function schemeKind(
  reading: SpecReading,
  name: string,
  node: RecordNode,
): SecuritySchemeKind | undefined {
  const type = stringAt(node, "type");
  const skip = (why: string) => {
    reading.reporter.report(
      "openapi3/invalid-security-scheme",
      `security scheme ${JSON.stringify(name)} ${why}; it is skipped`,
      sourceOf(node),
    );
    return undefined;
  };
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
    case "apiKey": {
      const keyName = stringAt(node, "name");
      const location = stringAt(node, "in");
      if (
        keyName === undefined ||
        (location !== "header" && location !== "query" && location !== "cookie")
      )
        return skip("needs a `name` and `in` (header, query or cookie)");
      return {
        type: "apiKey",
        parameterName: keyName,
        in: location,
      };
    }
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
      return { type: "oauth2", flows };
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
