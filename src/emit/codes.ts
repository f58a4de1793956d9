import { family } from "../model/diagnostics/code-info.js";
import { MODEL_CODES } from "../model/diagnostics/codes.js";
import { Reporter } from "../model/diagnostics/reporter.js";

/** The codes the emitters report, the model's among them. */
export const EMIT_CODES = {
  ...MODEL_CODES,
  ...family("client", {
    error: {
      "page-declaration":
        "a `client.pages` entry names no endpoint, or a query parameter or body property its endpoint does not have: it is not used",
    },
    warning: {
      "no-default-base-url":
        "the first server URL names no host, or keeps an undeclared `{variable}`, once its variables take their defaults: pass `baseUrl`",
      "endpoint-server-unused":
        "an operation's or path's own server URL names no host, or keeps an undeclared `{variable}`, once its variables take their defaults: the client calls that endpoint at the base URL",
      "schema-renamed":
        "a schema's type name is one client/index.ts exports itself (`ApiError`, `TimeoutError`…): types.ts names it with `Model` added",
      "method-not-sent":
        "an endpoint's method is one `fetch` refuses to send (CONNECT, TRACE, TRACK): its client function rejects every call",
      "body-not-sent":
        "a GET or HEAD endpoint declares a request body, which `fetch` refuses to send: its client function rejects a call that passes one (every call, where the body is required)",
    },
  }),
  ...family("server", {
    warning: {
      "ambiguous-route":
        "two path templates match the same URL and no required one-value header or query parameter, nor a `name=value` of their keys' queries, tells them apart: the router serves the first",
      "unroutable-path":
        "a path key writes a path parameter into its query (`/alerts?lat={lat}`): a router matches the request's path alone, so the server never calls that handler",
      "endpoint-server-under-base-path":
        "an endpoint has a server of its own on the API's origin, and the generated server's base path (`--base-url`) moves it with every route: it is not served where its server says",
      "method-not-received":
        "an endpoint's method (OpenAPI 3.2 `additionalOperations`) is one Node's HTTP parser refuses: the node:http listener, Express and Fastify cannot serve it, the fetch handler can",
    },
  }),
  ...family("plugin", {
    error: {
      error:
        "a plugin of the config (`plugins`) reports an error in what it was given: its message says what",
    },
    warning: {
      warning:
        "a plugin of the config (`plugins`) reports a warning: its message says what",
    },
  }),
  ...family("mcp", {
    error: {
      selection:
        "`mcp.tags`, `mcp.names` or `mcp.methods` lists a tag, endpoint or method the API does not have, or the selection leaves no endpoint: the MCP server would silently lack tools",
    },
    warning: {
      "long-tool-name":
        "an endpoint's name, its MCP tool's name, is longer than 64 characters, which some MCP clients refuse: give it an `operationId` or a `names` entry",
      "body-not-sent":
        "an endpoint is no tool, as no arguments make its body: a multipart/form-data body whose schema admits no object names no fields; a required GET or HEAD body is one `fetch` does not send",
    },
  }),
  // the docs' changelog page's; the workflow declares the other `output/` codes
  ...family("output", {
    warning: {
      "changelog-too-large":
        "the last run's docs/changes.md is over 4 MiB: its record is not read back; the page is made from this run's comparison",
    },
  }),
} as const;

export type EmitCode = keyof typeof EMIT_CODES;

export class EmitReporter extends Reporter<EmitCode> {
  constructor() {
    super(EMIT_CODES);
  }
}
