import { definePlugin } from "../artifact.js";
import { SERVER_OPTIONS } from "./options.js";

/** The `server` artifact: `server/`, route data, contracts and a node:http listener. */
export default definePlugin({
  name: "server",
  description: "server/: routes, handler contracts and a node:http listener",
  needs: ["types", "validators"],
  path: "server",
  options: SERVER_OPTIONS,
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
