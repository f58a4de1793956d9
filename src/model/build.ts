import { mergeDocuments } from "./merge.js";
import { assignNames, type NamingOptions } from "./naming.js";
import { compareCodeUnits, compareEndpoints } from "./order.js";
import {
  dropInvalidTemplates,
  dropUnusedPathParameters,
} from "./path-checks.js";
import { pathVariables } from "./path-template.js";
import { compareSources, isPreferred } from "./rank.js";
import { applyProseAuth } from "./scopes-from-prose.js";
import { assessTags } from "./tag-quality.js";
import { applyTagOverrides, type TagOverrides } from "./tag-overrides.js";
import { applyBodySignals } from "./undescribed-body.js";
import type {
  ApiInfo,
  ApiModel,
  Diagnostic,
  DocumentModel,
  Endpoint,
} from "./types.js";
import { PARAMETER_LOCATIONS } from "./types.js";

export interface BuildOptions extends NamingOptions {
  /**
   * Files or folders (as the inputs' paths are shown) whose facts win when sources disagree,
   * earlier entries first; before the format ranking of src/model/rank.ts.
   */
  prefer?: readonly string[];
  /** Title, version or description that replace the merged ones (config `info`). */
  info?: InfoOverride;
  /** Tags renamed, merged or described (config `tags`). */
  tags?: TagOverrides;
}

export type InfoOverride = Partial<ApiInfo>;

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
  reportUnmatchedPreferences(documents, options.prefer ?? [], report);
  if (inferredScheme && !merged.securitySchemes[inferredScheme.name]) {
    merged.securitySchemes = {
      ...merged.securitySchemes,
      [inferredScheme.name]: inferredScheme,
    };
  }
  if (options.tags) applyTagOverrides(merged, options.tags);
  const endpoints = merged.endpoints.sort(compareEndpoints);
  assignNames(endpoints, options, report);
  reportDegenerateTags(endpoints, report);
  for (const endpoint of endpoints) {
    declareTemplateVariables(endpoint, report);
    applyBodySignals(endpoint, report);
    reportUntyped(endpoint, report);
  }
  const info = { ...merged.info };
  for (const key of ["title", "version", "description"] as const) {
    const value = options.info?.[key];
    if (value !== undefined) info[key] = value;
  }
  return {
    ...merged,
    info,
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

function reportDegenerateTags(
  endpoints: readonly Endpoint[],
  report: (d: Diagnostic) => void,
): void {
  const assessment = assessTags(endpoints);
  if (!assessment.degenerate) return;
  const at = endpoints.find((e) => e.tags.length > 0)!.sources[0]!;
  report({
    severity: "info",
    code: "model/degenerate-tags",
    message: `${assessment.reason}: the docs group endpoints by the resource their path names instead (docs.groupBy: "tag" keeps the tags)`,
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
    message: `${endpoint.method.toUpperCase()} ${endpoint.path}: no source gives a type for ${names}; the client takes ${untyped.length === 1 ? "it" : "them"} as string | number (sent as text) and the server hands ${untyped.length === 1 ? "it" : "them"} over as string`,
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

/** A `prefer` entry that names no input (a typo, a file not among the inputs) prefers nothing. */
function reportUnmatchedPreferences(
  documents: DocumentModel[],
  prefer: readonly string[],
  report: (d: Diagnostic) => void,
): void {
  for (const entry of prefer)
    if (!documents.some((doc) => isPreferred(doc.file, [entry])))
      report({
        severity: "warning",
        code: "merge/unmatched-prefer",
        message: `the preferred file or folder ${JSON.stringify(entry)} is neither an input nor a folder holding one: it prefers nothing`,
        file: entry,
        line: 1,
        column: 1,
      });
}
