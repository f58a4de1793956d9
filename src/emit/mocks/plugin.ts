import { definePlugin } from "../artifact.js";

/**
 * The `mocks` artifact: `mocks/index.ts`, MSW (Mock Service Worker) request handlers, one per
 * endpoint, answering the description's examples or samples made from the response schemas.
 * Opt-in: made only when `artifacts` or `-a` names it. The one generated file that imports a
 * package (`msw`, a devDependency of the user's project): mocks are for development only.
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
