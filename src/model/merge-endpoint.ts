import { assignOwn } from "./own.js";
import { emptyParameters } from "./factories.js";
import { pathVariables } from "./path-template.js";
import { schemaRefName } from "./schema-ref.js";
import {
  canonicalJson,
  compareSources,
  FORMAT_RANK,
  pickWinner,
  type Offer,
} from "./rank.js";
import type {
  Endpoint,
  MediaContent,
  Parameter,
  ParameterLocation,
  RequestBody,
  ApiResponse,
  SourceRef,
} from "./types.js";
import { PARAMETER_LOCATIONS } from "./types.js";
import type { Reporter } from "./reporter.js";

/** One document's view of an endpoint, with the rank of the document it came from (src/model/rank.ts). */
export interface EndpointOffer {
  endpoint: Endpoint;
  rank: number;
}

/**
 * Merges every source's view of one endpoint (same method, same path once variable names are
 * erased). Parameters, media types, responses, tags and sources are unioned; where sources
 * disagree on one fact the rule of src/model/rank.ts picks the winner and a diagnostic names both
 * places.
 */
export function mergeEndpoint(
  offers: readonly EndpointOffer[],
  reporter: Reporter,
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
    nameCandidates: views.flatMap((v) => v.endpoint.nameCandidates),
    parameters: emptyParameters(),
    responses: mergeResponses(views),
    tags: dedupe(views.flatMap((v) => v.endpoint.tags)),
    deprecated: views.some((v) => v.endpoint.deprecated),
    extensions: {},
    sources: views.flatMap((v) => v.endpoint.sources).sort(compareSources),
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
  const summary = richestText(views, (e) => e.summary);
  if (summary !== undefined) merged.summary = summary;
  const description = richestText(views, (e) => e.description);
  if (description !== undefined) merged.description = description;
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
  return merged;
}

function offer<T>(
  view: EndpointOffer,
  value: T,
  richness = 0,
  source = view.endpoint.sources[0]!,
): Offer<T> {
  return { value, rank: view.rank, source, richness };
}

function countScopes(security: Record<string, string[]>[]): number {
  return security.reduce(
    (n, requirement) =>
      n +
      Object.values(requirement).reduce(
        (m, scopes) => m + scopes.length + 1,
        0,
      ),
    0,
  );
}

/** The longest text wins ("the richer description kept"). */
function richestText(
  views: EndpointOffer[],
  get: (e: Endpoint) => string | undefined,
): string | undefined {
  return pickWinner(
    views.flatMap((v) => {
      const text = get(v.endpoint)?.trim();
      return text
        ? [
            {
              value: text,
              rank: v.rank,
              source: v.endpoint.sources[0]!,
              richness: text.length,
            },
          ]
        : [];
    }),
  )?.value;
}

function dedupe(values: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values) {
    const key = value.toLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      out.push(value);
    }
  }
  return out;
}

/**
 * Sources may name path variables differently (`/site/{cloudId}` vs `/site/{siteId}`): the lead
 * source's names win, matched by position, and the other views are rewritten to use them.
 */
