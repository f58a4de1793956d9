import type { ModelReporter } from "../diagnostics/codes.js";
import type { DocumentModel, Endpoint } from "../types.js";

/**
 * What a path template must be before it can become a URL: `{name}` variables, each once, and no
 * other brace. An endpoint whose template is not (`/users/{id`, `/a/{}/b`, `/x/{id}/{id}`) is
 * reported at its line and left out, since the client would send the braces literally and the
 * server's router cannot tell the two `{id}`s apart.
 */
export function templateProblem(path: string): string | undefined {
  const seen = new Set<string>();
  let rest = path;
  for (;;) {
    const open = rest.indexOf("{");
    const close = rest.indexOf("}");
    if (open === -1 && close === -1) return undefined;
    if (close !== -1 && (open === -1 || close < open))
      return "a '}' closes no '{'";
    const end = rest.indexOf("}", open + 1);
    const nested = rest.indexOf("{", open + 1);
    if (end === -1) return `the '{' at '${rest.slice(open)}' is never closed`;
    if (nested !== -1 && nested < end) return "a '{' opens inside another";
    const name = rest.slice(open + 1, end);
    if (name.trim() === "") return "a '{}' names no variable";
    if (seen.has(name)) return `'{${name}}' appears twice`;
    seen.add(name);
    rest = rest.slice(end + 1);
  }
}

/** The documents without the endpoints whose path template is unusable (each reported). */
export function dropInvalidTemplates(
  documents: readonly DocumentModel[],
  reporter: ModelReporter,
): DocumentModel[] {
  return documents.map((doc) => {
    const endpoints = doc.endpoints.filter((endpoint) => {
      const problem = templateProblem(endpoint.path);
      if (problem === undefined) return true;
      const at = endpoint.sources[0]!;
      reporter.report(
        "model/invalid-path-template",
        `${endpoint.method.toUpperCase()} ${endpoint.path}: ${problem}; the endpoint is left out`,
        at,
      );
      return false;
    });
    return endpoints.length === doc.endpoints.length
      ? doc
      : { ...doc, endpoints };
  });
}

/** Drops declared path parameters the template has no `{name}` for, each reported at its line. */
export function dropUnusedPathParameters(
  endpoint: Endpoint,
  variables: readonly string[],
  reporter: ModelReporter,
): void {
  const path = endpoint.parameters.path;
  const unused = path.filter((p) => !variables.includes(p.name));
  if (unused.length === 0) return;
  for (const parameter of unused) {
    const at = parameter.sources[0] ?? endpoint.sources[0]!;
    reporter.report(
      "model/unused-path-parameter",
      `${endpoint.method.toUpperCase()} ${endpoint.path}: the path parameter '${parameter.name}' is not in the path template; it is left out`,
      at,
    );
  }
  endpoint.parameters.path = path.filter((p) => variables.includes(p.name));
}
