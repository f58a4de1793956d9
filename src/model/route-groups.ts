// Which endpoints one URL matches, and what tells them apart: the server routes by it, the
// mocks answer by it.
import { allParameters, parameterKey } from "./factories.js";
import { grouped } from "./lists.js";
import { pathShape, routedPath, wirePath } from "./path-template.js";
import { decodeText } from "./pointer.js";
import { resolveSchema, scalarValues } from "./schema/schema.js";
import type { ApiModel, Endpoint } from "./types.js";

/** The parameter value that picks an endpoint among those one URL matches. */
export interface RouteSelector {
  in: "header" | "query";
  /** A header's name in lower case (as node:http gives it), a query parameter's as declared. */
  name: string;
  value: string;
}

/**
 * The endpoints with one method whose templates match the same URLs, each with the route key
 * (`/a/{x}` and `/a/{y}`, `/a b` and `/a%20b`; not `/a/b` and `/a/b/`; `/a/recent` and `/a/{id}` are
 * two: static text wins). Keys that differ only in a query or fragment are one route
 * (`/#X-Amz-Target=A`, `/#X-Amz-Target=B`); a key whose path parameter is in its query, none.
 */
export function routeGroups(model: ApiModel): {
  groups: Map<string, Endpoint[]>;
  unroutable: Endpoint[];
} {
  const paths = new Map(model.endpoints.map((e) => [e, routedPath(e)]));
  const routed = (e: Endpoint) => paths.get(e) !== undefined;
  return {
    groups: grouped(
      model.endpoints.filter(routed),
      (e) => `${e.method} ${routeShape(paths.get(e)!)}`,
    ),
    unroutable: model.endpoints.filter((e) => !routed(e)),
  };
}

/**
 * Each endpoint one URL matches that no parameter tells apart (routeSelectors), with the one
 * that is given such a URL: the first of its group in `order` (the model's, a router's; MSW's
 * handlers are sorted), so the other is never reached.
 */
export function shadowedRoutes(
  model: ApiModel,
  order = (group: Endpoint[]) => group,
): [Endpoint, Endpoint][] {
  const selected = routeSelectors(model);
  return [...routeGroups(model).groups.values()].flatMap((group) => {
    // a group with selectors is told apart: each endpoint by its value, or one takes the rest
    if (group.some((e) => selected.has(e))) return [];
    const [first, ...others] = order(group);
    return others.map((e): [Endpoint, Endpoint] => [e, first!]);
  });
}

/**
 * The endpoints one URL matches told apart by a header or query parameter each requires with
 * one value, its own (AWS's `X-Amz-Target: AmazonSSM.GetParameter`, `?Action=AttachInstances`),
 * or by a `name=value` its key writes into its query (Flickr's `/rest?method=flickr.photos.get`):
 * the server picks among them by that value. A group is told apart whole, or all of it but one
 * endpoint that has no such value (`/templates` beside `/templates?desc=html`), which is given
 * the URLs whose value none of the others names; else not at all.
 */
export function routeSelectors(model: ApiModel): Map<Endpoint, RouteSelector> {
  const out = new Map<Endpoint, RouteSelector>();
  for (const group of routeGroups(model).groups.values()) {
    if (group.length < 2) continue;
    const options = group.map((e) => selectorsOf(model, e));
    const keys = new Set(options.flatMap((o) => [...o.keys()]));
    const tellsApart = (key: string, without: number) => {
      const picked = options.flatMap((o) => o.get(key)?.value ?? []);
      return (
        picked.length === group.length - without &&
        new Set(picked).size === picked.length
      );
    };
    const key =
      [...keys].find((k) => tellsApart(k, 0)) ??
      [...keys].find((k) => tellsApart(k, 1));
    if (key === undefined) continue;
    group.forEach((e, i) => {
      const selector = options[i]!.get(key);
      if (selector) out.set(e, selector);
    });
  }
  return out;
}

/**
 * An endpoint's required header and query parameters of one value, and the `name=value` pairs
 * of its key's query, by place and name.
 */
function selectorsOf(model: ApiModel, endpoint: Endpoint) {
  const out = new Map<string, RouteSelector>();
  for (const p of allParameters(endpoint.parameters)) {
    if (!p.required || (p.in !== "header" && p.in !== "query")) continue;
    const values = scalarValues(resolveSchema(model.schemas, p.schema));
    if (values?.length !== 1) continue;
    const name = parameterKey(p);
    out.set(`${p.in} ${name}`, { in: p.in, name, value: String(values[0]) });
  }
  // the key's own `name=value` pairs, which the client sends first, as written (wirePath; a
  // server reads a name's first value), but a name it also sends as a declared parameter
  const sent = wirePath(endpoint);
  const own = new URLSearchParams(
    sent
      .slice(sent.indexOf("?") + 1 || sent.length)
      .split("&")
      .filter((pair) => pair.includes("=") && !pair.includes("{"))
      .join("&"),
  );
  const declared = new Set(endpoint.parameters.query.map((p) => p.name));
  for (const name of new Set(own.keys()))
    if (!declared.has(name))
      out.set(`query ${name}`, { in: "query", name, value: own.get(name)! });
  return out;
}

/**
 * The set of URLs a template matches, as a string: variable names erased, leading slashes
 * collapsed, static text percent-decoded (as the router compares it).
 */
export function routeShape(path: string): string {
  const shape = pathShape(path).replace(/^\/+/, "");
  return "/" + shape.replace(/[^/]+/g, (part) => decodeText(part));
}
