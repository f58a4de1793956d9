import { fileStart, routeGroups, routeSelectors } from "../toolkit.js";
import type { Reporter } from "../artifact.js";
import type { ApiModel } from "../../model/types.js";

/**
 * Endpoints one URL matches that no parameter tells apart (routeSelectors): the router gives
 * such a URL to the first in the model, so the others are never reached.
 */
export function reportAmbiguousRoutes(
  model: ApiModel,
  reporter: Reporter,
): void {
  const { groups, unroutable } = routeGroups(model);
  for (const endpoint of unroutable)
    reporter.report(
      "server/unroutable-path",
      `${endpoint.method.toUpperCase()} ${endpoint.path} (${endpoint.name}) writes a path parameter into its query; a router matches the request's path alone, so the server never calls its handler`,
      endpoint.sources[0] ?? fileStart(""),
    );
  const selected = routeSelectors(model);
  for (const [winner, ...others] of groups.values())
    for (const endpoint of others) {
      if (selected.has(endpoint)) continue;
      reporter.report(
        "server/ambiguous-route",
        `${endpoint.method.toUpperCase()} ${endpoint.path} (${endpoint.name}) matches the same URLs as ` +
          `${winner!.path} (${winner!.name}); the server routes them to ${winner!.name}`,
        endpoint.sources[0] ?? fileStart(""),
        winner!.sources.slice(0, 1),
      );
    }
}
