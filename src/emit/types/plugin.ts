import { definePlugin } from "../artifact.js";
import { TYPES_FILE } from "./path.js";

/** The `types` artifact: `types.ts`, the TypeScript types every other artifact imports. */
export default definePlugin({
  name: "types",
  description: "types.ts: a TypeScript type per schema and per endpoint part",
  path: TYPES_FILE,
  emit: async ({ model, types }) => [
    (await import("./types-file.js")).emitTypesFile(model, types),
  ],
});
