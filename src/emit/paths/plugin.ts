import { definePlugin } from "../artifact.js";

/**
 * The `paths` artifact: `paths.ts`, openapi-typescript 7's types (`paths`, `components`,
 * `operations`, `webhooks`, `$defs`) from the model, so code written against openapi-typescript's
 * output (and openapi-fetch, through `client/openapi-fetch.ts`) moves over by its import. Opt-in.
 */
export default definePlugin({
  name: "paths",
  description:
    "paths.ts: openapi-typescript's `paths`/`components`/`operations` types (opt-in: -a ...,paths)",
  byDefault: false,
  needs: ["types"],
  path: "paths.ts",
  async emit(context) {
    const { emitPaths } = await import("./index.js");
    return [emitPaths(context)];
  },
});