function renamePathVariables(
  view: EndpointOffer,
  path: string,
  reporter: Reporter,
): EndpointOffer {
  if (view.endpoint.path === path) return view;
  const wanted = pathVariables(path);
  const had = pathVariables(view.endpoint.path);
  const rename = new Map(had.map((name, i) => [name, wanted[i] ?? name]));
  const source = view.endpoint.sources[0]!;
  reporter.report(
    "merge/path-variable-names",
    `${view.endpoint.method.toUpperCase()} ${view.endpoint.path} names its path variables differently from ${path}; using ${path}`,
    source,
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

function mergeParameters(
  views: EndpointOffer[],
  location: ParameterLocation,
  merged: Endpoint,
  reporter: Reporter,
): Parameter[] {
  const byName = new Map<
    string,
    { view: EndpointOffer; parameter: Parameter }[]
  >();
  for (const view of views) {
    for (const parameter of view.endpoint.parameters[location]) {
      const key =
        location === "header" ? parameter.name.toLowerCase() : parameter.name;
      let list = byName.get(key);
      if (!list) byName.set(key, (list = []));
      list.push({ view, parameter });
    }
  }
  const out: Parameter[] = [];
  for (const list of byName.values()) {
    const lead = list[0]!.parameter;
    const typed = list.filter((entry) => entry.parameter.schema !== undefined);
    const schemaWinner = pickWinner(
      typed.map((entry) =>
        offer(
          entry.view,
          entry,
          Object.keys(entry.parameter.schema!).length,
          entry.parameter.sources[0],
        ),
      ),
    );
    const distinct = new Map<string, Parameter>();
    for (const entry of typed)
      distinct.set(canonicalJson(entry.parameter.schema), entry.parameter);
    if (distinct.size > 1 && schemaWinner) {
      const [first, second] = [...distinct.values()].sort((a, b) =>
        compareSources(a.sources[0]!, b.sources[0]!),
      );
      const at = first!.sources[0]!;
      reporter.report(
        "merge/parameter-type-conflict",
        `${merged.method.toUpperCase()} ${merged.path}: ${location} parameter '${lead.name}' has different types ` +
          `(${describeSchema(first!)} here, ${describeSchema(second!)} at ${second!.sources[0]!.file}:${second!.sources[0]!.line}); ` +
          `using ${describeSchema(schemaWinner.value.parameter)} from ${schemaWinner.source.file}:${schemaWinner.source.line}`,
        at,
        [second!.sources[0]!],
      );
    }
    const base = schemaWinner?.value.parameter ?? lead;
    const parameter: Parameter = {
      ...base,
      sources: list.flatMap((e) => e.parameter.sources).sort(compareSources),
    };
    parameter.required =
      location === "path" || list.some((e) => e.parameter.required);
    const description = pickWinner(
      list.flatMap((e) =>
        e.parameter.description
          ? [
              offer(
                e.view,
                e.parameter.description,
                e.parameter.description.length,
                e.parameter.sources[0],
              ),
            ]
          : [],
      ),
    );
    if (description) parameter.description = description.value;
    if (parameter.example === undefined) {
      const example = list.find((e) => e.parameter.example !== undefined);
      if (example) parameter.example = example.parameter.example;
    }
    out.push(parameter);
  }
  if (location === "path") {
    // path parameters follow the template's order
    const order = pathVariables(merged.path);
    out.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
  }
  return out;
}

function describeSchema(parameter: Parameter): string {
  const schema = parameter.schema ?? {};
  const type = Array.isArray(schema.type)
    ? schema.type.join("|")
    : (schema.type ??
      (schema.$ref ? (schemaRefName(schema.$ref) ?? schema.$ref) : "any"));
  return schema.format ? `${type} (${schema.format})` : String(type);
}

function mergeContent(
  entries: {
    view: EndpointOffer;
    content: MediaContent[];
    source: SourceRef;
  }[],
): MediaContent[] {
  const byType = new Map<
    string,
    { view: EndpointOffer; media: MediaContent; source: SourceRef }[]
  >();
  for (const entry of entries) {
    for (const media of entry.content) {
      let list = byType.get(media.mediaType);
      if (!list) byType.set(media.mediaType, (list = []));
      list.push({ view: entry.view, media, source: entry.source });
    }
  }
  const out: MediaContent[] = [];
  for (const [mediaType, list] of byType) {
    const schema = pickWinner(
      list.flatMap((e) =>
        e.media.schema
          ? [
              offer(
                e.view,
                e.media.schema,
                inferredPenalty(e.media.schema),
                e.source,
              ),
            ]
          : [],
      ),
    );
    const examples = list.flatMap((e) => e.media.examples ?? []);
    const media: MediaContent = { mediaType };
    if (schema) media.schema = schema.value;
    if (examples.length > 0) media.examples = dedupeExamples(examples);
    const encoding = list.find((e) => e.media.encoding)?.media.encoding;
    if (encoding) media.encoding = encoding;
    out.push(media);
  }
  return out;
}

/** A schema guessed from an example loses to a declared one. */
function inferredPenalty(schema: Record<string, unknown>): number {
  return schema["x-apiloom-inferred"] === true ? 0 : 1;
}

function dedupeExamples<T>(examples: T[]): T[] {
  const seen = new Set<string>();
  return examples.filter((example) => {
    const key = canonicalJson(example);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function mergeRequestBody(views: EndpointOffer[]): RequestBody | undefined {
  const bodies = views.flatMap((v) =>
    v.endpoint.requestBody ? [{ view: v, body: v.endpoint.requestBody }] : [],
  );
  if (bodies.length === 0) return undefined;
  const body: RequestBody = {
    required: bodies.some((b) => b.body.required),
    content: mergeContent(
      bodies.map((b) => ({
        view: b.view,
        content: b.body.content,
        source: b.body.sources[0] ?? b.view.endpoint.sources[0]!,
      })),
    ),
    sources: bodies.flatMap((b) => b.body.sources).sort(compareSources),
  };
  const description = pickWinner(
    bodies.flatMap((b) =>
      b.body.description
        ? [offer(b.view, b.body.description, b.body.description.length)]
        : [],
    ),
  );
  if (description) body.description = description.value;
  return body;
}

function mergeResponses(views: EndpointOffer[]): ApiResponse[] {
  const byStatus = new Map<
    string,
    { view: EndpointOffer; response: ApiResponse }[]
  >();
  for (const view of views) {
    for (const response of view.endpoint.responses) {
      let list = byStatus.get(response.status);
      if (!list) byStatus.set(response.status, (list = []));
      list.push({ view, response });
    }
  }
  const out: ApiResponse[] = [];
  for (const [status, list] of byStatus) {
    const description = pickWinner(
      list.map((e) =>
        offer(e.view, e.response.description, e.response.description.length),
      ),
    );
    const response: ApiResponse = {
      status,
      description: description?.value ?? "",
      content: mergeContent(
        list.map((e) => ({
          view: e.view,
          content: e.response.content,
          source: e.response.sources[0] ?? e.view.endpoint.sources[0]!,
        })),
      ),
      sources: list.flatMap((e) => e.response.sources).sort(compareSources),
    };
    const headers = assignOwn(
      {},
      ...[...list].reverse().map((e) => e.response.headers ?? {}),
    );
    if (Object.keys(headers).length > 0) response.headers = headers;
    out.push(response);
  }
  return out.sort(
    (a, b) =>
      statusOrder(a.status) - statusOrder(b.status) ||
      (a.status < b.status ? -1 : 1),
  );
}

function statusOrder(status: string): number {
  if (status === "default") return 1000;
  const n = Number.parseInt(status.replace(/X/gi, "0"), 10);
  return Number.isNaN(n) ? 999 : n;
}
