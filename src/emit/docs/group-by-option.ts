/**
 * How the docs group endpoints (config `docs.groupBy`, flag `--group-by`): by first tag, by the
 * resource their path names, or `auto`: by path when the tags are degenerate, else by tag.
 */
export const DOCS_GROUP_BY = ["tag", "path", "auto"] as const;

export type DocsGroupBy = (typeof DOCS_GROUP_BY)[number];
