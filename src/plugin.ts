/**
 * `apiloom-gen/plugin`: the toolkit apiloom's own plugins write code with (src/emit/toolkit.ts:
 * `group`, `print`, `stringLiteral`, …) and the plugin API (src/plugin-api.ts).
 */
export * from "./emit/toolkit.js";
export { diagnosticMeaning } from "./diagnostic-codes.js";
export * from "./plugin-api.js";
