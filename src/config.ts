/** What a config file imports: `import { defineConfig, definePlugin } from "apiloom-gen/config"`. */
export {
  defineConfig,
  type ApiloomApi,
  type ApiloomConfig,
  type ApiloomSettings,
} from "./workflow/config/types.js";
export {
  definePlugin,
  type ArtifactPlugin,
  type ConfigPlugin,
  type EmitContext,
  type GeneratedFile,
  type ImportCollector,
  type OptionType,
  type OptionValues,
  type PluginDiagnosticCode,
  type PluginOption,
  type PluginOptionSpecs,
} from "./emit/artifact.js";
// the options of apiloom's artifacts, typed from their specs (ApiloomSettings)
export type { BuiltInOptions } from "./emit/registry.js";
// the shape of a `client.pages` entry (ApiloomSettings)
export type { PageShape } from "./model/pagination.js";
// the config's `remote` section: how URL inputs are fetched (ApiloomSettings)
export type { RemoteConfig } from "./workflow/config/remote-settings.js";
