import { definePlugin } from "../artifact.js";
import { pagesOption } from "../shared/options.js";

export default definePlugin({
  name: "query",
  description:
    "query/: TanStack Query option factories per endpoint (opt-in: -a ...,query)",
  needs: ["client"],
  byDefault: false,
  path: "query",
  // the client's declared page shapes (`client.pages`): a declared cursor makes an infinite query
  options: { pages: pagesOption },
  emit: async (context) => [
    await (await import("./index.js")).emitQuery(context),
  ],
});
