import { allParameters } from "../../model/factories.js";
import type {
  ApiModel,
  Diagnostic,
  Endpoint,
  MediaContent,
  Severity,
  SourceRef,
} from "../../model/types.js";
import { HTTP_METHODS } from "../../model/types.js";
import type { EmitOptions } from "../artifact.js";
import { reasonPhrase, statusKey } from "../openapi/status.js";
import { tsString } from "../shared/escape.js";
import { clientCallExample } from "./client-example.js";
import { curlExample } from "./curl.js";
import { schemaLabel } from "./schema-label.js";
import { withTemplateParameters } from "./path-parameters.js";
import { schemeViews, type SchemeView } from "./schemes-view.js";
import {
  linkTo,
  schemaIds,
  schemaViews,
  type SchemaLink,
  type SchemaView,
} from "./schemas-view.js";
import { uniqueSlugs } from "./slugs.js";

/**
 * What the docs templates receive. Every string here is still raw spec text: templates escape it
 * for where it lands (Markdown, HTML, a code fence) with the helpers they are given.
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
  /** Tag groups in display order; endpoints without a tag are in a last group of their own. */
  tags: TagView[];
  /** Every endpoint once, in model order (path, then method). */
  endpoints: EndpointView[];
  diagnostics: DiagnosticView[];
  counts: Record<Severity, number>;
  /** Each diagnostic code once, most frequent first: what kinds of disagreement there are. */
  diagnosticCodes: { code: string; severity: Severity; count: number }[];
  /** Every named schema, sorted by name. */
  schemas: SchemaView[];
  /** Security schemes, sorted by name. */
  schemes: SchemeView[];
}

export interface TagView {
  name: string;
  /** Unique, lower case: the tag page is `tags/<slug>.md`. */
  slug: string;
  description?: string;
  endpoints: EndpointView[];
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
  /** Slug of the tag page that documents this endpoint in full (its first tag). */
  pageSlug: string;
  parameters: ParameterView[];
  body?: BodyView;
  responses: ResponseView[];
  /** Every scope any security alternative names, sorted. */
  scopes: string[];
  /** Undefined: the inputs say nothing; empty: explicitly no auth. */
  security?: { scheme: string; scopes: string[] }[];
  curl: string;
  client: string;
  sources: { file: string; line: number }[];
}

export interface ParameterView {
  name: string;
  in: string;
  required: boolean;
  deprecated: boolean;
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

const UNTAGGED = "Untagged";
/** Group key of untagged endpoints: no tag name can be it, and it slugs to `untagged`. */
const UNTAGGED_KEY = "\u0000untagged";
const DEFAULT_BASE_URL = "https://api.example.com";

export function buildDocsView(
  model: ApiModel,
  options: EmitOptions = {},
): DocsView {
  const baseUrl =
    options.baseUrl ?? firstAbsoluteServer(model) ?? DEFAULT_BASE_URL;
  const order = tagOrder(model);
  const hasUntagged = model.endpoints.some((e) => e.tags.length === 0);
  const slugs = uniqueSlugs(
    hasUntagged ? [...order, UNTAGGED_KEY] : order,
    "tag",
  );
  // the model promises this order; sorting again keeps the docs independent of it
  const sorted = [...model.endpoints].sort(compareEndpoints);
  const ids = endpointIds(sorted);
  const schemaAnchors = schemaIds(model.schemas);
  const endpoints = sorted.map((e, i) =>
    endpointView(
      schemaAnchors,
      e,
      model,
      baseUrl,
      ids[i]!,
      slugs.get(e.tags[0] ?? UNTAGGED_KEY)!,
    ),
  );
  const groups = new Map<string, EndpointView[]>();
  endpoints.forEach((view, i) => {
    const tags = sorted[i]!.tags;
    for (const tag of tags.length > 0 ? new Set(tags) : [UNTAGGED_KEY]) {
      const list = groups.get(tag);
      if (list) list.push(view);
      else groups.set(tag, [view]);
    }
  });
  const descriptions = new Map<string, string | undefined>();
  for (const tag of model.tags)
    if (!descriptions.has(tag.name))
      descriptions.set(tag.name, tag.description);
  const tags: TagView[] = [];
  for (const name of order)
    if (groups.has(name))
      tags.push({
        name,
        slug: slugs.get(name)!,
        description: descriptions.get(name),
        endpoints: groups.get(name)!,
      });
  if (hasUntagged)
    tags.push({
      name: UNTAGGED,
      slug: slugs.get(UNTAGGED_KEY)!,
      description: "Endpoints no input puts under a tag.",
      endpoints: groups.get(UNTAGGED_KEY)!,
    });
  const diagnostics = [...model.diagnostics]
    .sort(compareDiagnostics)
    .map(diagnosticView);
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of model.diagnostics) counts[d.severity]++;
  return {
    title: model.info.title,
    version: model.info.version,
    description: model.info.description,
    servers: model.servers.map((s) => ({
      url: s.url,
      description: s.description,
    })),
    baseUrl,
    clientSetup: [
      `import { createClient } from "./generated/client/index.js";`,
      "",
      clientCreation(baseUrl),
    ].join("\n"),
    tags,
    endpoints,
    diagnostics,
    counts,
    diagnosticCodes: codeCounts(model.diagnostics),
    schemas: schemaViews(model.schemas, schemaAnchors),
    schemes: schemeViews(model),
  };
}

