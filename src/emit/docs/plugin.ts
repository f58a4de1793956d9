import { definePlugin } from "../artifact.js";
import { DOCS_GROUP_BY, type DocsGroupBy } from "./group-by-option.js";

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
  // the changelog page compares this run's OpenAPI document with the last run's
  after: ["openapi"],
  emit: async (context) => (await import("./index.js")).emitDocs(context),
});
