/**
 * apiloom's programmatic API, listed on purpose and by name: the pipeline the CLI runs, its
 * stages for scripts that want the merged model or one artifact without the file system work,
 * and the types they take and return. Nothing exported here can be changed by its importer:
 * the values are functions or frozen.
 */
export { generate, type GenerateOptions } from "./generate.js";
export {
  loadModel,
  type GenerateResult,
  type Inputs,
  type LoadOptions,
} from "./pipeline.js";
export {
  ingestFiles,
  ingestTexts,
  type IngestOptions,
  type IngestResult,
  type InputText,
} from "./ingest/index.js";
// what IngestOptions.overlays holds
export type { OverlayOption } from "./ingest/overlay/index.js";
// what IngestOptions.parse returns
export type {
  ParsedDocument,
  ParseWarning,
  TextPosition,
} from "./ingest/parse/parsed-document.js";
// the codes ParseWarning and the readers report
export type { IngestCode } from "./ingest/codes.js";
export type { Path } from "./model/pointer.js";
export {
  buildModel,
  type BuildOptions,
  type InfoOverride,
} from "./model/merge/build.js";
export type { TagOverrides } from "./model/merge/tag-overrides.js";
export type { NamingOptions } from "./model/merge/naming.js";
export type { DiagnosticCode } from "./diagnostic-codes.js";
export {
  ARTIFACTS,
  BUILT_IN_PLUGINS,
  type ArtifactName,
  type BuiltInOptions,
} from "./emit/registry.js";
export type { DocsGroupBy } from "./emit/docs/group-by-option.js";
// the plugin API (listed in plugin-api.ts, which apiloom-gen/plugin exports too)
export * from "./plugin-api.js";
export {
  defineConfig,
  type ApiloomApi,
  type ApiloomConfig,
  type ApiloomSettings,
  type PageShape,
  type RemoteConfig,
} from "./config.js";
// the model: every type the functions above take or return, and what those are made of
export type {
  ApiDescription,
  ApiInfo,
  ApiModel,
  ApiResponse,
  BodySignal,
  CollectionFormat,
  Diagnostic,
  DiagnosticCodes,
  DocumentModel,
  Encoding,
  Endpoint,
  EndpointParameters,
  Example,
  HttpMethod,
  MediaContent,
  NameCandidate,
  NamedSchema,
  OAuthFlow,
  Parameter,
  ParameterLocation,
  ParameterStyle,
  RequestBody,
  ResponseHeader,
  Schema,
  SchemaType,
  SecurityRequirement,
  SecurityScheme,
  SecuritySchemeKind,
  Serialization,
  Server,
  ServerVariable,
  Severity,
  SourceFormat,
  SourceRef,
  StandardHttpMethod,
  Tag,
  Webhook,
} from "./model/types.js";
export type { ScalarChoices } from "./model/scalar-choices.js";
// how the validators run a schema's pattern (ApiModel.patterns)
export type {
  PatternGuard,
  PatternProgram,
  PatternRisk,
} from "./model/patterns/guard.js";
