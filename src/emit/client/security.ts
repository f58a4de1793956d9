import type { ApiModel, Endpoint } from "../../model/types.js";
import { schemesByName } from "../toolkit.js";

/** How the runtime sends a scheme's credential (mirrors `AuthScheme` in client/runtime.ts). */
export type AuthSchemeView =
  | { type: "bearer" }
  | { type: "basic" }
  | { type: "apiKey"; in: "header" | "query" | "cookie"; name: string };

/**
 * The schemes the client can apply, by name: bearer (HTTP, OAuth 2.0, OpenID Connect), basic,
 * API keys (other HTTP schemes need a challenge round-trip: the caller's headers); and each
 * client-credentials token URL, which `clientCredentials` (client/oauth.ts) asks.
 */
export function clientSchemes(model: ApiModel) {
  const schemes: { name: string; scheme: AuthSchemeView }[] = [];
  const tokenUrls: { name: string; url: string }[] = [];
  for (const [name, scheme] of schemesByName(model)) {
    switch (scheme.type) {
      case "http": {
        const kind = scheme.scheme.toLowerCase();
        if (kind === "bearer" || kind === "basic")
          schemes.push({ name, scheme: { type: kind } });
        break;
      }
      case "oauth2": {
        const url = scheme.flows.clientCredentials?.tokenUrl;
        if (url) tokenUrls.push({ name, url });
        schemes.push({ name, scheme: { type: "bearer" } });
        break;
      }
      case "openIdConnect":
        schemes.push({ name, scheme: { type: "bearer" } });
        break;
      case "apiKey":
        schemes.push({
          name,
          scheme: { type: "apiKey", in: scheme.in, name: scheme.parameterName },
        });
        break;
    }
  }
  return { schemes, tokenUrls };
}

/** Security alternatives the client can satisfy; undefined (try every scheme) when none is declared. */
export function securityAlternatives(
  endpoint: Endpoint,
  supported: Set<string>,
): string[][] | undefined {
  if (!endpoint.security) return undefined;
  return endpoint.security
    .map((requirement) => Object.keys(requirement))
    .filter((names) => names.every((n) => supported.has(n)));
}
