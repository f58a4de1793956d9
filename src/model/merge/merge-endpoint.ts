import { assignOwn } from "../own-property.js";
import { firstOfEach, grouped, joined, lowerCase } from "../lists.js";
import { emptyParameters, parameterKey } from "../factories.js";
import { pathVariables, sortByTemplate } from "../path-template.js";
import { refAlone, resolveSchema, schemaRefName } from "../schema/ref.js";
import { sameSchema, withoutAnnotations } from "../schema/schema.js";
import { isMap } from "../schema/walk.js";
import { isInferred, mergeInferred } from "../inferred-schema.js";
import { canonicalJson } from "../order.js";
import { baseMediaType } from "../media-types.js";
import {
  compareSources,
  longestText,
  offer,
  pickWinner,
  type EndpointOffer,
} from "./rank.js";
import type { ModelReporter } from "../diagnostics/codes.js";
import { placeText } from "../diagnostics/source-place.js";
import { serverWithoutCredentials } from "../source-url.js";
import {
  PARAMETER_LOCATIONS,
  type ApiResponse,
  type Endpoint,
  type Example,
  type MediaContent,
  type Parameter,
  type ParameterLocation,
  type RequestBody,
  type SecurityRequirement,
  type SourceRef,
} from "../types.js";

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
  // Every view's request body as one: required when any requires it (a collection's body says
  // only that one was sent: a declared body's word wins), media types unioned.
  const bodies = views.flatMap((v) =>
    v.endpoint.requestBody ? [{ view: v, part: v.endpoint.requestBody }] : [],
  );
  if (bodies.length > 0) {
    const declared = bodies.filter((b) => !b.view.guessesTypes);
    merged.requestBody = {
      required: (declared[0] ? declared : bodies).some((b) => b.part.required),
      content: mergeContent(bodies),
      sources: joined(bodies.map((b) => b.part.sources)).sort(compareSources),
    };
    const description = longestText(
      bodies,
      (b) => b.view,
      (b) => b.part.description,
    );
    if (description) merged.requestBody.description = description;
    const extensions = assignOwn(
      {},
      ...[...bodies].reverse().map((b) => b.part.extensions ?? {}),
    );
    if (Object.keys(extensions).length > 0)
      merged.requestBody.extensions = extensions;
  }
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
  for (const { endpoint } of [...views].reverse()) {
    assignOwn(merged.extensions, endpoint.extensions);
    if (endpoint.externalDocs) merged.externalDocs = endpoint.externalDocs;
  }
  const secured = views.filter((v) => v.endpoint.security !== undefined);
  const securities = secured.map((v) =>
    offer(v, v.endpoint.security!, countScopes(v.endpoint.security!)),
  );
  const security = pickWinner(securities);
  if (security) merged.security = security.value;
  // Postman sends one auth a request, its token asked with the scopes the collection names: a
  // collection's agrees with an alternative that holds its scheme (`[]` and `[{}]` are both none)
  const anyOf = (list: SecurityRequirement[]) => (list.length ? list : [{}]);
  const holds = (r: SecurityRequirement) =>
    anyOf(security!.value).some((w) => {
      const names = Object.keys(r);
      return (
        names.length > 0 === Object.keys(w).length > 0 &&
        names.every((k) => Object.hasOwn(w, k))
      );
    });
  const other = securities.find((s, i) =>
    secured[i]!.guessesTypes
      ? !anyOf(s.value).every(holds)
      : canonicalJson(s.value) !== canonicalJson(security!.value),
  );
  if (other)
    reporter.report(
      "merge/security-conflict",
      `${merged.method.toUpperCase()} ${merged.path}: its security is ${securityText(other.value)} at ${placeText(other.source)}; using ${securityText(security!.value)} from here`,
      security!.source,
      [other.source],
    );
  const servers = views.find((v) => v.endpoint.servers)?.endpoint.servers;
  if (servers)
    merged.servers = servers.map((s) => serverWithoutCredentials(s, reporter));
  return merged;
}

