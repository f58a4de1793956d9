import { assignOwn } from "../own-property.js";
import { joined, packed } from "../lists.js";
import { offer, type EndpointOffer } from "./endpoint-offer.js";
import { isInferred, mergeInferred } from "../inferred-schema.js";
import { canonicalJson, compareSources, pickWinner } from "./rank.js";
import type {
  ApiResponse,
  Example,
  MediaContent,
  RequestBody,
  SourceRef,
} from "../types.js";

function mergeContent(
  entries: {
    view: EndpointOffer;
    content: MediaContent[];
    source: SourceRef;
  }[],
): MediaContent[] {
  // one offer of media types that differ (each response and body of a single document): each
  // is its sole media, in order, without the map and lists that gather several offers
  if (entries.length === 1 && distinctTypes(entries[0]!.content))
    return entries[0]!.content.map((media) => soleMedia(media));
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
  for (const [mediaType, list] of byType)
    out.push(
      list.length === 1
        ? soleMedia(list[0]!.media)
        : mergedMedia(mediaType, list),
    );
  return packed(out);
}

/** True when no two of the media types are the same. */
function distinctTypes(content: readonly MediaContent[]): boolean {
  for (let i = 1; i < content.length; i++)
    for (let j = 0; j < i; j++)
      if (content[i]!.mediaType === content[j]!.mediaType) return false;
  return true;
}

/** What one offer of a media type gives: {@link mergedMedia} of that one offer. */
export function soleMedia(offered: MediaContent): MediaContent {
  // its schema wins uncontested; its examples copied, each once
  const media: MediaContent = { mediaType: offered.mediaType };
  if (offered.schema) media.schema = offered.schema;
  const examples = offered.examples ?? [];
  if (examples.length > 0) media.examples = dedupeExamples(examples.slice());
  if (offered.encoding) media.encoding = offered.encoding;
  if (offered.itemSchema) media.itemSchema = offered.itemSchema;
  return media;
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
  // schemas guessed from several examples (Postman requests sharing the route, saved
  // responses of one status) are merged so every example fits; a declared schema wins
  const schemas = list.flatMap((e) => (e.media.schema ? [e.media.schema] : []));
  const guessed =
    schemas.length > 1 && schemas.every(isInferred)
      ? { value: mergeInferred(schemas) }
      : undefined;
  const schema =
    guessed ??
    pickWinner(
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
  const examples = joined(list.map((e) => e.media.examples ?? []));
  const media: MediaContent = { mediaType };
  if (schema) media.schema = schema.value;
  if (examples.length > 0) media.examples = dedupeExamples(examples);
  const encoding = list.find((e) => e.media.encoding)?.media.encoding;
  if (encoding) media.encoding = encoding;
  // OpenAPI 3.2's item schema: only a 3.2 document gives one
  const itemSchema = list.find((e) => e.media.itemSchema)?.media.itemSchema;
  if (itemSchema) media.itemSchema = itemSchema;
  return media;
}

/** A schema guessed from an example loses to a declared one (src/model/inferred-schema.ts). */
function inferredPenalty(schema: Record<string, unknown>): number {
  return schema["x-apiloom-inferred"] === true ? 0 : 1;
}

function dedupeExamples(examples: Example[]): Example[] {
  if (examples.length < 2 || namesDiffer(examples)) return examples;
  const seen = new Set<string>();
  return packed(
    examples.filter((example) => {
      const key = canonicalJson(example);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    }),
  );
}

/**
 * True when every example has a name of its own, one at most none: their canonical JSON differs
 * then (it holds the name, or no name), so none is a copy of another, and the examples (often
 * large) need not be printed to tell.
 */
export function namesDiffer(examples: readonly Example[]): boolean {
  const names = new Set<string | undefined>();
  for (const example of examples) {
    const name = example.name;
    if ((typeof name !== "string" && name !== undefined) || names.has(name))
      return false;
    names.add(name);
  }
  return true;
}

/** Every view's request body as one: required when any requires it, media types unioned. */
export function mergeRequestBody(
  views: EndpointOffer[],
): RequestBody | undefined {
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
    sources: joined(bodies.map((b) => b.body.sources)).sort(compareSources),
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

/** Every view's responses, unioned by status and ordered by it (`default` last). */
export function mergeResponses(views: EndpointOffer[]): ApiResponse[] {
  const out = soleResponses(views) ?? gatheredResponses(views);
  return out.sort(
    (a, b) =>
      statusOrder(a.status) - statusOrder(b.status) ||
      (a.status < b.status ? -1 : 1),
  );
}

/**
 * The responses of a single view whose statuses differ (every endpoint of a single document):
 * each its sole response, in order; undefined for any other views.
 */
function soleResponses(views: EndpointOffer[]): ApiResponse[] | undefined {
  if (views.length !== 1) return undefined;
  const view = views[0]!;
  const responses = view.endpoint.responses;
  for (let i = 1; i < responses.length; i++)
    for (let j = 0; j < i; j++)
      if (responses[i]!.status === responses[j]!.status) return undefined;
  return responses.map((response) => soleResponse(view, response));
}

/** Every view's responses gathered by status, unordered. */
function gatheredResponses(views: EndpointOffer[]): ApiResponse[] {
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
  for (const [status, list] of byStatus)
    out.push(
      list.length === 1
        ? soleResponse(list[0]!.view, list[0]!.response)
        : mergedResponse(status, list),
    );
  return packed(out);
}

/** What one view offering a response gives: {@link mergedResponse} of that one offer. */
export function soleResponse(
  view: EndpointOffer,
  offered: ApiResponse,
): ApiResponse {
  // its description wins uncontested; its sources sorted, its headers a record of their own
  const response: ApiResponse = {
    status: offered.status,
    description: offered.description ?? "",
    content: mergeContent([
      {
        view,
        content: offered.content,
        source: offered.sources[0] ?? view.endpoint.sources[0]!,
      },
    ]),
    sources: offered.sources.slice().sort(compareSources),
  };
  const headers = assignOwn({}, offered.headers ?? {});
  if (Object.keys(headers).length > 0) response.headers = headers;
  return response;
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
    sources: joined(list.map((e) => e.response.sources)).sort(compareSources),
  };
  const headers = assignOwn(
    {},
    ...[...list].reverse().map((e) => e.response.headers ?? {}),
  );
  if (Object.keys(headers).length > 0) response.headers = headers;
  return response;
}

function statusOrder(status: string): number {
  if (status === "default") return 1000;
  const n = Number.parseInt(status.replace(/X/gi, "0"), 10);
  return Number.isNaN(n) ? 999 : n;
}
