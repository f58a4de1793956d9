import type { ApiModel, Severity } from "../../model/types.js";
import type { EmitOptions } from "../artifact.js";
import { tsString } from "../shared/escape.js";
import {
  codeCounts,
  type CodeCount,
  compareDiagnostics,
  diagnosticView,
} from "./diagnostics-view.js";
import { compareEndpoints } from "../../model/order.js";
import { endpointIds, endpointView } from "./endpoint-view.js";
import { schemeViews, type SchemeView } from "./schemes-view.js";
import {
  schemaIds,
  schemaViews,
  type SchemaLink,
  type SchemaView,
} from "./schemas-view.js";
import { uniqueSlugs } from "./slugs.js";
import { PRINT_WIDTH } from "../shared/literals.js";

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
  diagnosticCodes: CodeCount[];
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
  if (line.length <= PRINT_WIDTH) return line;
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
