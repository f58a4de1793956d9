import { freeName } from "../../model/identifiers.js";
import { isHeaderName } from "../../model/header-name.js";
import type {
  OAuthFlow,
  SecurityRequirement,
  SecurityScheme,
  SecuritySchemeKind,
} from "../../model/types.js";
import {
  child,
  copyStrings,
  elements,
  isRecordNode,
  members,
  sourceOf,
  stringAt,
  type Node,
  type RecordNode,
} from "./node.js";
import type { SpecReading } from "./reading.js";
import { setOwn } from "../../model/own-property.js";

/**
 * A `security` list (Swagger 2.0 §Security Requirement Object, OpenAPI 3.1 §4.8.30): undefined
 * when absent, `[]` for an explicit "no authentication". Names of schemes the document does not
 * define are reported but kept, so the requirement still says what the author meant.
 */
export function readSecurityRequirements(reading: SpecReading, node: Node) {
  if (node.value === undefined) return undefined;
  if (!Array.isArray(node.value))
    return reading.report(
      "invalid-security",
      "`security` must be a list of requirements; it is ignored",
      node,
    );
  return elements(node).flatMap((entry) => {
    if (!isRecordNode(entry)) {
      reading.report(
        "invalid-security",
        "a security requirement must be an object; it is skipped",
        entry,
      );
      return [];
    }
    const requirement: SecurityRequirement = {};
    for (const [name, scopes] of members(entry)) {
      if (!Object.hasOwn(reading.securitySchemes, name))
        reading.reporter
          .once(name)
          .report(
            reading.code("unknown-security-scheme"),
            `security requirement names ${JSON.stringify(name)}, which the document does not define (reported once)`,
            sourceOf(scopes),
          );
      setOwn(
        requirement,
        name,
        Array.isArray(scopes.value)
          ? scopes.value.filter((s): s is string => typeof s === "string")
          : [],
      );
    }
    return [requirement];
  });
}

/** A flow's URLs and scopes; the same fields in Swagger 2.0 and OpenAPI 3.x. */
export function readOAuthFlow(reading: SpecReading, node: RecordNode) {
  const flow: OAuthFlow = {
    scopes: readScopes(reading, child(node, "scopes")),
  };
  const urls = [
    "authorizationUrl",
    "tokenUrl",
    "refreshUrl",
    "deviceAuthorizationUrl",
  ] as const;
  copyStrings(flow, node, ...urls);
  // openapi.json's stand-in for a URL no input states: `.invalid` never resolves (RFC 6761)
  for (const key of urls)
    if (flow[key]?.startsWith("https://example.invalid/")) delete flow[key];
  return flow;
}

function readScopes(reading: SpecReading, node: Node): Record<string, string> {
  if (node.value !== undefined && !isRecordNode(node))
    reading.report(
      "invalid-scopes",
      "`scopes` must map scope names to descriptions",
      node,
    );
  return Object.fromEntries(
    members(node).map(([name, description]) => [
      name,
      typeof description.value === "string" ? description.value : "",
    ]),
  );
}

/** Reads a security scheme of one `type`, or skips it (`skip`, saying why). */
export type SchemeKind = (
  node: RecordNode,
  skip: (why: string) => undefined,
  reading: SpecReading,
) => SecuritySchemeKind | undefined;

/**
 * A map of security schemes (`securityDefinitions`, `components.securitySchemes`), `$ref`s
 * followed: each is read by its type's entry in `kinds` (none: skipped); of a name, the first wins.
 */
