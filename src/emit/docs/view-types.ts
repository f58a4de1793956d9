import type { Severity } from "../../model/types.js";
import type { SchemaLink, SchemaView } from "./schemas-view.js";
import type { SchemeView } from "./schemes-view.js";

/**
 * What the docs templates receive. Every string is raw spec text, for the templates to escape with
 * their helpers. Endpoints with the same parameter or response rows share them: never change them.
 */
export interface DocsView {
  title: string;
  version: string;
  description?: string;
  servers: { url: string; description?: string }[];
  /** The base URL the examples use. */
  baseUrl: string;
  /** The lines that create the generated client, shown before each call example. */
  clientSetup: string;
  /** Groups in display order, each endpoint in exactly one (`docs.groupBy`). */
  tags: TagView[];
  /** What the groups are: tags, or the resources of the paths. */
  groupedBy: "tag" | "path";
  /** Every endpoint once, in model order (path, then method). */
  endpoints: EndpointView[];
  diagnostics: DiagnosticView[];
  counts: Record<Severity, number>;
  /** Each diagnostic code once, most frequent first: what kinds of disagreement there are. */
  diagnosticCodes: CodeCount[];
  /** Every named schema, sorted by name. */
  schemas: SchemaView[];
  /** Security schemes, sorted by name. */
  schemes: SchemeView[];
  /** The webhooks the API sends (OpenAPI 3.1 `webhooks`), by key and method; none: empty. */
  webhooks: WebhookView[];
}

/** A webhook: the request the API sends to your receiver, and the answers it takes. */
export interface WebhookView {
  /** Stable anchor id, unique in the docs: `hook-<handler name>`. */
  id: string;
  /** Its key under `webhooks` (`pet.adopted`): the receiver's path is `/<key>`. */
  key: string;
  method: string;
  /** Its handler's name in `WebhookHandlers`. */
  name: string;
  summary?: string;
  description?: string;
  deprecated: boolean;
  /** What the request carries besides its payload: headers (and any other parameter). */
  headers: ParameterView[];
  payload?: BodyView;
  /** What your receiver may answer. */
  answers: ResponseView[];
  sources: { file: string; line: number }[];
}

export interface TagView {
  name: string;
  /** Unique, lower case: the tag page is `tags/<slug>.md`. */
  slug: string;
  description?: string;
  endpoints: EndpointView[];
  /** How deep the group sits under its OpenAPI 3.2 `parent`s (0 at the top); parents come first. */
  depth: number;
  /** OpenAPI 3.2: the tag's short summary, its display title. */
  summary?: string;
  /** OpenAPI 3.2: the parent group. */
  parent?: TagRef;
  /** OpenAPI 3.2: the groups whose parent this is, in order. */
  children: TagRef[];
  /** OpenAPI 3.2: the tag's kind (`nav`, or another registered or custom kind). */
  kind?: string;
}

/** Another group, as a page links to it: raw name, slug of its page, summary. */
export interface TagRef {
  name: string;
  slug: string;
  summary?: string;
}

export interface EndpointView {
  /** Stable anchor id, unique in the docs: `op-<endpoint name>`. */
  id: string;
  method: string;
  path: string;
  /** The generated client function's name. */
  name: string;
  summary?: string;
  description?: string;
  deprecated: boolean;
  tags: string[];
  /** The one group the endpoint is listed under. */
  group: string;
  /** Its tags other than the group, to show on it (none when the tags are degenerate). */
  otherTags: string[];
  /** Slug of the group page that documents this endpoint. */
  pageSlug: string;
  parameters: ParameterView[];
  body?: BodyView;
  responses: ResponseView[];
  /** Every scope any security alternative names, sorted. */
  scopes: string[];
  /** Undefined: the inputs say nothing; empty: explicitly no auth. */
  security?: { scheme: string; scopes: string[] }[];
  /** The endpoint's own server (its operation's or path's `servers`), as an absolute URL. */
  server?: string;
  curl: string;
  client: string;
  /** The inputs' own samples (`x-codeSamples`): `lang` is "" unless it fits a code fence. */
  codeSamples: { label: string; lang: string; source: string }[];
  sources: { file: string; line: number }[];
}

export interface ParameterView {
  name: string;
  in: string;
  required: boolean;
  deprecated: boolean;
  /** A path value that keeps reserved characters (`allowReserved`): sent with its `/`. */
  reserved?: true;
  type: string;
  description?: string;
}

export interface ContentView {
  mediaType: string;
  type: string;
  /** The named schema the content is (or is an array of), for a link to the schemas page. */
  link?: SchemaLink;
}

export interface BodyView {
  required: boolean;
  description?: string;
  content: ContentView[];
}

export interface ResponseView {
  status: string;
  description: string;
  content: ContentView[];
}

export interface DiagnosticView {
  severity: Severity;
  code: string;
  message: string;
  where: string;
  related: string[];
}

/** One diagnostic code of the merge and how often it was reported. */
export interface CodeCount {
  code: string;
  severity: Severity;
  count: number;
  /** The registry's one-line meaning: apiloom's own Markdown, not spec text ("" if unknown). */
  meaning: string;
}
