import type { IngestCode } from "../codes.js";
import { isHeaderName } from "../../model/header-name.js";
import { setOwn } from "../../model/own-property.js";
import type { Path } from "../../model/pointer.js";
import type { OAuthFlow, SecuritySchemeKind } from "../../model/types.js";
import { isRecord } from "../reader.js";
import { scalarText } from "./fields.js";
import {
  resolvedText,
  unresolvedNames,
  type VariableScope,
} from "./variables.js";

/** What one Postman `auth` block says. */
export type AuthBlock =
  /** No block, `null`, or `{type: "inherit"}`: ask the parent folder. */
  | { kind: "inherit" }
  /** `noauth`: the request is sent without auth, and inheritance stops. */
  | { kind: "none" }
  | {
      kind: "scheme";
      scheme: SecuritySchemeKind;
      /** The scheme's name before de-duplication: basicAuth, bearerAuth, digestAuth, apiKeyAuth, oauth2. */
      baseName: string;
      scopes: string[];
      /** Variables an oauth2 URL needed but the collection does not define (that URL is left out). */
      unresolved: string[];
      /** A note on how the block was read (an API key's unknown `in`), and where. */
      note?: { message: string; at: Path };
    }
  /** A block no scheme is read from: what to say (at `at` below the block, or the block). */
  | { kind: "skipped"; code: IngestCode; message: string; at?: Path };

/** Auth types Postman knows that no OpenAPI security scheme can state. */
const UNSUPPORTED = new Set(
  "oauth1 hawk ntlm awsv4 akamai edgegrid asap".split(" "),
);

/**
 * Reads an auth block in either shape: 2.0 writes the parameters as an object
 * (`{type: "bearer", bearer: {token}}`), 2.1 as a key/value list (`bearer: [{key, value}]`).
 */
export function readAuth(auth: unknown, variables: VariableScope): AuthBlock {
  if (!isRecord(auth)) return { kind: "inherit" };
  // the member holding the parameters is named by `type` as written
  const field = typeof auth.type === "string" ? auth.type : "";
  const type = field.toLowerCase();
  if (type === "" || type === "inherit") return { kind: "inherit" };
  if (type === "noauth") return { kind: "none" };
  const params = authParams(auth[field], variables);
  const http = HTTP_SCHEMES.get(type);
  if (http) return scheme(...http);
  switch (type) {
    case "jwt":
      return scheme(
        { type: "http", scheme: "bearer", bearerFormat: "JWT" },
        "bearerAuth",
      );
    case "apikey": {
      const name = params.get("key");
      if (name === undefined || name.trim() === "")
        return {
          kind: "skipped",
          code: "postman/incomplete-auth",
          message: "the apikey auth block is ignored: it names no key",
        };
      const into = params.get("in");
      // Postman sends the key in the query for `in: query` and in a header for anything else
      const where = into === "query" ? "query" : "header";
      if (where === "header" && !isHeaderName(name))
        return {
          kind: "skipped",
          code: "postman/invalid-header-name",
          message: `${JSON.stringify(name)} is not a valid HTTP header name, so no client could send the key; the API key auth is left out`,
          at: paramAt(auth[field], field, "key"),
        };
      const block = scheme(
        { type: "apiKey", in: where, parameterName: name },
        "apiKeyAuth",
      );
      if (into !== undefined && into !== "header" && into !== "query")
        block.note = {
          message: `the API key's "in" is ${JSON.stringify(into)}, which Postman does not know (it sends an API key in a header or the query only); read as Postman sends it: in the header ${JSON.stringify(name)}`,
          at: paramAt(auth[field], field, "in"),
        };
      return block;
    }
    case "oauth2":
      return readOAuth2(params, variables);
    default:
      return {
        kind: "skipped",
        code: "postman/unsupported-auth",
        message: `OpenAPI cannot express ${UNSUPPORTED.has(type) ? type : field} auth; the requests that use it get no security scheme`,
      };
  }
}

/** The http schemes a Postman auth type or an `Authorization` header's first word names. */
const HTTP_SCHEMES = new Map<string, [SecuritySchemeKind, string]>([
  ["basic", [{ type: "http", scheme: "basic" }, "basicAuth"]],
  ["bearer", [{ type: "http", scheme: "bearer" }, "bearerAuth"]],
  ["digest", [{ type: "http", scheme: "digest" }, "digestAuth"]],
]);

