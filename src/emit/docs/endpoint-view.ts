import type {
  ApiModel,
  Endpoint,
  MediaContent,
  Webhook,
} from "../../model/types.js";
import {
  allParameters,
  filledServerUrl,
  reasonPhrase,
  statusKey,
  undescribedBody,
  uniqueSources,
} from "../toolkit.js";
import { clientCallExample } from "./client-example.js";
import { curlExample } from "./curl.js";
import { schemaLabel } from "./schema-label.js";
import { linkTo } from "./schemas-view.js";
import type {
  BodyView,
  ContentView,
  EndpointView,
  ParameterView,
  ResponseView,
  WebhookView,
} from "./view-types.js";

/** How one endpoint is shown: its facts, its examples and where it came from. */

/** `op-<name>`; names are unique identifiers, but an unnamed endpoint still gets a unique id. */
export function endpointIds(endpoints: readonly Endpoint[]): string[] {
  const taken = new Set<string>();
  return endpoints.map((e) => {
    const base =
      "op-" +
      (e.name ||
        `${e.method}-${e.path.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "")}`);
    let id = base;
    for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
    taken.add(id);
    return id;
  });
}

export function endpointView(
  schemaAnchors: Map<string, string>,
  e: Endpoint,
  model: ApiModel,
  baseUrl: string,
  id: string,
  pageSlug: string,
): EndpointView {
  // the endpoint's own server (a relative one read against the docs' base URL)
  const own = e.servers?.[0];
  const server =
    own && new URL(filledServerUrl(own) || "/", `${baseUrl}/`).href;
  return {
    id,
    method: e.method.toUpperCase(),
    path: e.path,
    name: e.name,
    summary: e.summary,
    description: e.description,
    deprecated: e.deprecated,
    tags: e.tags,
    group: "",
    otherTags: [],
    pageSlug,
    ...parts(e, schemaAnchors),
    scopes: [
      ...new Set(e.security?.flatMap((r) => Object.values(r).flat())),
    ].sort(),
    security: e.security?.flatMap((requirement) =>
      Object.entries(requirement).map(([scheme, list]) => ({
        scheme,
        scopes: list,
      })),
    ),
    ...(server === undefined ? {} : { server }),
    curl: curlExample(e, model, server ?? baseUrl),
    client: clientCallExample(e, model),
    sources: uniqueSources(e.sources),
  };
}

/** The parameters, body and responses of an endpoint or a webhook, as the docs show them. */
function parts(
  e: Endpoint,
  schemaAnchors: Map<string, string>,
): {
  parameters: ParameterView[];
  body?: BodyView;
  responses: ResponseView[];
} {
  return {
    parameters: allParameters(e.parameters).map((p) => ({
      name: p.name,
      in: p.in,
      required: p.required,
      deprecated: p.deprecated === true,
      // no source types it: text on the wire, as the client takes it
      type: p.schema ? schemaLabel(p.schema) : "string | number",
      description: p.description,
    })),
    body: e.requestBody && {
      required: e.requestBody.required,
      description: e.requestBody.description,
      content: e.requestBody.content.map((c) => contentView(c, schemaAnchors)),
    },
    responses: e.responses.map((r) => ({
      status: r.status,
      description: r.description || reasonPhrase(statusKey(r.status) ?? ""),
      content: r.content.map((c) => contentView(c, schemaAnchors)),
    })),
  };
}

/**
 * How a webhook is shown: its key and handler, the headers and payload the API sends, and the
 * answers your receiver may give (`hook-<name>`: webhook names are unique identifiers).
 */
export function webhookView(
  schemaAnchors: Map<string, string>,
  w: Webhook,
): WebhookView {
  const { parameters, body, responses } = parts(w, schemaAnchors);
  return {
    id: `hook-${w.name}`,
    key: w.key,
    method: w.method.toUpperCase(),
    name: w.name,
    summary: w.summary,
    description: w.description,
    deprecated: w.deprecated,
    headers: parameters,
    payload: body,
    answers: responses,
    sources: uniqueSources(w.sources),
  };
}

function contentView(
  media: MediaContent,
  schemaAnchors: Map<string, string>,
): ContentView {
  return {
    mediaType: media.mediaType,
    type: media.schema
      ? schemaLabel(media.schema)
      : UNDESCRIBED[undescribedBody(media.mediaType)],
    link: linkTo(media.schema, schemaAnchors),
  };
}

/** What the generated types make of a body no source describes. */
const UNDESCRIBED = { text: "string", binary: "binary", unknown: "unknown" };
