import { mergeDocuments } from "./merge.js";
import { assignNames, endpointKey, type NamingOptions } from "./naming.js";
import { compareCodeUnits, compareEndpoints } from "../order.js";
import {
  pathVariables,
  queryVariables,
  sortByTemplate,
} from "../path-template.js";
import { allParameters } from "../factories.js";
import { shareEmpties } from "../lists.js";
import { compareSources, isPreferred } from "./rank.js";
import { resolveSerialization } from "../serialization.js";
import { applyProseAuth } from "./scopes-from-prose.js";
import { assessTags } from "../tag-quality.js";
import { applyTagOverrides, type TagOverrides } from "./tag-overrides.js";
import {
  fileStart,
  Reporter,
  SEVERITY_ORDER,
} from "../diagnostics/reporter.js";
import { ModelReporter } from "../diagnostics/codes.js";
import {
  baseMediaType,
  bodyReading,
  fieldlessForm,
  isJsonMediaType,
} from "../media-types.js";
import { admitsType } from "../schema/schema.js";
import { applyBodySignals } from "./undescribed-body.js";
import { nameWebhooks } from "./webhooks.js";
import type {
  ApiInfo,
  ApiModel,
  Diagnostic,
  DocumentModel,
  Endpoint,
  NamedSchema,
} from "../types.js";

export interface BuildOptions extends NamingOptions {
  /** Files or folders whose facts win when sources disagree, earlier first (before rank.ts). */
  prefer?: readonly string[];
  /** Title, version or description that replace the merged ones (config `info`). */
  info?: InfoOverride;
  /** Tags renamed, merged or described (config `tags`). */
  tags?: TagOverrides;
  /** How dates and int64s are held (config `dates`, `int64`), carried on the model. */
  scalars?: ApiModel["scalars"];
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
  return buildModelTakingDocuments({ documents }, ingestDiagnostics, options);
}

/**
 * {@link buildModel} for a caller that hands its documents over: they are taken out of `handed`,
 * so what the merge did not keep of them is garbage while the rest of the build runs.
 */
export function buildModelTakingDocuments(
  handed: { documents: DocumentModel[] | undefined },
  ingestDiagnostics: readonly Diagnostic[] | ModelReporter,
  options: BuildOptions = {},
): ApiModel {
  // given the reading's reporter, one into the same list: the places both wait for are found in
  // one walk per document
  const reporter =
    ingestDiagnostics instanceof Reporter
      ? ingestDiagnostics.scope()
      : new ModelReporter();
  if (!(ingestDiagnostics instanceof Reporter)) reporter.add(ingestDiagnostics);
  const openApi32 = handed.documents?.some((d) => d.format === "openapi3.2");
  const { merged, inferredScheme, patterns } = mergeTaken(
    handed,
    reporter,
    options,
  );
  if (inferredScheme && !merged.securitySchemes[inferredScheme.name])
    merged.securitySchemes = {
      ...merged.securitySchemes,
      [inferredScheme.name]: inferredScheme,
    };
  if (options.tags) applyTagOverrides(merged, options.tags);
  const endpoints = merged.endpoints.sort(compareEndpoints);
  assignNames(endpoints, options, reporter);
  const tags = assessTags(endpoints);
  if (tags.degenerate)
    reporter.report(
      "model/degenerate-tags",
      `${tags.reason}: the docs group endpoints by the resource their path names instead (docs.groupBy: "tag" keeps the tags)`,
      endpoints.find((e) => e.tags.length > 0)!.sources[0]!,
    );
  for (const endpoint of endpoints) {
    declareTemplateVariables(endpoint, reporter);
    applyBodySignals(endpoint, reporter);
    reportUntyped(endpoint, reporter);
    reportTextBodies(endpoint, merged.schemas, reporter);
    for (const parameter of allParameters(endpoint.parameters))
      parameter.serialization = resolveSerialization(parameter.in, parameter);
    shareEmpties(endpoint);
  }
  if (merged.webhooks) {
    nameWebhooks(merged.webhooks, endpoints, options.lockedNames);
    for (const webhook of merged.webhooks)
      reportTextBodies(
        webhook,
        merged.schemas,
        reporter,
        `webhook ${webhook.key} (${webhook.method.toUpperCase()})`,
      );
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
    // by place, then severity, code and message
    diagnostics: reporter.diagnostics.sort(
      (a, b) =>
        compareSources({ ...a, pointer: "" }, { ...b, pointer: "" }) ||
        SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
        compareCodeUnits(a.code, b.code) ||
        compareCodeUnits(a.message, b.message),
    ),
    patterns,
    ...(openApi32 ? { openApi32: true as const } : {}),
    ...(options.scalars ? { scalars: options.scalars } : {}),
  };
}