/** A security list as the warning names it: `bearerAuth or apiKey and basicAuth`, `none`. */
function securityText(security: Record<string, string[]>[]): string {
  const names = security.map((r) => Object.keys(r).join(" and ") || "none");
  return names.length === 0 ? "none" : names.join(" or ");
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

/** One location's parameters of every view, merged by name: the richest schema wins (rank.ts). */
export function mergeParameters(
  views: EndpointOffer[],
  location: ParameterLocation,
  merged: Endpoint,
  reporter: ModelReporter,
): Parameter[] {
  let out =
    views.length === 1
      ? soleParameters(views[0]!.endpoint.parameters[location], location)
      : undefined;
  if (!out) {
    // a collection sends a deepObject parameter as its members (`sort[by]`): they are it
    const deep = new Set(
      views.flatMap((v) =>
        v.endpoint.parameters[location].flatMap((p) =>
          p.style === "deepObject" ? [p.name] : [],
        ),
      ),
    );
    const byName = grouped(
      views.flatMap((view) =>
        view.endpoint.parameters[location].flatMap((parameter) =>
          view.guessesTypes && deep.has(parameter.name.split("[")[0]!)
            ? []
            : [{ view, parameter }],
        ),
      ),
      ({ parameter }) => parameterKey(parameter),
    );
    out = [...byName.values()].map((list) =>
      mergedParameter(list, location, merged, reporter),
    );
  }
  if (location === "path" && out.length > 1) sortByTemplate(out, merged.path);
  return out;
}

/** {@link mergedParameter} of each of one view's parameters; undefined when two share a name. */
function soleParameters(
  list: readonly Parameter[],
  location: ParameterLocation,
): Parameter[] | undefined {
  if (new Set(list.map(parameterKey)).size < list.length) return undefined;
  return list.map((p) => ({
    ...p,
    sources: p.sources.slice().sort(compareSources),
    required: location === "path" || Boolean(p.required),
  }));
}

const TEXT = canonicalJson({ type: "string" });

/** The parameters of one name that the views offer, as one. */
function mergedParameter(
  list: readonly { view: EndpointOffer; parameter: Parameter }[],
  location: ParameterLocation,
  merged: Endpoint,
  reporter: ModelReporter,
): Parameter {
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
  const distinct = disagreeing(typed);
  if (distinct.length > 1 && schemaWinner) {
    const [first, second] = distinct.sort((a, b) =>
      compareSources(a.sources[0]!, b.sources[0]!),
    );
    reporter.report(
      "merge/parameter-type-conflict",
      `${merged.method.toUpperCase()} ${merged.path}: ${location} parameter '${lead.name}' has different types ` +
        `(${describeSchema(first!, second)} here, ${describeSchema(second!, first)} at ${placeText(second!.sources[0]!)}); ` +
        `using ${describeSchema(schemaWinner.value.parameter)} from ${placeText(schemaWinner.source)}`,
      first!.sources[0]!,
      [second!.sources[0]!],
    );
  }
  const parameter: Parameter = {
    ...(schemaWinner?.value.parameter ?? lead),
    sources: joined(list.map((e) => e.parameter.sources)).sort(compareSources),
    required: location === "path" || list.some((e) => e.parameter.required),
  };
  const description = longestText(
    list,
    (e) => e.view,
    (e) => e.parameter.description,
    (e) => e.parameter.sources[0],
  );
  if (description) parameter.description = description;
  if (parameter.example === undefined) {
    const example = list.find((e) => e.parameter.example !== undefined);
    if (example) parameter.example = example.parameter.example;
  }
  return parameter;
}

function describeSchema(parameter: Parameter, other?: Parameter): string {
  const schema = parameter.schema ?? {};
  const type = Array.isArray(schema.type)
    ? schema.type.join("|")
    : (schema.type ??
      (schema.$ref ? (schemaRefName(schema.$ref) ?? schema.$ref) : "any"));
  const label = schema.format ? `${type} (${schema.format})` : String(type);
  if (!other) return label;
  // beside the other parameter's schema: the keywords that tell them apart (`enum`, `default`…)
  const mine = withoutAnnotations(schema) as Record<string, unknown>;
  const theirs = withoutAnnotations(other.schema ?? {}) as typeof mine;
  const apart = [...new Set([...Object.keys(mine), ...Object.keys(theirs)])]
    .filter((k) => !["type", "format", "$ref"].includes(k))
    .filter((k) => canonicalJson(mine[k]) !== canonicalJson(theirs[k]))
    .map((k) => `${k} ${shortJson(mine[k])}`);
  return apart.length === 0 ? label : `${label} with ${apart.join(", ")}`;
}

/**
 * One parameter per schema the entries disagree on: by what they allow, not by their annotations.
 * A Postman parameter is text, which disagrees with nothing, unless a stand-in (`<integer>`)
 * types it: then it disagrees with a declared schema only where it says something else.
 */
function disagreeing(
  typed: readonly { view: EndpointOffer; parameter: Parameter }[],
): Parameter[] {
  if (typed.length < 2) return [];
  // a `$ref` alone is the schema it names
  const allows = ({ view, parameter: { schema } }: (typeof typed)[number]) => {
    const named =
      refAlone(schema!) && resolveSchema(view.schemas ?? {}, schema);
    return withoutAnnotations(named || schema!) as Record<string, unknown>;
  };
  const declared = typed.filter((e) => !e.view.guessesTypes).map(allows);
  const distinct: (typeof typed)[number][] = [];
  for (const entry of typed) {
    const guess = entry.view.guessesTypes && allows(entry);
    if (guess && canonicalJson(guess) === TEXT) continue;
    if (guess && declared.some((d) => saysNoMore(guess, d))) continue;
    const { parameter: p, view: v } = entry;
    const same = (d: typeof entry) =>
      sameSchema(d.parameter.schema, p.schema, [d.view.schemas, v.schemas]);
    if (!distinct.some(same)) distinct.push(entry);
  }
  return distinct.map((e) => e.parameter);
}

/**
 * Whether every keyword of `guess` has the value it has in `declared`, whose type may be a list of
 * more (an integer is a number); a list's stand-in is one item's (`<integer>` of integers).
 */
function saysNoMore(
  guess: Record<string, unknown>,
  declared: Record<string, unknown>,
): boolean {
  const { items } = declared;
  if (declared.type === "array" && guess.type !== "array" && isMap(items))
    return saysNoMore(guess, items);
  return Object.keys(guess).every(
    (k) =>
      canonicalJson(guess[k]) === canonicalJson(declared[k]) ||
      (k === "type" &&
        [declared[k]]
          .flat()
          .some(
            (t) => t === guess[k] || (t === "number" && guess[k] === "integer"),
          )),
  );
}

/** A keyword's value for a message: its JSON, cut at 60 characters; `none` when absent. */
function shortJson(value: unknown): string {
  if (value === undefined) return "none";
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/** The media types of a body or response each view offers, unioned by media type. */
function mergeContent(
  offers: readonly {
    view: EndpointOffer;
    part: Pick<RequestBody, "content" | "sources">;
  }[],
): MediaContent[] {
  if (offers.length === 1) {
    const { content } = offers[0]!.part;
    if (
      new Set(content.map((media) => media.mediaType)).size === content.length
    )
      return content.map(soleMedia);
  }
  // a collection's `application/json` is a declared `application/json; charset=utf-8`, or `*/*`
  const declared = offers.flatMap(({ view, part }) =>
    view.guessesTypes ? [] : part.content.map((m) => m.mediaType),
  );
  const byType = grouped(
    offers.flatMap(({ view, part }) => {
      const source = part.sources[0] ?? view.endpoint.sources[0]!;
      return part.content.map((media) => ({ view, media, source }));
    }),
    ({ view, media: { mediaType: t } }) =>
      (view.guessesTypes &&
        (declared.find((d) => baseMediaType(d) === baseMediaType(t)) ??
          declared.find((d) => d === "*/*"))) ||
      t,
  );
  return [...byType].map(([mediaType, list]) => mergedMedia(mediaType, list));
}

/** The offers of one media type, as one. */
export function mergedMedia(
  mediaType: string,
  list: readonly {
    view: EndpointOffer;
    media: MediaContent;
    source: SourceRef;
  }[],
): MediaContent {
  if (list.length === 1) return soleMedia(list[0]!.media);
  const schemas = list.flatMap((e) => (e.media.schema ? [e.media.schema] : []));
  const guessed =
    schemas.length > 1 && schemas.every(isInferred)
      ? { value: mergeInferred(schemas) }
      : undefined;
  const schema =
    guessed ??
    pickWinner(
      list
        .filter((e) => e.media.schema)
        .map(({ view, media: { schema }, source }) =>
          // a schema guessed from an example loses to a declared one
          offer(view, schema!, isInferred(schema!) ? 0 : 1, source),
        ),
    );
  return soleMedia({
    mediaType,
    schema: schema?.value,
    examples: joined(list.map((e) => e.media.examples ?? [])),
    encoding: list.find((e) => e.media.encoding)?.media.encoding,
    itemSchema: list.find((e) => e.media.itemSchema)?.media.itemSchema,
  });
}

/** {@link mergedMedia} of one offer: what it says, without empty members. */
function soleMedia(offered: MediaContent): MediaContent {
  const media: MediaContent = { mediaType: offered.mediaType };
  if (offered.schema) media.schema = offered.schema;
  const examples = offered.examples ?? [];
  if (examples.length > 0)
    media.examples =
      examples.length < 2 || namesDiffer(examples)
        ? examples.slice()
        : firstOfEach(examples, canonicalJson);
  if (offered.encoding) media.encoding = offered.encoding;
  if (offered.itemSchema) media.itemSchema = offered.itemSchema;
  return media;
}

/**
 * True when every example has a name of its own, one at most none: then none is a copy of
 * another, and the examples (often large) need not be printed to tell.
 */
function namesDiffer(examples: readonly Example[]): boolean {
  const names = examples.map((e) => e.name);
  return (
    names.every((n) => typeof n === "string" || n === undefined) &&
    new Set(names).size === names.length
  );
}

/**
 * Every view's responses, unioned by status and ordered by it (`default` last); a status only a
 * collection saved, which a declared `default` or range covers, is that one's.
 */
export function mergeResponses(views: EndpointOffer[]): ApiResponse[] {
  const byStatus = grouped(
    views.flatMap((view) =>
      view.endpoint.responses.map((response) => ({ view, response })),
    ),
    (e) => e.response.status,
  );
  const declared = (status: string) =>
    byStatus.get(status)?.some((e) => !e.view.guessesTypes);
  return [...byStatus]
    .filter(
      ([status]) =>
        declared(status) ||
        !(declared("default") || declared(`${status[0]}XX`)),
    )
    .map(([status, list]) => mergedResponse(status, list))
    .sort(
      (a, b) =>
        statusOrder(a.status) - statusOrder(b.status) ||
        (a.status < b.status ? -1 : 1),
    );
}

/** The responses of one status that the views offer, as one. */
export function mergedResponse(
  status: string,
  list: readonly { view: EndpointOffer; response: ApiResponse }[],
): ApiResponse {
  const description = pickWinner(
    list.map((e) =>
      offer(e.view, e.response.description, e.response.description.length),
    ),
  );
  // a collection's media type with no schema and no example is its request's Accept alone: it
  // adds nothing to a response a document describes (openapi-to-postmanv2 asks JSON everywhere)
  const declared = list.some((e) => !e.view.guessesTypes);
  const shown = (m: MediaContent) => m.schema || m.examples?.length;
  const response: ApiResponse = {
    status,
    description: description?.value ?? "",
    content: mergeContent(
      list.map(({ view, response: r }) => ({
        view,
        part:
          declared && view.guessesTypes
            ? { ...r, content: r.content.filter(shown) }
            : r,
      })),
    ),
    sources: joined(list.map((e) => e.response.sources)).sort(compareSources),
  };
  for (const key of ["headers", "links", "extensions"] as const) {
    const merged = assignOwn<unknown>(
      {},
      ...[...list].reverse().map((e) => e.response[key] ?? {}),
    );
    if (Object.keys(merged).length > 0)
      Object.assign(response, { [key]: merged });
  }
  return response;
}

function statusOrder(status: string): number {
  if (status === "default") return 1000;
  const n = Number.parseInt(status.replace(/X/gi, "0"), 10);
  return Number.isNaN(n) ? 999 : n;
}
