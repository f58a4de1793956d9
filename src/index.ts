/**
 * apiloom's programmatic API, listed on purpose: the stages the CLI wires, for scripts that want
 * the merged model or one artifact without the file system work.
 */
export {
  generate,
  type GenerateOptions,
  type GenerateResult,
} from "./generate.js";
export { loadModel, type LoadOptions } from "./pipeline.js";
export {
  ingestFiles,
  ingestTexts,
  type IngestOptions,
  type IngestResult,
  type InputText,
} from "./ingest/index.js";
export {
  buildModel,
  type BuildOptions,
  type InfoOverride,
} from "./model/build.js";
export type { TagOverrides } from "./model/tag-overrides.js";
export {
  ARTIFACTS,
  BUILT_IN_PLUGINS,
  type ArtifactName,
} from "./emit/registry.js";
export {
  definePlugin,
  type ArtifactPlugin,
  type DocsGroupBy,
  type EmitContext,
  type GeneratedFile,
  type ImportCollector,
  type OptionType,
  type OptionValues,
  type PluginDiagnosticCode,
  type PluginOption,
  type PluginOptionSpecs,
} from "./emit/artifact.js";
export type { OutputLayout } from "./emit/layout.js";
export {
  defineConfig,
  type ApiloomConfig,
  type ApiloomSettings,
} from "./config.js";
// the model, whole: every type the functions above take or return, and what those are made of
export type * from "./model/types.js";
export type { NamingOptions } from "./model/naming.js";
