import type { ApiModel, Diagnostic, DocumentModel } from "./types.js";

export interface BuildOptions {
  /** Name overrides: `"GET /pets/{id}"` (method upper-case, path in `{name}` form) → identifier. */
  names?: Record<string, string>;
  /**
   * Names committed by an earlier run (same key form). A locked name is kept as long as its
   * endpoint exists, so a new endpoint can never take it or rename its owner.
   */
  lockedNames?: Record<string, string>;
}

/**
 * Weaves the documents of every input into one model: merge, then naming, then diagnostics.
 * TEMPORARY: concatenates; replaced by src/model/merge.ts in the next commit.
 */
export function buildModel(
  documents: DocumentModel[],
  diagnostics: Diagnostic[],
  _options: BuildOptions = {},
): ApiModel {
  const first = documents[0];
  return {
    info: first?.info ?? { title: "API", version: "0.0.0" },
    servers: documents.flatMap((d) => d.servers),
    securitySchemes: Object.assign(
      {},
      ...documents.map((d) => d.securitySchemes),
    ),
    schemas: Object.assign({}, ...documents.map((d) => d.schemas)),
    tags: documents.flatMap((d) => d.tags),
    endpoints: documents.flatMap((d) => d.endpoints),
    diagnostics,
  };
}
