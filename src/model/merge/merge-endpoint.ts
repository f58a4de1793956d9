import { assignOwn } from "../own-property.js";
import { firstOfEach, joined, lowerCase } from "../lists.js";
import { emptyParameters } from "../factories.js";
import { mergeRequestBody, mergeResponses } from "./merge-content.js";
import { mergeParameters } from "./merge-parameters.js";
import { pathVariables } from "../path-template.js";
import {
  compareSources,
  longestText,
  offer,
  pickWinner,
  type EndpointOffer,
} from "./rank.js";
import { PARAMETER_LOCATIONS, type Endpoint } from "../types.js";
import type { ModelReporter } from "../diagnostics/codes.js";

/** Merges every source's view of one endpoint: lists unioned, disagreements decided by rank.ts. */
export function mergeEndpoint(
  offers: readonly EndpointOffer[],
  reporter: ModelReporter,
): Endpoint {
  const ordered = [...offers].sort(
    (a, b) =>
      b.rank - a.rank ||
      compareSources(a.endpoint.sources[0]!, b.endpoint.sources[0]!),
  );
  const lead = ordered[0]!;
  const path = lead.endpoint.path;
  const views = ordered.map((offer) =>
    renamePathVariables(offer, path, reporter),
  );

  const merged: Endpoint = {
    method: lead.endpoint.method,
    path,
    name: "",
    nameCandidates: joined(views.map((v) => v.endpoint.nameCandidates)),
    parameters: emptyParameters(),
    responses: mergeResponses(views),
    tags: firstOfEach(
      views.flatMap((v) => v.endpoint.tags),
      lowerCase,
    ),
    deprecated: views.some((v) => v.endpoint.deprecated),
    extensions: {},
    sources: joined(views.map((v) => v.endpoint.sources)).sort(compareSources),
  };
  for (const location of PARAMETER_LOCATIONS)
    merged.parameters[location] = mergeParameters(
      views,
      location,
      merged,
      reporter,
    );
  const body = mergeRequestBody(views);
  if (body) merged.requestBody = body;
  const signals = views.flatMap((v) => v.endpoint.bodySignals ?? []);
  if (signals.length > 0) merged.bodySignals = signals;
  for (const key of ["summary", "description"] as const) {
    const text = longestText(
      views,
      (v) => v,
      (v) => v.endpoint[key]?.trim(),
    );
    if (text !== undefined) merged[key] = text;
  }
  for (const view of [...views].reverse())
    assignOwn(merged.extensions, view.endpoint.extensions);
  const security = pickWinner(
    views
      .filter((v) => v.endpoint.security !== undefined)
      .map((v) =>
        offer(v, v.endpoint.security!, countScopes(v.endpoint.security!)),
      ),
  );
  if (security) merged.security = security.value;
  const servers = views.find((v) => v.endpoint.servers)?.endpoint.servers;
  if (servers) merged.servers = servers.slice();
  return merged;
}

/** A security list's richness: each scheme of each requirement, and its scopes. */
function countScopes(security: Record<string, string[]>[]): number {
  return security
    .flatMap((requirement) => Object.values(requirement))
    .reduce((n, scopes) => n + scopes.length + 1, 0);
}

/** The lead source's path variable names win, matched by position (`{cloudId}` vs `{siteId}`). */
function renamePathVariables(
  view: EndpointOffer,
  path: string,
  reporter: ModelReporter,
): EndpointOffer {
  if (view.endpoint.path === path) return view;
  const wanted = pathVariables(path);
  const had = pathVariables(view.endpoint.path);
  const rename = new Map(had.map((name, i) => [name, wanted[i] ?? name]));
  reporter.report(
    "merge/path-variable-names",
    `${view.endpoint.method.toUpperCase()} ${view.endpoint.path} names its path variables differently from ${path}; using ${path}`,
    view.endpoint.sources[0]!,
  );
  const endpoint: Endpoint = {
    ...view.endpoint,
    path,
    parameters: {
      ...view.endpoint.parameters,
      path: view.endpoint.parameters.path.map((p) => ({
        ...p,
        name: rename.get(p.name) ?? p.name,
      })),
    },
  };
  return { ...view, endpoint };
}
