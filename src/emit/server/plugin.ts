import { definePlugin } from "../artifact.js";
import { adapterProblem } from "./adapters.js";
import { baseUrlOption } from "../shared/base-url-option.js";
import { webhookSignatureOption } from "./webhook-signature-option.js";

/** The `server` artifact: `server/`, route data, contracts and a node:http listener. */
export default definePlugin({
  name: "server",
  description: "server/: routes, handler contracts and a node:http listener",
  needs: ["types", "validators"],
  path: "server",
  options: {
    adapters: {
      type: "string-list",
      default: [] as readonly string[],
      help: "Comma-separated server adapters to emit besides node:http: express, fastify, hono (default: none)",
      flag: "--server-adapters",
      placeholder: "<list>",
      problem: (
        adapters: readonly string[],
        { templates }: { templates?: string },
      ) => {
        for (const adapter of adapters) {
          const problem = adapterProblem(adapter, templates);
          if (problem) return problem;
        }
        return undefined;
      },
    },
    baseUrl: baseUrlOption(
      "The generated server's default base path: this URL's path (else none: the root)",
    ),
    webhookSignature: webhookSignatureOption,
    validateResponses: {
      type: "boolean",
      default: false,
      help: "The generated server checks its JSON answers against the specs by default",
      flag: "--validate-responses",
    },
  },
  async emit(context) {
    const { emitServer, reportAmbiguousRoutes } = await import("./index.js");
    const { methodDiagnostics, NODE_HTTP_METHODS } =
      await import("../toolkit.js");
    // two routes one URL can match: the server's router would pick one silently
    reportAmbiguousRoutes(context.model, context.reporter);
    // a method Node's parser refuses never reaches the listener (OpenAPI 3.2's other methods)
    context.reporter.add(
      methodDiagnostics(context.model, "server/method-not-received", (m) =>
        NODE_HTTP_METHODS.includes(m)
          ? undefined
          : "Node's HTTP parser refuses this method with 400 before the node:http listener (and Express and Fastify) sees it; the fetch handler (Deno, Bun, Hono) serves it",
      ),
    );
    // an endpoint's own server, which a base path would move with the others
    const { endpointServerUnderBasePath } = await import("../toolkit.js");
    endpointServerUnderBasePath(
      context.model,
      context.options.baseUrl,
      context.reporter,
    );
    return emitServer(context);
  },
});
