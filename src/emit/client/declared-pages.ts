import { endpointKey } from "../../model/naming.js";
import type { PageShape } from "../../model/pagination.js";
import { fileStart, Reporter } from "../../model/reporter.js";
import { resolveSchema } from "../../model/schema.js";
import type { ApiModel, Diagnostic, Endpoint } from "../../model/types.js";
import type { PluginOption } from "../artifact.js";
import { successStatuses } from "../types/endpoint-types.js";

/** The config's `client.pages`: a page shape by endpoint, `"GET /things": { kind: "cursor", … }`. */
export type PageDeclarations = Readonly<Record<string, PageShape>>;

/** Each kind's keys: the query parameters it names, then the body properties. */
const KEYS: Record<
  PageShape["kind"],
  { parameters: string[]; fields: string[]; optional?: string[] }
> = {
  cursor: { parameters: ["parameter"], fields: ["field"] },
  "next-url": { parameters: [], fields: ["field"] },
  link: { parameters: [], fields: [] },
  offset: { parameters: ["offset", "limit"], fields: [] },
  page: { parameters: ["page"], fields: [], optional: ["size"] },
};

/** The option `client.pages`, read by the client and the query plugins alike. */
export const pagesOption: PluginOption<PageDeclarations> = {
  type: "object",
  default: {},
  help: 'Page shapes by endpoint, where the description does not show them: { "GET /things": { kind: "cursor", parameter: "after", field: "next", items: "data" } }',
  config: "client.pages",
  problem: pagesProblem,
};

/**
 * Why `value` is not a `client.pages` object (its shape only; what it names is checked against
 * the model by `declaredPages`), or undefined.
 */
export function pagesProblem(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return 'must be an object: { "GET /things": { kind: "cursor", parameter: "after", field: "next", items: "data" } }';
  for (const [key, shape] of Object.entries(value)) {
    const at = `[${JSON.stringify(key)}]`;
    if (typeof shape !== "object" || shape === null || Array.isArray(shape))
      return `${at} must be an object with a "kind"`;
    const kind = (shape as Record<string, unknown>)["kind"];
    const keys = KEYS[kind as PageShape["kind"]];
    if (!Object.hasOwn(KEYS, kind as string) || !keys)
      return `${at}.kind must be one of ${Object.keys(KEYS)
        .map((k) => JSON.stringify(k))
        .join(", ")}, got ${JSON.stringify(kind)}`;
    const required = [...keys.parameters, ...keys.fields];
    const allowed = ["kind", "items", ...required, ...(keys.optional ?? [])];
    for (const [name, v] of Object.entries(shape)) {
      if (!allowed.includes(name))
        return `${at}: ${JSON.stringify(name)} is not a key of the ${kind} shape (keys: ${allowed.join(", ")})`;
      if (name !== "kind" && (typeof v !== "string" || v === ""))
        return `${at}.${name} must be a non-empty string`;
    }
    const missing = required.find((name) => !(name in shape));
    if (missing) return `${at}: the ${kind} shape needs "${missing}"`;
  }
  return undefined;
}

/**
 * The declared page shapes by endpoint key, each checked against its endpoint: a key that names
 * no endpoint, a query parameter the endpoint does not have, or a property its success body does
 * not declare is a `client/page-declaration` error, and that declaration is dropped (never guessed).
 */
export function declaredPages(
  model: ApiModel,
  declarations: PageDeclarations | undefined,
): { pages: Map<string, PageShape>; diagnostics: Diagnostic[] } {
  const pages = new Map<string, PageShape>();
  const reporter = new Reporter();
  const byKey = new Map(model.endpoints.map((e) => [endpointKey(e), e]));
  for (const [key, shape] of Object.entries(declarations ?? {})) {
    const endpoint = byKey.get(key);
    if (!endpoint) {
      reporter.report(
        "client/page-declaration",
        `client.pages[${JSON.stringify(key)}] names no endpoint ("METHOD /path" as the description writes it)`,
        fileStart("client.pages"),
      );
      continue;
    }
    const problems = shapeProblems(model, endpoint, shape);
    for (const problem of problems)
      reporter.report(
        "client/page-declaration",
        `client.pages[${JSON.stringify(key)}]: ${problem}`,
        endpoint.sources[0] ?? fileStart("client.pages"),
      );
    if (problems.length === 0) pages.set(key, inOrder(shape));
  }
  return { pages, diagnostics: reporter.diagnostics };
}

/** What `shape` names that `endpoint` lacks. */
function shapeProblems(
  model: ApiModel,
  endpoint: Endpoint,
  shape: PageShape,
): string[] {
  const problems: string[] = [];
  const keys = KEYS[shape.kind];
  const named = shape as unknown as Record<string, string | undefined>;
  const query = endpoint.parameters.query.map((p) => p.name);
  for (const key of [...keys.parameters, ...(keys.optional ?? [])]) {
    const name = named[key];
    if (name !== undefined && !query.includes(name))
      problems.push(
        `${key} ${JSON.stringify(name)} is not a query parameter of ${endpointKey(endpoint)} (its query parameters: ${query.join(", ") || "none"})`,
      );
  }
  const properties = bodyProperties(model, endpoint);
  for (const key of [...keys.fields, "items"]) {
    const name = named[key];
    if (name !== undefined && !properties.includes(name))
      problems.push(
        `${key} ${JSON.stringify(name)} is not a property of the JSON success body of ${endpointKey(endpoint)} (its properties: ${properties.join(", ") || "none"})`,
      );
  }
  return problems;
}

/** The properties the JSON bodies of the endpoint's successes declare. */
function bodyProperties(model: ApiModel, endpoint: Endpoint): string[] {
  const successes = successStatuses(endpoint);
  const names = new Set<string>();
  for (const response of endpoint.responses) {
    if (!successes.includes(response.status)) continue;
    for (const content of response.content) {
      if (!/^application\/(.+\+)?json\b/i.test(content.mediaType)) continue;
      const body = resolveSchema(model.schemas, content.schema);
      for (const name of Object.keys(body?.properties ?? {})) names.add(name);
    }
  }
  return [...names].sort();
}

/** The shape's keys in one order (kind, parameters, fields, items), whatever the config's order. */
function inOrder(shape: PageShape): PageShape {
  const keys = KEYS[shape.kind];
  const named = shape as unknown as Record<string, string | undefined>;
  const ordered: Record<string, string> = { kind: shape.kind };
  for (const key of [
    ...keys.parameters,
    ...(keys.optional ?? []),
    ...keys.fields,
    "items",
  ])
    if (named[key] !== undefined) ordered[key] = named[key];
  return ordered as unknown as PageShape;
}
