import { isJsonMediaType } from "../../model/media-types.js";
import { endpointKey } from "../../model/merge/naming.js";
import type { PageShape } from "../../model/pagination.js";
import { fileStart } from "../../model/diagnostics/reporter.js";
import { EmitReporter } from "../codes.js";
import { allProperties } from "../../model/schema/members.js";
import type { ApiModel, Diagnostic, Endpoint } from "../../model/types.js";
import { successStatuses } from "../../model/item-streams.js";
import { PAGE_SHAPE_KEYS as KEYS, type PageDeclarations } from "./options.js";

/** The declared page shapes by endpoint key; one naming what its endpoint lacks is an error, dropped. */
export function declaredPages(
  model: ApiModel,
  declarations: PageDeclarations | undefined,
): { pages: Map<string, PageShape>; diagnostics: Diagnostic[] } {
  const pages = new Map<string, PageShape>();
  const reporter = new EmitReporter();
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
function shapeProblems(model: ApiModel, endpoint: Endpoint, shape: PageShape) {
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
  const successes = successStatuses(endpoint.responses);
  const names = endpoint.responses
    .filter((r) => successes.includes(r.status))
    .flatMap((r) => r.content.filter((c) => isJsonMediaType(c.mediaType)))
    .flatMap((c) => Object.keys(allProperties(model.schemas, c.schema)));
  return [...new Set(names)].sort();
}

/** The shape's keys in one order (kind, parameters, fields, items), whatever the config's order. */
function inOrder(shape: PageShape): PageShape {
  const { parameters, optional = [], fields } = KEYS[shape.kind];
  const named = shape as unknown as Record<string, string | undefined>;
  const order = ["kind", ...parameters, ...optional, ...fields, "items"];
  return Object.fromEntries(
    order.filter((key) => named[key] !== undefined).map((k) => [k, named[k]]),
  ) as unknown as PageShape;
}
