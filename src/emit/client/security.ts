import type { ApiModel, SecurityScheme } from "../../model/types.js";
import { schemesByName } from "../toolkit.js";

/** How the runtime sends a scheme's credential (mirrors `AuthScheme` in client/runtime.ts). */
export type AuthSchemeView =
  | { type: "bearer" }
  | { type: "basic" }
  | { type: "apiKey"; in: "header" | "query" | "cookie"; name: string };

/**
 * The schemes the client can apply, by name: bearer (HTTP, OAuth 2.0, OpenID Connect), basic,
 * API keys (other HTTP schemes need a challenge round-trip: the caller's headers); and each
 * client-credentials token URL (a relative one against `baseUrl`), which `clientCredentials`
 * (client/oauth.ts) asks.
 */
export function clientSchemes(model: ApiModel, baseUrl: string) {
  const schemes: { name: string; scheme: AuthSchemeView }[] = [];
  const tokenUrls: { name: string; url: string }[] = [];
  for (const [name, scheme] of schemesByName(model)) {
    const view = authView(scheme);
    if (view) schemes.push({ name, scheme: view });
    if (scheme.type !== "oauth2") continue;
    const url = scheme.flows.clientCredentials?.tokenUrl;
    // a relative one is the server's (OpenAPI 3 "Relative References in URLs")
    const base = `${baseUrl}/`;
    if (url && !URL.canParse(url) && URL.canParse(url, base))
      tokenUrls.push({ name, url: new URL(url, base).href });
    else if (url) tokenUrls.push({ name, url });
  }
  return { schemes, tokenUrls };
}

/** How the runtime sends a scheme's credential; undefined for an HTTP scheme but bearer and basic. */
function authView(scheme: SecurityScheme): AuthSchemeView | undefined {
  if (scheme.type === "apiKey")
    return { type: "apiKey", in: scheme.in, name: scheme.parameterName };
  if (scheme.type !== "http") return { type: "bearer" }; // OAuth 2.0, OpenID Connect
  const kind = scheme.scheme.toLowerCase();
  return kind === "bearer" || kind === "basic" ? { type: kind } : undefined;
}