function scheme(
  scheme: SecuritySchemeKind,
  baseName: string,
): AuthBlock & { kind: "scheme" } {
  return { kind: "scheme", scheme, baseName, scopes: [], unresolved: [] };
}

/** Where parameter `key` of an auth block's `field` is: `[field, i, "value"]` (2.1) or `[field, key]` (2.0). */
function paramAt(value: unknown, field: string, key: string): Path {
  if (Array.isArray(value)) {
    const i = value.findIndex((e) => isRecord(e) && e.key === key);
    return i === -1 ? [field] : [field, i, "value"];
  }
  return isRecord(value) && key in value ? [field, key] : [field];
}

/** The block's parameters, their `{{var}}`s written in as newman sends them. */
function authParams(
  value: unknown,
  variables: VariableScope,
): Map<string, string> {
  const params = new Map<string, string>();
  // 2.1's `[{key, value}]` or 2.0's `{key: value}`
  const entries: unknown[][] = Array.isArray(value)
    ? value.map((entry) => (isRecord(entry) ? [entry.key, entry.value] : []))
    : Object.entries(isRecord(value) ? value : {});
  for (const [key, v] of entries) {
    const text = scalarText(v);
    if (typeof key === "string" && text !== undefined)
      params.set(key, variables.written(text));
  }
  return params;
}

type FlowName =
  "implicit" | "password" | "clientCredentials" | "authorizationCode";

/** Postman's `grant_type` values; a block without one uses Postman's default, authorization code. */
const GRANT_TYPES = new Map<string, FlowName>([
  ["authorization_code", "authorizationCode"],
  ["authorization_code_with_pkce", "authorizationCode"],
  ["implicit", "implicit"],
  ["password_credentials", "password"],
  ["password", "password"],
  ["client_credentials", "clientCredentials"],
]);

function readOAuth2(params: Map<string, string>, variables: VariableScope) {
  const grant = params.get("grant_type") ?? params.get("grantType") ?? "";
  const flowName = GRANT_TYPES.get(grant.toLowerCase()) ?? "authorizationCode";
  const unresolved = new Set<string>();
  const url = (key: string): string | undefined => {
    const raw = params.get(key);
    if (raw === undefined || raw.trim() === "") return undefined;
    const parts = variables.substitute(raw.trim());
    const text = resolvedText(parts);
    if (text === undefined)
      for (const name of unresolvedNames(parts)) unresolved.add(name);
    return text;
  };
  const scopes = (params.get("scope") ?? "")
    .split(/\s+/)
    .filter((s) => s !== "");
  const flow: OAuthFlow = { scopes: {} };
  for (const scope of scopes) setOwn(flow.scopes, scope, "");
  const authorizationUrl = url("authUrl");
  const tokenUrl = url("accessTokenUrl");
  const refreshUrl = url("refreshTokenUrl");
  if (flowName === "implicit" || flowName === "authorizationCode")
    if (authorizationUrl !== undefined)
      flow.authorizationUrl = authorizationUrl;
  if (flowName !== "implicit" && tokenUrl !== undefined)
    flow.tokenUrl = tokenUrl;
  if (refreshUrl !== undefined) flow.refreshUrl = refreshUrl;
  return {
    ...scheme({ type: "oauth2", flows: { [flowName]: flow } }, "oauth2"),
    scopes,
    unresolved: [...unresolved],
  };
}

/**
 * The scheme an `Authorization` header implies: `Bearer …` → http bearer, `Basic …` → http basic,
 * `Digest …` → http digest, anything else → an API key sent in the `Authorization` header.
 */
export function authFromHeader(value: string): AuthBlock & { kind: "scheme" } {
  const word = /^\s*([A-Za-z]+)(?:\s|$)/.exec(value)?.[1]?.toLowerCase();
  const http = word === undefined ? undefined : HTTP_SCHEMES.get(word);
  if (http) return scheme(...http);
  return scheme(
    {
      type: "apiKey",
      in: "header",
      parameterName: "Authorization",
    },
    "apiKeyAuth",
  );
}
