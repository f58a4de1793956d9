import { definePlugin } from "../artifact.js";

/**
 * The `mocks` artifact (opt-in): MSW request handlers, one per endpoint. The one generated file
 * that imports a package (`msw`, a devDependency of the user's project).
 */
export default definePlugin({
  name: "mocks",
  description:
    "mocks/: MSW request handlers per endpoint answering the examples (opt-in: -a ...,mocks)",
  byDefault: false,
  path: "mocks",
  async emit(context) {
    const { emitMocks } = await import("./index.js");
    return [emitMocks(context)];
  },
});
