import { definePlugin } from "../artifact.js";
import { pagesOption } from "../shared/pages-option.js";

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
  // the client's declared page shapes (`client.pages`): a declared cursor makes an infinite query
  options: { pages: pagesOption },
  async emit(context) {
    const [{ emitQuery }, { declaredPages }] = await Promise.all([
      import("./index.js"),
      import("../toolkit.js"),
    ]);
    // the client plugin reports what a declaration names amiss; only the sound ones come here
    const { pages } = declaredPages(context.model, context.options.pages);
    return [emitQuery(context, pages)];
  },
});
