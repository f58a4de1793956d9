import { fileStart, routedPath } from "../toolkit.js";
import type { Reporter } from "../artifact.js";
import type { ApiModel, Endpoint } from "../../model/types.js";

/**
 * Endpoints with one method whose templates match the same URLs (`/a/{x}` and `/a/{y}`, `/a b` and
 * `/a%20b`; not `/a/b` and `/a/b/`): the router gives such a URL to the first in the model, so the
 * other is never reached. `/a/recent` and `/a/{id}` are not ambiguous: static text wins. Keys that
 * differ only in a query or fragment (`/#X-Amz-Target=A`, `/#X-Amz-Target=B`) are routed alike.
 */
export function reportAmbiguousRoutes(
  model: ApiModel,
  reporter: Reporter,
): void {
  const first = new Map<string, Endpoint>();
  for (const endpoint of model.endpoints) {
    const path = routedPath(endpoint);
    if (path === undefined) {
      reporter.report(
        "server/unroutable-path",
        `${endpoint.method.toUpperCase()} ${endpoint.path} (${endpoint.name}) writes a path parameter into its query; a router matches the request's path alone, so the server never calls its handler`,
        endpoint.sources[0] ?? fileStart(""),
      );
      continue;
    }
    const key = `${endpoint.method} ${routeShape(path)}`;
    const winner = first.get(key);
    if (!winner) {
      first.set(key, endpoint);
      continue;
    }
    reporter.report(
      "server/ambiguous-route",
      `${endpoint.method.toUpperCase()} ${endpoint.path} (${endpoint.name}) matches the same URLs as ` +
        `${winner.path} (${winner.name}); the server routes them to ${winner.name}`,
      endpoint.sources[0] ?? fileStart(""),
      winner.sources.slice(0, 1),
    );
  }
}

/**
 * The set of URLs a template matches, as a string: variable names erased, leading slashes
 * collapsed, static text percent-decoded (as the router compares it).
 */
export function routeShape(path: string): string {
  const shape = path.replace(/\{[^{}]+\}/g, "{}").replace(/^\/+/, "");
  return "/" + shape.split("/").map(decodeText).join("/");
}

function decodeText(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