/** The merge of the documents taken out of `handed`, in a call of its own: its frame holds them. */
function mergeTaken(
  handed: Parameters<typeof buildModelTakingDocuments>[0],
  reporter: ModelReporter,
  options: BuildOptions,
) {
  const documents = handed.documents ?? [];
  handed.documents = undefined;
  const maps = new Set(documents.flatMap((d) => d.patterns ?? []));
  const patterns =
    maps.size === 0 ? undefined : new Map([...maps].flatMap((map) => [...map]));
  const prose = applyProseAuth(documents, reporter);
  const merged = mergeDocuments(
    dropInvalidTemplates(prose.documents, reporter),
    reporter,
    options.prefer,
  );
  reportUnmatchedPreferences(documents, options.prefer ?? [], reporter);
  return { merged, inferredScheme: prose.scheme, patterns };
}

/**
 * A path parameter that is not in the path template is left out. A `{name}` of the path that no
 * source declares (as a path parameter, or as a query parameter where the key writes it in a
 * query) becomes a required string path parameter.
 */
function declareTemplateVariables(endpoint: Endpoint, reporter: ModelReporter) {
  const variables = pathVariables(endpoint.path);
  const unused = endpoint.parameters.path.filter(
    (p) => !variables.includes(p.name),
  );
  for (const parameter of unused)
    reporter.report(
      "model/unused-path-parameter",
      `${endpointKey(endpoint)}: the path parameter '${parameter.name}' is not in the path template; it is left out`,
      parameter.sources[0] ?? endpoint.sources[0]!,
    );
  if (unused.length > 0)
    endpoint.parameters.path = endpoint.parameters.path.filter((p) =>
      variables.includes(p.name),
    );
  const path = endpoint.parameters.path;
  const declared = new Set(path.map((p) => p.name));
  // `/search?query={query}` where `query` is a query parameter: the key only shows where it goes
  const inQuery = queryVariables(endpoint.path);
  for (const q of endpoint.parameters.query)
    if (inQuery.has(q.name)) declared.add(q.name);
  const missing = variables.filter((name) => !declared.has(name));
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
  sortByTemplate(path, endpoint.path);
  reporter.report(
    "model/undeclared-path-parameter",
    `${endpointKey(endpoint)}: no source declares the path parameter${missing.length === 1 ? "" : "s"} ${missing.map((n) => `'${n}'`).join(", ")}; the generated code takes ${missing.length === 1 ? "it" : "them"} as a required string`,
    at,
  );
}

function reportUntyped(endpoint: Endpoint, reporter: ModelReporter): void {
  const untyped = allParameters(endpoint.parameters).filter(
    (p) => p.schema === undefined,
  );
  if (untyped.length === 0) return;
  const names = untyped.map((p) => `${p.in} '${p.name}'`).join(", ");
  reporter.report(
    "model/untyped-parameter",
    `${endpointKey(endpoint)}: no source gives a type for ${names}; the client takes ${untyped.length === 1 ? "it" : "them"} as string | number (sent as text) and the server hands ${untyped.length === 1 ? "it" : "them"} over as string`,
    untyped[0]!.sources[0] ?? endpoint.sources[0]!,
  );
}

