import { describeSources, scopesInUse, setOwn } from "../toolkit.js";
import type { Endpoint, OAuthFlow, SecurityScheme } from "../../model/types.js";
import type { JsonObject } from "./print-json.js";
import { byComponentKey } from "./schema-names.js";

/**
 * Stand-ins for OAuth 2.0 URLs no input states. OpenAPI requires them; the reserved `.invalid`
 * top-level domain (RFC 6761) can never resolve, so nobody mistakes them for the real ones.
 * In the order a flow's URLs are written.
 */
export const PLACEHOLDER_URLS = {
  authorizationUrl: "https://example.invalid/oauth/authorize",
  deviceAuthorizationUrl: "https://example.invalid/oauth/device",
  tokenUrl: "https://example.invalid/oauth/token",
} as const;

/**
 * OpenAPI 3.1 §4.8.29 (3.2 §4.8.30 for the device flow, read from 3.2 inputs only): which URLs
 * each flow must carry.
 */
const FLOWS = {
  implicit: ["authorizationUrl"],
  password: ["tokenUrl"],
  clientCredentials: ["tokenUrl"],
  authorizationCode: ["authorizationUrl", "tokenUrl"],
  deviceAuthorization: ["deviceAuthorizationUrl", "tokenUrl"],
} as const;

type FlowName = keyof typeof FLOWS;

type UrlKey = keyof typeof PLACEHOLDER_URLS;

/** `clientCredentials` → `client credentials`, `tokenUrl` → `token url`. */
const words = (name: string) =>
  name.replace(/[A-Z]/g, (c) => " " + c.toLowerCase());

/** `components.securitySchemes`, keys sorted. */
export function securitySchemesObject(
  schemes: Record<string, SecurityScheme>,
  endpoints: readonly Endpoint[],
  renames: ReadonlyMap<string, string> = new Map(),
): JsonObject {
  const used = scopesInUse(endpoints);
  return byComponentKey(Object.keys(schemes), renames, (name) =>
    securitySchemeObject(schemes[name]!, used.get(name) ?? []),
  );
}

/** An endpoint's security requirements with the schemes' component keys (see schema-names.ts). */
export function securityRequirements(
  endpoint: Endpoint,
  renames: ReadonlyMap<string, string>,
): Endpoint["security"] {
  if (!endpoint.security || renames.size === 0) return endpoint.security;
  return endpoint.security.map((requirement) => {
    const out: Record<string, string[]> = {};
    for (const [name, scopes] of Object.entries(requirement))
      setOwn(out, renames.get(name) ?? name, scopes);
    return out;
  });
}

function securitySchemeObject(scheme: SecurityScheme, usedScopes: string[]) {
  const notes: string[] = [];
  if (scheme.description) notes.push(scheme.description);
  if (scheme.inferred) {
    const evidence = `Evidence: ${describeSources(scheme.sources)}.`;
    // the model's own description may already say it was inferred; then only add where from
    notes.push(
      /inferred/i.test(scheme.description ?? "")
        ? evidence
        : `apiloom inferred this scheme: no input declares it. ${evidence}`,
    );
  }
  // key order: type, description, then the type's own fields, as the OpenAPI spec lists them
  const out: JsonObject = { type: scheme.type, description: undefined };
  switch (scheme.type) {
    case "http":
      out.scheme = scheme.scheme;
      out.bearerFormat = /^bearer$/i.test(scheme.scheme)
        ? scheme.bearerFormat
        : undefined;
      break;
    case "apiKey":
      out.name = scheme.parameterName;
      out.in = scheme.in;
      break;
    case "openIdConnect":
      out.openIdConnectUrl = scheme.openIdConnectUrl;
      break;
    case "oauth2": {
      const { flows, placeholders } = oauthFlows(scheme.flows, usedScopes);
      out.flows = flows;
      // OpenAPI 3.2 (read from 3.2 inputs only)
      out.oauth2MetadataUrl = scheme.oauth2MetadataUrl;
      if (placeholders.length > 0)
        notes.push(
          `The inputs do not state the ${placeholders.join(", ")}; ` +
            `the ${placeholders.length === 1 ? "URL on example.invalid is a placeholder" : "URLs on example.invalid are placeholders"} that OpenAPI requires, not the real ${placeholders.length === 1 ? "endpoint" : "endpoints"}.`,
        );
      break;
    }
  }
  if (notes.length > 0) out.description = notes.join("\n\n");
  // OpenAPI 3.2 (read from 3.2 inputs only)
  if (scheme.deprecated) out.deprecated = true;
  Object.assign(out, scheme.extensions);
  if (scheme.inferred) out["x-apiloom-inferred"] = true;
  return out;
}

function oauthFlows(
  flows: Partial<Record<FlowName, OAuthFlow>>,
  usedScopes: string[],
): { flows: JsonObject; placeholders: string[] } {
  const present = (Object.keys(FLOWS) as FlowName[]).filter(
    (f) => flows[f] !== undefined,
  );
  // No flow at all: client credentials needs the fewest made-up URLs (one).
  const names: FlowName[] =
    present.length > 0 ? present : ["clientCredentials"];
  const placeholders: string[] = [];
  const out: JsonObject = {};
  for (const name of names) {
    const flow: OAuthFlow = flows[name] ?? { scopes: {} };
    const urls: JsonObject = {};
    for (const key of Object.keys(PLACEHOLDER_URLS) as UrlKey[]) {
      if (flow[key]) urls[key] = flow[key];
      else if ((FLOWS[name] as readonly string[]).includes(key)) {
        urls[key] = PLACEHOLDER_URLS[key];
        placeholders.push(
          `${words(name)} flow's ${words(key.slice(0, -3))} URL`,
        );
      }
    }
    const scopes: Record<string, string> = { ...flow.scopes };
    // a scope in use goes into each flow when none declares it (not a user scope into an app's)
    for (const scope of usedScopes)
      if (!present.some((f) => Object.hasOwn(flows[f]!.scopes, scope)))
        setOwn(scopes, scope, "");
    out[name] = { ...urls, refreshUrl: flow.refreshUrl, scopes };
  }
  return { flows: out, placeholders };
}
