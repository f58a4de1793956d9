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
    /**
     * Framework adapters emitted beside the node:http listener (always emitted), each as
     * `server/<name>.ts`: `"express"` (Express 5), `"fastify"` (needs fastify 5 in your project),
     * `"hono"` (needs hono 4), or the name of your own template `server/<name>.ts` in the
     * templates folder. Default none.
     */
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
    /**
     * How the API signs its webhooks, the generated receiver's default check:
     * `"standard"` (Standard Webhooks, default), `"github"` or `"stripe"`.
     */
    webhookSignature: webhookSignatureOption,
    /**
     * The generated server checks its JSON answers against the specs (a 500 problem answer when a
     * handler breaks its contract) unless its listener options say otherwise. Default false:
     * meant for development and tests. Requests are always checked.
     */
    validateResponses: {
      type: "boolean",
      default: false,
      help: "The generated server checks its JSON answers against the specs by default",
      flag: "--validate-responses",
    },
  },
  async emit(context) {
    const { emitServer, reportAmbiguousRoutes } = await import("./index.js");
    const {
      endpointServerUnderBasePath,
      methodDiagnostics,
      NODE_HTTP_METHODS,
    } = await import("../toolkit.js");
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
    endpointServerUnderBasePath(
      context.model,
      context.options.baseUrl,
      context.reporter,
    );
    return emitServer(context);
  },
});
