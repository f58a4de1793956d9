import { definePlugin } from "../artifact.js";
import { PATHS_OPTIONS } from "./options.js";

/**
 * The `paths` artifact: openapi-typescript 7's types, so code written against its output (and
 * openapi-fetch, through `client/openapi-fetch.ts`) moves over by its import.
 */
export default definePlugin({
  name: "paths",
  description:
    "paths.ts: openapi-typescript's `paths`/`components`/`operations` types (opt-in: -a ...,paths)",
  byDefault: false,
  path: "paths.ts",
  options: PATHS_OPTIONS,
  async emit(context) {
    const { emitPaths, openapiFetchFiles } = await import("./index.js");
    // openapi-fetch's client: the client plugin's when the run makes it
    return [
      emitPaths(context),
      ...(context.artifacts.includes("client")
        ? []
        : openapiFetchFiles(context)),
    ];
  },
});
