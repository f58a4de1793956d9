/** What a config file imports: `import { defineConfig, definePlugin } from "apiloom-gen/config"`. */
export {
  defineConfig,
  type ApiloomApi,
  type ApiloomConfig,
  type ApiloomSettings,
} from "./workflow/config/types.js";
// the plugin API, for the plugins a config defines (src/plugin-api.ts)
export * from "./plugin-api.js";
// the options of apiloom's artifacts, typed from their specs (ApiloomSettings)
export type { BuiltInOptions } from "./emit/registry.js";
// the shape of a `client.pages` entry (ApiloomSettings)
export type { PageShape } from "./model/pagination.js";
// the config's `remote` section: how URL inputs are fetched (ApiloomSettings)
export type { RemoteConfig } from "./workflow/config/remote-settings.js";
