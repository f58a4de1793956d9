import type { Emitter, GeneratedFile } from "../artifact.js";
import { streamedFile } from "../shared/text-parts.js";
import { loadDocsTemplates, docsHelpers } from "./templates.js";
import { buildDocsView } from "./view.js";

export { buildDocsView } from "./view.js";
export type { DocsView, EndpointView, TagView } from "./view-types.js";
export type { SchemaView } from "./schemas-view.js";

/**
 * Docs under `docs/`: `index.md` (every endpoint by tag), a page per tag in `tags/`,
 * `diagnostics.md`, `schemas.md` (when the model has named schemas), and one self-contained
 * `index.html`.
 */
export const emitDocs: Emitter = async (model, options) => {
  const view = buildDocsView(model, options);
  const { markdown, html, assets, own } = await loadDocsTemplates(
    options.templatesDir,
  );
  const md = (path: string, render: () => string) =>
    page(path, own.markdown, render);
  const files: GeneratedFile[] = [
    md("docs/index.md", () => markdown.indexPage(view, docsHelpers)),
    ...view.tags.map((tag) =>
      md(`docs/tags/${tag.slug}.md`, () =>
        markdown.tagPage(view, tag, docsHelpers),
      ),
    ),
    md("docs/diagnostics.md", () =>
      markdown.diagnosticsPage(view, docsHelpers),
    ),
    ...(view.schemas.length > 0
      ? [md("docs/schemas.md", () => markdown.schemasPage(view, docsHelpers))]
      : []),
    page("docs/index.html", own.html, () =>
      html.htmlPage(view, docsHelpers, assets),
    ),
  ];
  return files;
};

/**
 * A page rendered by apiloom's own template is a streamed file (shared/text-parts.ts): rendered
 * when the CLI stages it, and written at once, so each page dies young. Rendered here, all of
 * them (GitHub: 10.5 MB, the HTML page last) were held until the plugin returned and were copied
 * into the old generation. A user's template is called here, as the plugin runs: its faults are
 * the plugin's (a TemplateError), not a throw when `--check` or the library reads the text.
 */
function page(path: string, own: boolean, render: () => string): GeneratedFile {
  return own
    ? streamedFile(path, (out) => out.write(render()))
    : { path, contents: render() };
}
