import type { ApiModel, Endpoint } from "../../model/types.js";
import { compareCodeUnits } from "../toolkit.js";

/** How the runtime sends a scheme's credential (mirrors `AuthScheme` in client/runtime.ts). */
export type AuthSchemeView =
  | { type: "bearer" }
  | { type: "basic" }
  | { type: "apiKey"; in: "header" | "query" | "cookie"; name: string };

/**
 * The security schemes the client can apply, by name: HTTP bearer, OAuth 2.0 and OpenID Connect
 * send a bearer token, HTTP basic sends username/password, API keys go where the scheme says.
 * Other HTTP schemes (digest, …) need a challenge round-trip and are left to the caller's headers.
 */
export function authSchemes(model: ApiModel): [string, AuthSchemeView][] {
  const out: [string, AuthSchemeView][] = [];
  for (const key of Object.keys(model.securitySchemes).sort(compareCodeUnits)) {
    const scheme = model.securitySchemes[key]!;
    switch (scheme.type) {
      case "http": {
        const kind = scheme.scheme.toLowerCase();
        if (kind === "bearer") out.push([key, { type: "bearer" }]);
        else if (kind === "basic") out.push([key, { type: "basic" }]);
        break;
      }
      case "oauth2":
      case "openIdConnect":
        out.push([key, { type: "bearer" }]);
        break;
      case "apiKey":
        out.push([
          key,
          {
            type: "apiKey",
            in: scheme.in,
            name: scheme.parameterName,
          },
        ]);
        break;
    }
  }
  return out;
}

/**
 * The endpoint's security alternatives as lists of scheme names, keeping only alternatives the
 * client can satisfy. Undefined when no source said anything (the runtime then tries every
 * scheme); an empty list means the endpoint needs no auth.
 */
export function securityAlternatives(
  endpoint: Endpoint,
  supported: Set<string>,
): string[][] | undefined {
  if (!endpoint.security) return undefined;
  return endpoint.security
    .map((requirement) => Object.keys(requirement))
    .filter((names) => names.every((n) => supported.has(n)));
}

/**
 * The token URL of each OAuth 2.0 scheme with a client-credentials flow, by scheme name, sorted:
 * what `clientCredentials` (client/oauth.ts) asks for a token.
 */
export function tokenUrls(model: ApiModel): { name: string; url: string }[] {
  const out: { name: string; url: string }[] = [];
  for (const name of Object.keys(model.securitySchemes).sort(
    compareCodeUnits,
  )) {
    const scheme = model.securitySchemes[name]!;
    const url =
      scheme.type === "oauth2"
        ? scheme.flows.clientCredentials?.tokenUrl
        : undefined;
    if (url) out.push({ name, url });
  }
  return out;
}
