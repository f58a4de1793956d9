import { definePlugin } from "../artifact.js";

export default definePlugin({
  name: "mocks",
  description:
    "mocks/: MSW request handlers per endpoint answering the examples (opt-in: -a ...,mocks)",
  byDefault: false,
  path: "mocks",
  emit: async (context) => [(await import("./index.js")).emitMocks(context)],
});
