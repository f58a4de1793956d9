import { definePlugin } from "../artifact.js";

/**
 * The `query` artifact: `query/index.ts`, TanStack Query option factories per endpoint (query
 * keys, `queryOptions`, infinite-query options where an endpoint paginates, `mutationOptions`).
 * Opt-in: made only when `artifacts` or `-a` names it.
 */
export default definePlugin({
  name: "query",
  description:
    "query/: TanStack Query option factories per endpoint (opt-in: -a ...,query)",
  needs: ["client"],
  byDefault: false,
  path: "query",
  async emit(context) {
    const { emitQuery } = await import("./index.js");
    return [emitQuery(context)];
  },
});
