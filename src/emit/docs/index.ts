import type { EmitContext, GeneratedFile } from "../artifact.js";
import { streamedFile, type TextOut } from "../toolkit.js";
import type { DocsGroupBy } from "./group-by-option.js";
import { loadDocsTemplates, docsHelpers } from "./templates.js";
import { changelogPage } from "./changelog.js";
import { buildDocsView } from "./view.js";

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
}: EmitContext<{ readonly groupBy: DocsGroupBy }>): Promise<GeneratedFile[]> {
  const view = buildDocsView(model, {
    groupBy: options.groupBy,
    layout,
    paths,
    meaning: (code) => reporter.meaning(code),
  });
  const { markdown, html, assets } = await loadDocsTemplates(templatesDir);
  const own = await loadDocsTemplates();
  // apiloom's own templates write each page as it is written (a speed device: docs/benchmark.md);
  // a user's run here, where what they throw is reported as theirs
  const page = (
    path: string,
    template: object,
    render: (out?: TextOut) => string,
  ): GeneratedFile =>
    template === own.markdown || template === own.html
      ? streamedFile(path, (out) => void render(out))
      : { path, contents: render() };
  const md = (name: string, render: (out?: TextOut) => string) =>
    page(`docs/${name}.md`, markdown, render);
  const h = docsHelpers;
  const files: GeneratedFile[] = [
    md("index", (out) => markdown.indexPage(view, h, out)),
    ...view.tags.map((tag) =>
      md(`tags/${tag.slug}`, (out) => markdown.tagPage(view, tag, h, out)),
    ),
    md("diagnostics", (out) => markdown.diagnosticsPage(view, h, out)),
    ...(view.schemas.length > 0
      ? [md("schemas", (out) => markdown.schemasPage(view, h, out))]
      : []),
    // `in`: asking a user's template for a missing export throws
    ...(view.webhooks.length > 0 && "webhooksPage" in markdown
      ? [md("webhooks", (out) => markdown.webhooksPage!(view, h, out))]
      : []),
    page("docs/index.html", html, (out) => html.htmlPage(view, h, assets, out)),
  ];
  if (sinceLastRun) files.push(changelogPage(sinceLastRun, reporter));
  return files;
}
