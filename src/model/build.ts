import { mergeDocuments } from "./merge.js";
import { assignNames, type NamingOptions } from "./naming.js";
import { compareCodeUnits, compareEndpoints } from "./order.js";
import {
  dropInvalidTemplates,
  dropUnusedPathParameters,
} from "./path-checks.js";
import { pathVariables } from "./path-template.js";
import { compareSources } from "./rank.js";
import { applyProseAuth } from "./scopes-from-prose.js";
import type { ApiModel, Diagnostic, DocumentModel, Endpoint } from "./types.js";
import { PARAMETER_LOCATIONS } from "./types.js";

export interface BuildOptions extends NamingOptions {
  /**
   * Files or folders (as the inputs' paths are shown) whose facts win when sources disagree,
   * earlier entries first; before the format ranking of src/model/rank.ts.
   */
  prefer?: readonly string[];
}

/**
 * Weaves the documents of every input into one model: auth read from prose, merge, naming, then
 * the diagnostics only the merged model can tell. Nothing here depends on the order of `documents`.
 */
export function buildModel(
  documents: DocumentModel[],
  ingestDiagnostics: Diagnostic[],
  options: BuildOptions = {},
): ApiModel {
  const diagnostics: Diagnostic[] = [...ingestDiagnostics];
  const report = (d: Diagnostic) => diagnostics.push(d);
  const prose = applyProseAuth(documents, report);
  const inferredScheme = prose.scheme;
  const merged = mergeDocuments(
    dropInvalidTemplates(prose.documents, report),
    report,
    options.prefer,
  );
  if (inferredScheme && !merged.securitySchemes[inferredScheme.name]) {
    merged.securitySchemes = {
      ...merged.securitySchemes,
      [inferredScheme.name]: inferredScheme,
    };
  }
  const endpoints = merged.endpoints.sort(compareEndpoints);
  assignNames(endpoints, options, report);
  for (const endpoint of endpoints) {
    declareTemplateVariables(endpoint, report);
    reportUntyped(endpoint, report);
  }
  return {
    ...merged,
    endpoints,
    diagnostics: sortDiagnostics(diagnostics),
  };
}

/**
 * A `{name}` of the path that no source declares becomes a required string path parameter, so
 * the client can fill it and the server decodes it (OpenAPI requires one per template variable;
 * the OpenAPI and docs output always declared it).
 */
function declareTemplateVariables(
  endpoint: Endpoint,
  report: (d: Diagnostic) => void,
): void {
  const variables = pathVariables(endpoint.path);
  dropUnusedPathParameters(endpoint, variables, report);
  const path = endpoint.parameters.path;
  const missing = variables.filter(
    (name) => !path.some((p) => p.name === name),
  );
  if (missing.length === 0) return;
  const at = endpoint.sources[0]!;
  for (const name of missing)
    path.push({
      name,
      in: "path",
      required: true,
      schema: { type: "string" },
      sources: [at],
    });
  path.sort((a, b) => variables.indexOf(a.name) - variables.indexOf(b.name));
  report({
    severity: "warning",
    code: "model/undeclared-path-parameter",
    message: `${endpoint.method.toUpperCase()} ${endpoint.path}: no source declares the path parameter${missing.length === 1 ? "" : "s"} ${missing.map((n) => `'${n}'`).join(", ")}; the generated code takes ${missing.length === 1 ? "it" : "them"} as a required string`,
    file: at.file,
    line: at.line,
    column: at.column,
  });
}

function reportUntyped(
  endpoint: Endpoint,
  report: (d: Diagnostic) => void,
): void {
  const untyped = PARAMETER_LOCATIONS.flatMap(
    (location) => endpoint.parameters[location],
  ).filter((p) => p.schema === undefined);
  if (untyped.length === 0) return;
  const at = untyped[0]!.sources[0] ?? endpoint.sources[0]!;
  const names = untyped.map((p) => `${p.in} '${p.name}'`).join(", ");
  report({
    severity: "warning",
    code: "model/untyped-parameter",
    message: `${endpoint.method.toUpperCase()} ${endpoint.path}: no source gives a type for ${names}; the generated code types ${untyped.length === 1 ? "it" : "them"} as unknown (sent as text)`,
    file: at.file,
    line: at.line,
    column: at.column,
  });
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list
    .filter((d) => {
      const key = `${d.file}\u0000${d.line}\u0000${d.column}\u0000${d.code}\u0000${d.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort(
      (a, b) =>
        compareSources({ ...a, pointer: "" }, { ...b, pointer: "" }) ||
        SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
        compareCodeUnits(a.code, b.code) ||
        compareCodeUnits(a.message, b.message),
    );
}
