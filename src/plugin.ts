/**
 * `apiloom-gen/plugin`: what a plugin imports to write code, `import { group, print,
 * stringLiteral } from "apiloom-gen/plugin"` (the toolkit apiloom's own plugins use,
 * src/emit/toolkit.ts), and the plugin API (src/plugin-api.ts). `definePlugin` is here and in
 * `apiloom-gen/config` alike.
 */
export * from "./emit/toolkit.js";
export { diagnosticMeaning } from "./diagnostic-codes.js";
export * from "./plugin-api.js";
