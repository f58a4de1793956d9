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
import { readOAuthFlow, registerScheme } from "../openapi-common/security.js";

/** OAuth 2.0 flow names of Swagger 2.0 and the OpenAPI 3 flows they became. */
const FLOWS = {
  implicit: "implicit",
  password: "password",
  application: "clientCredentials",
  accessCode: "authorizationCode",
} as const;

/** `securityDefinitions` (§Security Definitions Object) in OpenAPI 3 terms. */
export function readSecurityDefinitions(reading: SpecReading): void {
  for (const [name, node] of members(
    child(reading.root, "securityDefinitions"),
  )) {
    if (!isRecordNode(node)) {
      reading.reporter.report(
        "swagger2/invalid-security-scheme",
        `security definition ${JSON.stringify(name)} must be an object; it is skipped`,
        sourceOf(node),
      );
      continue;
    }
    const kind = schemeKind(reading, name, node);
    if (!kind) continue;
    const scheme: SecurityScheme = { ...kind, name, sources: [sourceOf(node)] };
    const description = stringAt(node, "description");
    if (description !== undefined) scheme.description = description;
    registerScheme(reading, scheme, node);
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
      "swagger2/invalid-security-scheme",
      `${why}; it is skipped`,
      sourceOf(node),
    );
    return undefined;
  };
  switch (type) {
    case "basic":
      return { type: "http", scheme: "basic" };
    case "apiKey": {
      const keyName = stringAt(node, "name");
      const location = stringAt(node, "in");
      if (
        keyName !== undefined &&
        (location === "header" || location === "query")
      )
        return {
          type: "apiKey",
          parameterName: keyName,
          in: location,
        };
      return skip(
        `apiKey scheme ${JSON.stringify(name)} needs a \`name\` and \`in\` (header or query)`,
      );
    }
    case "oauth2": {
      const flow = stringAt(node, "flow");
      if (flow !== undefined && Object.hasOwn(FLOWS, flow))
        return {
          type: "oauth2",
          flows: {
            [FLOWS[flow as keyof typeof FLOWS]]: readOAuthFlow(reading, node),
          },
        };
      return skip(
        `oauth2 scheme ${JSON.stringify(name)} has no valid \`flow\` (implicit, password, application or accessCode)`,
      );
    }
    default:
      return skip(
        `security scheme ${JSON.stringify(name)} has unknown type ${JSON.stringify(type ?? null)}`,
      );
  }
}
