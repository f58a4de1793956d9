import type { ApiModel, SecurityScheme } from "../../model/types.js";
import { describeSources, schemesByName, scopesInUse } from "../toolkit.js";

/** A security scheme as the docs show it. Strings are raw spec text. */
export type SchemeView = {
  name: string;
  /** What kind of credential, in words: `OAuth 2.0 (client credentials)`, `API key in header X-Key`. */
  kind: string;
  description?: string;
  /** Scopes the scheme declares and scopes endpoints require, sorted. */
  scopes: string[];
  /** OpenAPI 3.2: the scheme is deprecated (on its way out). */
  deprecated?: true;
  /** OpenAPI 3.2: the OAuth 2.0 device authorization flow's URLs (RFC 8628), which the client does not run. */
  deviceFlow?: { deviceAuthorizationUrl?: string; tokenUrl?: string };
} & (
  | {
      /** apiloom made the scheme up from indirect evidence; `evidence` says where. */
      inferred: true;
      evidence: string;
    }
  | { inferred: false; evidence?: undefined }
);

export function schemeViews(model: ApiModel): SchemeView[] {
  const used = scopesInUse(model.endpoints);
  return schemesByName(model).map(([key, scheme]) => {
    const scopes = new Set(used.get(key) ?? []);
    if (scheme.type === "oauth2")
      for (const flow of Object.values(scheme.flows))
        for (const scope of Object.keys(flow?.scopes ?? {})) scopes.add(scope);
    const device =
      scheme.type === "oauth2" ? scheme.flows.deviceAuthorization : undefined;
    return {
      name: key,
      kind: kindOf(scheme),
      description: scheme.description,
      ...(scheme.deprecated && { deprecated: true }),
      ...(device && {
        deviceFlow: {
          ...(device.deviceAuthorizationUrl && {
            deviceAuthorizationUrl: device.deviceAuthorizationUrl,
          }),
          ...(device.tokenUrl && { tokenUrl: device.tokenUrl }),
        },
      }),
      inferred: scheme.inferred === true,
      evidence: scheme.inferred ? describeSources(scheme.sources) : undefined,
      scopes: [...scopes].sort(),
    } as SchemeView;
  });
}

function kindOf(scheme: SecurityScheme): string {
  switch (scheme.type) {
    case "http":
      return `HTTP ${scheme.scheme}${scheme.bearerFormat ? ` (${scheme.bearerFormat})` : ""}`;
    case "apiKey":
      return `API key in ${scheme.in} ${scheme.parameterName}`;
    case "openIdConnect":
      return `OpenID Connect (${scheme.openIdConnectUrl})`;
    case "oauth2": {
      const flows = Object.keys(scheme.flows).map((f) =>
        f.replace(/[A-Z]/g, (c) => " " + c.toLowerCase()),
      );
      return `OAuth 2.0${flows.length > 0 ? ` (${flows.join(", ")})` : ""}`;
    }
  }
}
