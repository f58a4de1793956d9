/** What a config file imports: `import { defineConfig } from "apiloom/config"`. */
export { defineConfig, type ApiloomConfig } from "./workflow/config-types.js";
