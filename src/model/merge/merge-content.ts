import { assignOwn } from "../own-property.js";
import { firstOfEach, grouped, joined } from "../lists.js";
import { isInferred, mergeInferred } from "../inferred-schema.js";
import { canonicalJson } from "../order.js";
import {
  compareSources,
  longestText,
  offer,
  pickWinner,
  type EndpointOffer,
} from "./rank.js";
import type {
  ApiResponse,
  Example,
  MediaContent,
  RequestBody,
  SourceRef,
} from "../types.js";

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
  const byType = grouped(
    offers.flatMap(({ view, part }) => {
      const source = part.sources[0] ?? view.endpoint.sources[0]!;
      return part.content.map((media) => ({ view, media, source }));
    }),
    (e) => e.media.mediaType,
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
      list.flatMap((e) =>
        e.media.schema
          ? [
              offer(
                e.view,
                e.media.schema,
                // a schema guessed from an example loses to a declared one
                isInferred(e.media.schema) ? 0 : 1,
                e.source,
              ),
            ]
          : [],
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

/** Every view's request body as one: required when any requires it, media types unioned. */
export function mergeRequestBody(views: EndpointOffer[]) {
  const bodies = views.flatMap((v) =>
    v.endpoint.requestBody ? [{ view: v, body: v.endpoint.requestBody }] : [],
  );
  if (bodies.length === 0) return undefined;
  const body: RequestBody = {
    required: bodies.some((b) => b.body.required),
    content: mergeContent(bodies.map((b) => ({ view: b.view, part: b.body }))),
    sources: joined(bodies.map((b) => b.body.sources)).sort(compareSources),
  };
  const description = longestText(
    bodies,
    (b) => b.view,
    (b) => b.body.description,
  );
  if (description) body.description = description;
  return body;
}

/** Every view's responses, unioned by status and ordered by it (`default` last). */
export function mergeResponses(views: EndpointOffer[]): ApiResponse[] {
  const byStatus = grouped(
    views.flatMap((view) =>
      view.endpoint.responses.map((response) => ({ view, response })),
    ),
    (e) => e.response.status,
  );
  return [...byStatus]
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
  const response: ApiResponse = {
    status,
    description: description?.value ?? "",
    content: mergeContent(
      list.map((e) => ({ view: e.view, part: e.response })),
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
