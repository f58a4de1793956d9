import type { EmitContext, GeneratedFile } from "../artifact.js";
import type { DocsGroupBy } from "./group-by-option.js";
import { loadDocsTemplates, docsHelpers } from "./templates.js";
import { changelogPage } from "./changelog.js";
import { buildDocsView } from "./view.js";

export { buildDocsView } from "./view.js";
export type {
  DocsView,
  EndpointView,
  TagView,
  WebhookView,
} from "./view-types.js";
export type { SchemaView } from "./schemas-view.js";

/**
 * Docs under `docs/`: `index.md`, a page per tag in `tags/`, `diagnostics.md`, `schemas.md` and
 * `webhooks.md` (when there are any), and one self-contained `index.html`.
 */
export async function emitDocs({
  model,
  options,
  templatesDir,
  layout,
  paths,
  reporter,
  sinceLastRun,
}: EmitContext<DocsOptions>): Promise<GeneratedFile[]> {
  const view = buildDocsView(model, {
    groupBy: options.groupBy,
    layout,
    paths,
    meaning: (code) => reporter.meaning(code),
  });
  const { markdown, html, assets } = await loadDocsTemplates(templatesDir);
  const files: GeneratedFile[] = [
    { path: "docs/index.md", contents: markdown.indexPage(view, docsHelpers) },
    ...view.tags.map((tag) => ({
      path: `docs/tags/${tag.slug}.md`,
      contents: markdown.tagPage(view, tag, docsHelpers),
    })),
    {
      path: "docs/diagnostics.md",
      contents: markdown.diagnosticsPage(view, docsHelpers),
    },
    ...(view.schemas.length > 0
      ? [
          {
            path: "docs/schemas.md",
            contents: markdown.schemasPage(view, docsHelpers),
          },
        ]
      : []),
    // a user's template written before this page may not have it (`in`: asking for a missing
    // export of a user's template throws)
    ...(view.webhooks.length > 0 && "webhooksPage" in markdown
      ? [
          {
            path: "docs/webhooks.md",
            contents: markdown.webhooksPage!(view, docsHelpers),
          },
        ]
      : []),
    {
      path: "docs/index.html",
      contents: html.htmlPage(view, docsHelpers, assets),
    },
  ];
  // what changed since the last run, when the run makes the OpenAPI document to compare
  if (sinceLastRun) files.push(changelogPage("docs", sinceLastRun, reporter));
  return files;
}

/** The docs plugin's options, resolved (src/emit/docs/plugin.ts). */
export interface DocsOptions {
  readonly groupBy: DocsGroupBy;
}
