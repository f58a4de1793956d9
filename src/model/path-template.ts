import type { Endpoint, Parameter } from "./types.js";

/** Names of the `{…}` variables of a template, in order. */
export function pathVariables(path: string): string[] {
  return [...path.matchAll(/\{([^{}]+)\}/g)].map((match) => match[1]!);
}

/** The key two endpoints merge on: the template with variable names erased. */
export function pathShape(path: string): string {
  return path.replace(/\{[^{}]+\}/g, "{}");
}

/** Sorts path parameters into the template's order: each name's first place in it. */
export function sortByTemplate(parameters: Parameter[], path: string): void {
  const order = new Map(
    pathVariables(path)
      .map((name, i) => [name, i] as const)
      .reverse(),
  );
  parameters.sort(
    (a, b) => (order.get(a.name) ?? -1) - (order.get(b.name) ?? -1),
  );
}

/**
 * The part of a path key that is sent as written. Some documents write a query or a fragment
 * into their path keys: APIs.guru's AWS descriptions tell operations apart with `/#X-Amz-Target=…`
 * and `/tags/{arn}#tagKeys`, others write `/rest?method=flickr.photos.get`, `/alerts?lat={lat}`
 * or `/search?query={query}`. A fragment is never sent (RFC 3986 §3.5): it and what follows go.
 * Of a query, the `name=value` pairs stay, and so do those whose `{variable}` is a path parameter
 * (`lat={lat}` where `lat` is declared `in: path`); a pair whose variable is not one stands for a
 * query parameter, which the client sends as such (`?query={query}`), and goes.
 */
export function wirePath(endpoint: Pick<Endpoint, "path" | "parameters">) {
  const { path, parameters } = endpoint;
  const isPathParameter = (name: string) =>
    parameters.path.some((p) => p.name === name);
  const hash = path.indexOf("#");
  const sent = hash < 0 ? path : path.slice(0, hash);
  const question = sent.indexOf("?");
  if (question < 0) return sent;
  const kept = sent
    .slice(question + 1)
    .split("&")
    .filter(
      (pair) => pair !== "" && pathVariables(pair).every(isPathParameter),
    );
  return sent.slice(0, question) + (kept.length ? `?${kept.join("&")}` : "");
}

/** Variables written into a path key's query or fragment (`/search?query={query}`). */
export function queryVariables(path: string): Set<string> {
  const at = path.search(/[?#]/);
  return new Set(at < 0 ? [] : pathVariables(path.slice(at)));
}

/**
 * The path a server routes a key on: what comes before its query or fragment (a router sees the
 * request's path alone; the parameters say what the query holds), or undefined where a path
 * parameter is written there (`/alerts?lat={lat}`), which no router can fill.
 */
export function routedPath(endpoint: Pick<Endpoint, "path" | "parameters">) {
  const { path, parameters } = endpoint;
  const at = path.search(/[?#]/);
  if (at < 0) return path;
  const inQuery = queryVariables(path);
  return parameters.path.some((p) => inQuery.has(p.name))
    ? undefined
    : path.slice(0, at);
}
