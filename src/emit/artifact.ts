import type { ApiModel } from "../model/types.js";
import type { OutputLayout } from "./layout.js";

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
  /** Where the output folder is in the project (default `generated`): see OutputLayout. */
  layout?: OutputLayout;
  docs?: {
    /** Group endpoints by first tag, by the resource of their path, or `auto` (the default). */
    groupBy?: DocsGroupBy;
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
export const ARTIFACTS = Object.freeze([
  "types",
  "client",
  "server",
  "validators",
  "docs",
  "openapi",
] as const);

export type ArtifactName = (typeof ARTIFACTS)[number];

/**
 * What each artifact's files import from other artifacts: the client and the server import the
 * shared `types.ts` and call the validators; the validators narrow to `types.ts`. Asking for an
 * artifact makes what it needs too, and each file is made by one emitter only.
 */
export const ARTIFACT_NEEDS: Readonly<
  Record<ArtifactName, readonly ArtifactName[]>
> = {
  types: [],
  client: ["types", "validators"],
  server: ["types", "validators"],
  validators: ["types"],
  docs: [],
  openapi: [],
};

/** `wanted` and everything it needs, once each, in `ARTIFACTS` order. */
export function withNeeds(wanted: Iterable<ArtifactName>): ArtifactName[] {
  const all = new Set<ArtifactName>();
  const add = (name: ArtifactName): void => {
    if (all.has(name)) return;
    all.add(name);
    ARTIFACT_NEEDS[name].forEach(add);
  };
  for (const name of wanted) add(name);
  return ARTIFACTS.filter((name) => all.has(name));
}

/**
 * How the docs group endpoints (config `docs.groupBy`, flag `--group-by`): by first tag, by the
 * resource their path names, or `auto`: by path when the tags are degenerate, else by tag.
 */
export const DOCS_GROUP_BY = ["tag", "path", "auto"] as const;

export type DocsGroupBy = (typeof DOCS_GROUP_BY)[number];
