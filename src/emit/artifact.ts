import type { ApiModel } from "../model/types.js";

/** One file an emitter makes; `path` is relative to the output folder, with `/` separators. */
export interface GeneratedFile {
  path: string;
  contents: string;
}

export interface EmitOptions {
  /** A folder holding the user's copies of templates; files missing there fall back to apiloom's. */
  templatesDir?: string;
  /** Overrides the servers of the model for the generated client's default base URL. */
  baseUrl?: string;
  /**
   * Server framework adapters to emit beside the node:http listener, as `server/<name>.ts`:
   * `fastify`, or the name of the user's own `server/<name>.ts` template. Default none.
   */
  serverAdapters?: readonly string[];
  /** The generated server checks its JSON answers by default (`server.validateResponses`). */
  validateResponses?: boolean;
  docs?: {
    /** Group endpoints by first tag, by the resource of their path, or `auto` (the default). */
    groupBy?: DocsGroupBy;
    /**
     * The module specifier the client examples import the generated client from, as a file of
     * the project imports it (default `./generated/client/index.js`; the CLI derives it from `out`).
     */
    clientImport?: string;
  };
}

/** An emitter reads the model (never a source format) and returns files; only the CLI writes them. */
export type Emitter = (
  model: ApiModel,
  options: EmitOptions,
) => Promise<GeneratedFile[]> | GeneratedFile[];

/**
 * Every artifact apiloom can make, in the order they are made: the one list. It lives here, beside
 * the types, so the config loader and the CLI can name artifacts without loading any emitter.
 */
export const ARTIFACTS = [
  "client",
  "server",
  "validators",
  "docs",
  "openapi",
] as const;

export type ArtifactName = (typeof ARTIFACTS)[number];

/**
 * How the docs group endpoints (config `docs.groupBy`, flag `--group-by`): by first tag, by the
 * resource their path names, or `auto`: by path when the tags are degenerate, else by tag.
 */
export const DOCS_GROUP_BY = ["tag", "path", "auto"] as const;

export type DocsGroupBy = (typeof DOCS_GROUP_BY)[number];