function reportUnmatchedPreferences(
  documents: DocumentModel[],
  prefer: readonly string[],
  reporter: ModelReporter,
): void {
  for (const entry of prefer)
    if (!documents.some((doc) => isPreferred(doc.file, [entry])))
      reporter.report(
        "merge/unmatched-prefer",
        `the preferred file or folder ${JSON.stringify(entry)} is neither an input nor a folder holding one: it prefers nothing`,
        fileStart(entry),
      );
}

/**
 * Reports each `text/*` media type of a request body whose schema admits no string (the usual
 * cause: a Swagger 2.0 operation that `consumes` JSON and text/plain with one body schema), and
 * a form whose schema names no fields.
 */
function reportTextBodies(
  endpoint: Endpoint,
  schemas: Readonly<Record<string, NamedSchema>>,
  reporter: ModelReporter,
  what = endpointKey(endpoint),
): void {
  const body = endpoint.requestBody;
  if (!body) return;
  const content = body.content;
  const refused = content.filter(
    (c) =>
      bodyReading(c.mediaType) === "text" &&
      c.schema !== undefined &&
      !admitsType(schemas, c.schema, "string"),
  );
  const fieldless = content.find((c) => fieldlessForm(c, schemas));
  if (fieldless)
    reporter.report(
      "model/form-body-not-object",
      `${what}: its ${baseMediaType(fieldless.mediaType)} body's schema admits no object, so it names no fields: ${fieldlessForm(fieldless, schemas) === "string" ? `the client sends the text given, the server hands over the text it gets${admitsType(schemas, fieldless.schema, "string") ? "" : ", which the schema refuses (400): give it a string schema"}` : `${content.length === 1 ? "the client sends the FormData given, " : ""}the server hands over the FormData it gets, unchecked`}`,
      body.sources[0] ?? endpoint.sources[0]!,
    );
  if (refused.length === 0) return;
  const types = [...new Set(refused.map((c) => baseMediaType(c.mediaType)))];
  const sent =
    !content.some((c) => isJsonMediaType(c.mediaType)) &&
    refused[0] === content[0];
  reporter.report(
    "model/text-body-not-string",
    `${what}: a ${types.join(" or ")} body is a string, which its schema does not admit: the generated server refuses every such body (400)${sent ? `, and the generated client sends the value as JSON text labelled ${types[0]}` : ""}. If the API reads JSON under that label, list application/json; if it takes text, give ${types.length === 1 ? "it" : "them"} a string schema`,
    body.sources[0] ?? endpoint.sources[0]!,
  );
}

/**
 * What is wrong with a path template, if anything: it must have `{name}` variables, each once,
 * and no other brace (a client would send the braces literally; a router cannot tell two `{id}`s).
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
    const nested = rest.indexOf("{", open + 1);
    if (close === -1) return `the '{' at '${rest.slice(open)}' is never closed`;
    if (nested !== -1 && nested < close) return "a '{' opens inside another";
    const name = rest.slice(open + 1, close);
    if (name.trim() === "") return "a '{}' names no variable";
    if (seen.has(name)) return `'{${name}}' appears twice`;
    seen.add(name);
    rest = rest.slice(close + 1);
  }
}

function dropInvalidTemplates(
  documents: readonly DocumentModel[],
  reporter: ModelReporter,
): DocumentModel[] {
  return documents.map((doc) => {
    const endpoints = doc.endpoints.filter((endpoint) => {
      const problem = templateProblem(endpoint.path);
      if (problem === undefined) return true;
      reporter.report(
        "model/invalid-path-template",
        `${endpointKey(endpoint)}: ${problem}; the endpoint is left out`,
        endpoint.sources[0]!,
      );
      return false;
    });
    return endpoints.length === doc.endpoints.length
      ? doc
      : { ...doc, endpoints };
  });
}