/** `createClient({ baseUrl })`, broken over lines as prettier breaks it when it passes 80 columns. */
function clientCreation(baseUrl: string): string {
  const line = `const client = createClient({ baseUrl: ${tsString(baseUrl)} });`;
  if (line.length <= 80) return line;
  return `const client = createClient({\n  baseUrl: ${tsString(baseUrl)},\n});`;
}

/** Declared tags in model order, then tags only endpoints name, sorted. */
function tagOrder(model: ApiModel): string[] {
  const order: string[] = [];
  const seen = new Set<string>();
  for (const tag of model.tags)
    if (!seen.has(tag.name)) {
      seen.add(tag.name);
      order.push(tag.name);
    }
  const extra = new Set<string>();
  for (const e of model.endpoints)
    for (const tag of e.tags) if (!seen.has(tag)) extra.add(tag);
  return [...order, ...[...extra].sort()];
}

function firstAbsoluteServer(model: ApiModel): string | undefined {
  for (const server of model.servers) {
    const url = server.url.replace(
      /\{([^{}]+)\}/g,
      (whole, name: string) => server.variables?.[name]?.default ?? whole,
    );
    if (/^https?:\/\/[^{}\s]+$/i.test(url)) return url;
  }
  return undefined;
}

/** `op-<name>`; names are unique identifiers, but an unnamed endpoint still gets a unique id. */
function endpointIds(endpoints: readonly Endpoint[]): string[] {
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

function endpointView(
  schemaAnchors: Map<string, string>,
  declared: Endpoint,
  model: ApiModel,
  baseUrl: string,
  id: string,
  pageSlug: string,
): EndpointView {
  const e = withTemplateParameters(declared);
  const scopes = new Set<string>();
  for (const requirement of e.security ?? [])
    for (const list of Object.values(requirement))
      for (const s of list) scopes.add(s);
  return {
    id,
    method: e.method.toUpperCase(),
    path: e.path,
    name: e.name,
    summary: e.summary,
    description: e.description,
    deprecated: e.deprecated,
    tags: e.tags,
    pageSlug,
    parameters: allParameters(e.parameters).map((p) => ({
      name: p.name,
      in: p.in,
      required: p.required,
      deprecated: p.deprecated === true,
      type: schemaLabel(p.schema),
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
    scopes: [...scopes].sort(),
    security: e.security?.flatMap((requirement) =>
      Object.entries(requirement).map(([scheme, list]) => ({
        scheme,
        scopes: list,
      })),
    ),
    curl: curlExample(e, model, baseUrl),
    client: clientCallExample(e, model),
    sources: uniqueSources(e.sources),
  };
}

function contentView(
  media: MediaContent,
  schemaAnchors: Map<string, string>,
): ContentView {
  return {
    mediaType: media.mediaType,
    type: schemaLabel(media.schema),
    link: linkTo(media.schema, schemaAnchors),
  };
}

function uniqueSources(
  sources: readonly SourceRef[],
): { file: string; line: number }[] {
  const seen = new Map<string, { file: string; line: number }>();
  for (const s of sources)
    seen.set(`${s.file}\u0000${s.line}`, { file: s.file, line: s.line });
  return [...seen.values()].sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line,
  );
}

function compareEndpoints(a: Endpoint, b: Endpoint): number {
  return (
    cmp(a.path, b.path) ||
    HTTP_METHODS.indexOf(a.method) - HTTP_METHODS.indexOf(b.method)
  );
}

function codeCounts(
  diagnostics: readonly Diagnostic[],
): { code: string; severity: Severity; count: number }[] {
  const byCode = new Map<
    string,
    { code: string; severity: Severity; count: number }
  >();
  const rank = { error: 0, warning: 1, info: 2 };
  for (const d of diagnostics) {
    const entry = byCode.get(d.code);
    if (!entry)
      byCode.set(d.code, { code: d.code, severity: d.severity, count: 1 });
    else {
      entry.count++;
      if (rank[d.severity] < rank[entry.severity]) entry.severity = d.severity;
    }
  }
  return [...byCode.values()].sort(
    (a, b) => b.count - a.count || cmp(a.code, b.code),
  );
}

function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    cmp(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    cmp(a.code, b.code) ||
    cmp(a.message, b.message)
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function diagnosticView(d: Diagnostic): DiagnosticView {
  return {
    severity: d.severity,
    code: d.code,
    message: d.message,
    where: `${d.file}:${d.line}:${d.column}`,
    related: (d.related ?? []).map((r) => `${r.file}:${r.line}:${r.column}`),
  };
}
