import { definePlugin } from "../artifact.js";

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
