import { definePlugin, DOCS_GROUP_BY, type DocsGroupBy } from "../artifact.js";

/** The `docs` artifact: `docs/`, Markdown pages and one self-contained HTML page. */
export default definePlugin({
  name: "docs",
  description:
    "docs/: Markdown pages per tag and one self-contained index.html",
  path: "docs",
  options: {
    groupBy: {
      type: DOCS_GROUP_BY,
      default: "auto" as DocsGroupBy,
      help: `Docs groups: ${DOCS_GROUP_BY.join("|")} (default: auto, by path when the tags are degenerate)`,
      flag: "--group-by",
      placeholder: "<how>",
    },
  },
  async emit({ model, options, templatesDir, layout, paths }) {
    const { emitDocs } = await import("./index.js");
    return emitDocs(model, {
      templatesDir,
      layout,
      paths,
      docs: { groupBy: options.groupBy },
    });
  },
});
