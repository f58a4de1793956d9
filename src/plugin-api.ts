/**
 * The plugin API, listed once: what a plugin is (`definePlugin`, `ArtifactPlugin`), what its
 * `emit` is given (`EmitContext`, and the reporter and the type index it holds) and what it
 * returns. `apiloom` (src/index.ts), `apiloom-gen/plugin` (src/plugin.ts) and `apiloom-gen/config`
 * (src/config.ts) export it.
 */
export {
  definePlugin,
  type ApiChange,
  type ArtifactPlugin,
  type ChangeRule,
  type ConfigPlugin,
  type EmitContext,
  type GeneratedFile,
  type ImportCollector,
  type OptionType,
  type OptionValues,
  type PluginDiagnosticCode,
  type PluginOption,
  type PluginOptionSpecs,
  type SinceLastRun,
} from "./emit/artifact.js";
export type { OutputLayout } from "./emit/layout.js";
// the context's reporter, and the codes it reports
export type { OnceReport, ReportPlace, Reporter } from "./emit/artifact.js";
export type { EmitCode } from "./emit/codes.js";
// the context's type index: the names of the types in types.ts and their type expressions
export type { EndpointTypes, TypeIndex } from "./emit/type-index/type-index.js";
export type { WebhookTypes } from "./emit/type-index/webhook-names.js";
export type { ObjectMember, TypeNode } from "./emit/type-index/type-node.js";
export type { SchemaMode } from "./emit/type-index/schema-to-type.js";
