import type {
  ApiModel,
  Endpoint,
  MediaContent,
  Parameter,
  ApiResponse,
  Webhook,
} from "../../model/types.js";
import {
  allParameters,
  filledServerUrl,
  isMap,
  parameterWireStyle,
  reasonPhrase,
  scopeAlternatives,
  statusKey,
  undescribedBody,
  uniqueSources,
} from "../toolkit.js";
import { clientCallExample } from "./client-example.js";
import { curlExample } from "./curl.js";
import { linkTo, schemaLabel } from "./schemas-view.js";
import type {
  ContentView,
  EndpointView,
  ParameterView,
  ResponseView,
  WebhookView,
} from "./view-types.js";

export function endpointView(
  shared: SharedParts,
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
    ...parts(e, shared),
    scopes: [...new Set(scopeAlternatives(e).flat())].sort(),
    security: e.security?.flatMap((r) =>
      Object.entries(r).map(([scheme, scopes]) => ({ scheme, scopes })),
    ),
    ...(server === undefined ? {} : { server }),
    curl: curlExample(e, model, server ?? baseUrl),
    client: clientCallExample(e, model),
    codeSamples: codeSamples(e.extensions),
    sources: uniqueSources(e.sources),
  };
}

/** Redoc's `x-codeSamples` (`x-code-samples`): each entry with a `source`; `lang` a fence's word. */
function codeSamples(extensions: Record<string, unknown>) {
  const list = extensions["x-codeSamples"] ?? extensions["x-code-samples"];
  return (Array.isArray(list) ? list : []).flatMap((s: unknown) => {
    if (!isMap(s) || typeof s.source !== "string") return [];
    const lang = typeof s.lang === "string" ? s.lang : "";
    const label = typeof s.label === "string" ? s.label : lang || "Sample";
    const word = /^[\w#+.-]{1,32}$/.test(lang) ? lang : "";
    return [{ label, lang: word, source: s.source.trimEnd() }];
  });
}

/**
 * The parameter and response views of one docs view, each view and list made once, so a template
 * can make a table once per list. A view is found along a tree of maps, one field a level: no key
 * text is built. A speed device: docs/benchmark.md.
 */
export class SharedParts {
  private readonly parameters: Node = new Map();
  private readonly contents: Node = new Map();
  private readonly responses: Node = new Map();
  private readonly lists: Node = new Map();

  constructor(private readonly schemaAnchors: Map<string, string>) {}

  parameter(p: Parameter): ParameterView {
    // no source types it: text on the wire, as the client takes it
    const type = p.schema ? schemaLabel(p.schema) : "string | number";
    const deprecated = p.deprecated === true;
    const reserved = p.in === "path" && parameterWireStyle(p).allowReserved;
    const flags =
      PLACES.indexOf(p.in) +
      (p.required ? 4 : 0) +
      (deprecated ? 8 : 0) +
      (reserved ? 16 : 0);
    const node = at(
      at(at(at(this.parameters, p.name), flags), type),
      p.description,
    );
    return at(node, HELD, () => ({
      name: p.name,
      in: p.in,
      required: p.required,
      deprecated,
      ...(reserved && { reserved }),
      type,
      description: p.description,
    }));
  }

  content(media: MediaContent): ContentView {
    const type = media.schema
      ? schemaLabel(media.schema)
      : UNDESCRIBED[undescribedBody(media.mediaType)];
    const link = linkTo(media.schema, this.schemaAnchors);
    // a link's id follows from its name
    const node = at(at(at(this.contents, media.mediaType), type), link?.name);
    return at(node, HELD, () => ({ mediaType: media.mediaType, type, link }));
  }

  response(r: ApiResponse): ResponseView {
    const description =
      r.description || reasonPhrase(statusKey(r.status) ?? "");
    const content = this.list(r.content.map((c) => this.content(c)));
    const node = at(at(at(this.responses, content), r.status), description);
    return at(node, HELD, () => ({ status: r.status, description, content }));
  }

  /** The one array of these shared views, in this order (`items`, the first time). */
  list<T extends object>(items: T[]): T[] {
    let node = this.lists;
    for (let i = 0; i < items.length; i++) node = at(node, items[i]);
    return at(node, HELD, () => items);
  }
}

/** A level of SharedParts' trees: what follows each value of one field, and at HELD the view. */
type Node = Map<unknown, unknown>;

const HELD = Symbol("held");

/** A parameter's place, as its index a number to which its flags add. */
const PLACES = ["path", "query", "header", "cookie"];

/** What `node` holds at `key`, made the first time: the level under it, or at HELD the view. */
function at<T = Node>(node: Node, key: unknown, make = newNode as () => T): T {
  let value = node.get(key) as T | undefined;
  if (value === undefined) node.set(key, (value = make()));
  return value;
}

const newNode = (): Node => new Map();

/** The parameters, body and responses of an endpoint or a webhook, as the docs show them. */
function parts(
  e: Endpoint,
  shared: SharedParts,
): Pick<EndpointView, "parameters" | "body" | "responses"> {
  return {
    parameters: shared.list(
      allParameters(e.parameters).map((p) => shared.parameter(p)),
    ),
    body: e.requestBody && {
      required: e.requestBody.required,
      description: e.requestBody.description,
      content: shared.list(e.requestBody.content.map((c) => shared.content(c))),
    },
    responses: shared.list(e.responses.map((r) => shared.response(r))),
  };
}

/** How a webhook is shown (`hook-<name>`: webhook names are unique identifiers). */
export function webhookView(shared: SharedParts, w: Webhook): WebhookView {
  const { parameters, body, responses } = parts(w, shared);
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

/** What the generated types make of a body no source describes. */
const UNDESCRIBED = { text: "string", binary: "binary", unknown: "unknown" };
