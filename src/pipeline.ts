import { ingestFiles, type IngestOptions } from "./ingest/index.js";
import { buildModel, type BuildOptions } from "./model/build.js";
import type { ApiModel } from "./model/types.js";

export type LoadOptions = IngestOptions & BuildOptions;

/** ingest → model: reads the input files and returns the one merged model with its diagnostics. */
export function loadModel(
  files: readonly string[],
  options: LoadOptions = {},
): ApiModel {
  const { documents, diagnostics } = ingestFiles(files, options);
  return buildModel(documents, diagnostics, options);
}
