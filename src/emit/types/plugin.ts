import { definePlugin } from "../artifact.js";
import { TYPES_FILE } from "./path.js";

/** The `types` artifact: `types.ts`, the TypeScript types every other artifact imports. */
export default definePlugin({
  name: "types",
  description: "types.ts: a TypeScript type per schema and per endpoint part",
  path: TYPES_FILE,
  async emit({ model, types }) {
    const { emitTypesFile } = await import("./types-file.js");
    return [emitTypesFile(model, types)];
  },
});
