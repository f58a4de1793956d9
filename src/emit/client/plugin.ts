import { definePlugin } from "../artifact.js";
import { baseUrlOption } from "../shared/base-url-option.js";
import { pagesOption } from "../shared/pages-option.js";
import { CLIENT_FOLDER } from "./path.js";

/** The `client` artifact: `client/`, a typed fetch client (src/emit/client/index.ts). */
export default definePlugin({
  name: "client",
  description: "client/: a typed fetch function per endpoint and createClient",
  // the validators only for response validation (client/validate.ts), when the run makes them:
  // a client alone costs its users' type-checking no validators (issue 45)
  needs: ["types"],
  path: CLIENT_FOLDER,
  options: {
    baseUrl: baseUrlOption(
      "Default base URL of the generated client: absolute http(s), or a path (/api)",
    ),
    /**
     * Page shapes by endpoint (`"GET /things"`), for endpoints whose pages the description does
     * not show: each gets its `<name>Pages` iterator. A key that names no endpoint, or a query
     * parameter or body property the endpoint lacks, is a `client/page-declaration` error.
     */
    pages: pagesOption,
  },
  async emit(context) {
    const { emitClient } = await import("./index.js");
    return emitClient(context);
  },
});
