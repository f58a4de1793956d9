import { definePlugin } from "../artifact.js";
import { pagesOption } from "../shared/pages-option.js";

/** The `query` artifact (opt-in): `query/index.ts`, TanStack Query option factories per endpoint. */
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
    return [await emitQuery(context, pages)];
  },
});
