/**
 * apiloom's programmatic API, listed on purpose: the stages the CLI wires, for scripts that want
 * the merged model or one artifact without the file system work.
 */
export { loadModel, type LoadOptions } from "./pipeline.js";
export {
  ingestFiles,
  ingestTexts,
  type IngestOptions,
  type IngestResult,
} from "./ingest/index.js";
export { buildModel, type BuildOptions } from "./model/build.js";
export { EMITTERS, ARTIFACTS } from "./emit/index.js";
export type {
  ArtifactName,
  EmitOptions,
  Emitter,
  GeneratedFile,
} from "./emit/artifact.js";
export { defineConfig, type ApiloomConfig } from "./config.js";
export type {
  ApiModel,
  Diagnostic,
  Endpoint,
  MediaContent,
  NamedSchema,
  Parameter,
  RequestBody,
  Response,
  Schema,
  SecurityRequirement,
  SecurityScheme,
  Server,
  SourceRef,
} from "./model/types.js";
