import {
  filledServerUrl,
  grouped,
  compareCodeUnits,
  compareEndpoints,
  DEFAULT_LAYOUT,
  group,
  importFromProject,
  items,
  print,
  tsString,
} from "../toolkit.js";
import type { ApiModel, Diagnostic, Severity } from "../../model/types.js";
import type { OutputLayout } from "../artifact.js";
import type { DocsGroupBy } from "./group-by-option.js";
import { endpointView, SharedParts, webhookView } from "./endpoint-view.js";
import { schemeViews } from "./schemes-view.js";
import { schemaIds, schemaViews } from "./schemas-view.js";
import { groupEndpoints } from "./groups.js";
import { endpointIds, slugMaker } from "./slugs.js";
import type { CodeCount, DocsView, TagView } from "./view-types.js";

export function buildDocsView(
  model: ApiModel,
  /** What the docs' view is made with besides the model. */
  options: {
    groupBy?: DocsGroupBy;
    /** Where the output folder is in the project (the client example's import). */
    layout?: OutputLayout;
    /** Where each artifact lives in the output folder (the client's, for the example). */
    paths: Readonly<Record<string, string>>;
    /** What a diagnostic code means (the run's `reporter.meaning`); "" for every code without it. */
    meaning?: (code: string) => string;
  },
): DocsView {
  const baseUrl =
    model.servers
      .map(filledServerUrl)
      .find((url) => /^https?:\/\/[^{}\s]+$/i.test(url)) ??
    "https://api.example.com";
  // the model promises this order; sorting again keeps the docs independent of it
  const sorted = [...model.endpoints].sort(compareEndpoints);
  const grouping = groupEndpoints(sorted, model.tags, options.groupBy);
  // one per group, a tag called "Untagged" and the untagged group's too: they name files
  const slug = slugMaker("tag");
  const slugs = grouping.groups.map((g) => slug(g.name));
  const groupOf = new Map<number, number>();
  for (const [g, group] of grouping.groups.entries())
    for (const i of group.members) groupOf.set(i, g);
  const ids = endpointIds(sorted);
  const schemaAnchors = schemaIds(model.schemas);
  const shared = new SharedParts(schemaAnchors);
  const endpoints = sorted.map((e, i) => {
    const g = groupOf.get(i)!;
    const group = grouping.groups[g]!.name;
    const view = endpointView(shared, e, model, baseUrl, ids[i]!, slugs[g]!);
    view.group = group;
    view.otherTags = grouping.showTags
      ? e.tags.filter((t) => t.toLowerCase() !== group.toLowerCase())
      : [];
    return view;
  });
  const refs = grouping.groups.map(({ name, summary }, i) => ({
    name,
    slug: slugs[i]!,
    ...(summary !== undefined && { summary }),
  }));
  const refOf = new Map(refs.map((ref) => [ref.name, ref]));
  const tags = grouping.groups.map(
    ({ members, parent, ...group }, i): TagView => ({
      ...group,
      slug: slugs[i]!,
      endpoints: members.map((m) => endpoints[m]!),
      ...(parent !== undefined && { parent: refOf.get(parent)! }),
      children: [],
    }),
  );
  const bySlug = new Map(tags.map((tag) => [tag.slug, tag]));
  for (const [i, tag] of tags.entries())
    if (tag.parent) bySlug.get(tag.parent.slug)!.children.push(refs[i]!);
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
      `import { createClient } from ${tsString(importFromProject(options.layout ?? DEFAULT_LAYOUT, `${options.paths["client"]}/index.js`))};`,
      "",
      // broken over lines as prettier breaks it past 80 columns
      print(
        group([
          "const client = createClient({",
          items([`baseUrl: ${tsString(baseUrl)}`], { spaced: true }),
          "});",
        ]),
      ),
    ].join("\n"),
    tags,
    groupedBy: grouping.mode,
    endpoints,
    diagnostics: [...model.diagnostics].sort(compareDiagnostics).map((d) => ({
      severity: d.severity,
      code: d.code,
      message: d.message,
      where: `${d.file}:${d.line}:${d.column}`,
      related: (d.related ?? []).map((r) => `${r.file}:${r.line}:${r.column}`),
    })),
    counts,
    diagnosticCodes: codeCounts(model.diagnostics, options.meaning),
    schemas: schemaViews(model.schemas, schemaAnchors),
    schemes: schemeViews(model),
    webhooks: (model.webhooks ?? []).map((w) => webhookView(shared, w)),
  };
}

function codeCounts(
  diagnostics: readonly Diagnostic[],
  meaning: (code: string) => string = () => "",
): CodeCount[] {
  return [...grouped(diagnostics, (d) => d.code)]
    .map(([code, list]): CodeCount => ({
      code,
      // the most severe
      severity: (["error", "warning", "info"] as const).find((s) =>
        list.some((d) => d.severity === s),
      )!,
      count: list.length,
      meaning: meaning(code),
    }))
    .sort((a, b) => b.count - a.count || compareCodeUnits(a.code, b.code));
}

function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    compareCodeUnits(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    compareCodeUnits(a.code, b.code) ||
    compareCodeUnits(a.message, b.message)
  );
}