export function readSchemes(
  reading: SpecReading,
  schemes: Node,
  kinds: Readonly<Record<string, SchemeKind>>,
): void {
  for (const [name, entry] of members(schemes)) {
    const node = reading.deref(entry, "security scheme");
    if (!node) continue;
    const skip = (why: string, at = node) =>
      reading.report(
        "invalid-security-scheme",
        `security scheme ${JSON.stringify(name)} ${why}; it is skipped`,
        at,
      );
    if (!isRecordNode(node)) {
      skip("must be an object", entry);
      continue;
    }
    const type = stringAt(node, "type");
    const kind =
      type !== undefined && Object.hasOwn(kinds, type)
        ? kinds[type]!(node, skip, reading)
        : skip(`has unknown type ${JSON.stringify(type ?? null)}`);
    if (!kind) continue;
    const scheme: SecurityScheme = {
      ...kind,
      name,
      ...reading.kept(node),
      sources: [sourceOf(entry)],
    };
    copyStrings(scheme, node, "description");
    // openapi.json's: what apiloom inferred, less the notes it adds (evidence, placeholders)
    if (scheme.extensions?.["x-apiloom-inferred"] === true) {
      scheme.inferred = true;
      delete scheme.extensions["x-apiloom-inferred"];
    }
    const own = scheme.inferred
      ? /^(?:The inputs do not state the |Evidence: |apiloom inferred this scheme: )/
      : /^The inputs do not state the /;
    const notes = scheme.description?.split("\n\n").filter((p) => !own.test(p));
    if (notes) scheme.description = notes.join("\n\n") || undefined;
    if (node.value.deprecated === true && reading.isOpenApi32)
      scheme.deprecated = true;
    if (
      scheme.type === "apiKey" &&
      scheme.in === "header" &&
      !isHeaderName(scheme.parameterName)
    )
      reading.report(
        "invalid-header-name",
        `security scheme ${JSON.stringify(name)} sends its key in the header ${JSON.stringify(scheme.parameterName)}, which is not a valid HTTP header name (RFC 9110 §5.1); the scheme is left out`,
        entry,
      );
    else if (Object.hasOwn(reading.securitySchemes, name))
      reading.reporter.report(
        reading.code("duplicate-security-scheme"),
        `security scheme ${JSON.stringify(name)} is defined twice; the first definition is kept`,
        sourceOf(entry),
        reading.securitySchemes[name]!.sources,
      );
    else setOwn(reading.securitySchemes, name, scheme);
  }
}

/** An `apiKey` scheme: its `name`, sent `in` one of `locations`. */
export function apiKeyKind(
  node: RecordNode,
  locations: readonly ("header" | "query" | "cookie")[],
  skip: (why: string) => undefined,
): SecuritySchemeKind | undefined {
  const parameterName = stringAt(node, "name");
  const location = locations.find((l) => l === stringAt(node, "in"));
  if (parameterName === undefined || location === undefined)
    return skip(
      `needs a \`name\` and \`in\` (${locations.slice(0, -1).join(", ")} or ${locations.at(-1)})`,
    );
  return { type: "apiKey", parameterName, in: location };
}

/**
 * The scheme an `Authorization` header parameter stands for. A scheme of the document that sends
 * that header wins (one whose HTTP scheme matches the header's example value first); otherwise a
 * bearer (or basic, when the value says so) scheme is inferred, registered and reported once.
 */
export function schemeForAuthorizationHeader(
  reading: SpecReading,
  header: Node,
  values: readonly unknown[],
): string {
  const hint = values
    .map((value) =>
      typeof value === "string"
        ? value.trim().split(/\s+/)[0]!.toLowerCase()
        : "",
    )
    .find((word) => word === "basic" || word === "bearer");
  const candidates = Object.values(reading.securitySchemes).filter(
    (s) =>
      s.type === "http" ||
      s.type === "oauth2" ||
      s.type === "openIdConnect" ||
      (s.type === "apiKey" &&
        s.in === "header" &&
        (s.parameterName ?? s.name).toLowerCase() === "authorization"),
  );
  const preferred =
    candidates.find((s) => s.type === "http" && s.scheme === hint) ??
    (hint === "basic" ? undefined : candidates[0]);
  if (preferred) return preferred.name;

  const name = hint === "basic" ? "basicAuth" : "bearerAuth";
  const unique = freeName(name, (n) =>
    Object.hasOwn(reading.securitySchemes, n),
  );
  reading.securitySchemes[unique] = {
    name: unique,
    type: "http",
    scheme: hint ?? "bearer",
    inferred: true,
    sources: [sourceOf(header)],
  };
  reading.report(
    "inferred-security-scheme",
    `the Authorization header parameter is read as security scheme ${JSON.stringify(unique)} (HTTP ${hint ?? "bearer"}), which the document does not define`,
    header,
  );
  return unique;
}
