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
    const { model, options, reporter, types } = context;
    const [
      { emitClient },
      { baseUrlDiagnostics, endpointServerDiagnostics },
      { declaredPages, methodDiagnostics, FETCH_FORBIDDEN_METHODS },
      { schemaNameDiagnostics },
    ] = await Promise.all([
      import("./index.js"),
      import("./base-url.js"),
      import("../toolkit.js"),
      import("./schema-names.js"),
    ]);
    // a method fetch refuses: the endpoint's function would reject every call
    reporter.add(
      methodDiagnostics(model, "client/method-not-sent", (m) =>
        FETCH_FORBIDDEN_METHODS.includes(m)
          ? "fetch refuses to send this method (a forbidden method of the Fetch standard): the generated function rejects every call"
          : undefined,
      ),
    );
    // a first server with no host: the client has no default base URL
    baseUrlDiagnostics(model, options.baseUrl, reporter);
    // an endpoint's own server it cannot call: it calls the base URL instead
    endpointServerDiagnostics(model, reporter);
    // a schema named like one of the client's exports (`ApiError`) is renamed in types.ts
    schemaNameDiagnostics(model, types, reporter);
    // a declaration that names what the endpoint lacks is reported and left out
    const declared = declaredPages(model, options.pages);
    reporter.add(declared.diagnostics);
    return emitClient(context, declared.pages);
  },
});
