// Diagnostic codes of the registry (src/model/diagnostics/codes.ts, which combines the families):
// emitting and the workflow: the client (client/), the server (server/), the MCP server (mcp/), plugins (plugin/), the handlers scaffold (scaffold/), the output folder (output/) and settings (config/).

import type { FamilyCodes } from "./code-info.js";

/** The `client/` codes. */
export const CLIENT_CODES = {
  "client/no-default-base-url": {
    severity: "warning",
    meaning:
      "the first server URL names no host, or keeps an undeclared `{variable}`, once its variables take their defaults: pass `baseUrl`",
  },
  "client/endpoint-server-unused": {
    severity: "warning",
    meaning:
      "an operation's or path's own server URL names no host, or keeps an undeclared `{variable}`, once its variables take their defaults: the client calls that endpoint at the base URL",
  },
  "client/page-declaration": {
    severity: "error",
    meaning:
      "a `client.pages` entry names no endpoint, or a query parameter or body property its endpoint does not have: it is not used",
  },
  "client/schema-renamed": {
    severity: "warning",
    meaning:
      "a schema's type name is one client/index.ts exports itself (`ApiError`, `TimeoutError`…): types.ts names it with `Model` added",
  },
  "client/method-not-sent": {
    severity: "warning",
    meaning:
      "an endpoint's method is one `fetch` refuses to send (CONNECT, TRACE, TRACK): its client function rejects every call",
  },
} as const satisfies FamilyCodes<"client">;

/** The `server/` codes. */
export const SERVER_CODES = {
  "server/ambiguous-route": {
    severity: "warning",
    meaning:
      "two path templates match the same URL: the router would pick one silently",
  },
  "server/endpoint-server-under-base-path": {
    severity: "warning",
    meaning:
      "an endpoint has a server of its own, and the generated server's base path (`--base-url`) moves it with every route: it is not served where its server says",
  },
  "server/method-not-received": {
    severity: "warning",
    meaning:
      "an endpoint's method (OpenAPI 3.2 `additionalOperations`) is one Node's HTTP parser refuses: the node:http listener, Express and Fastify cannot serve it, the fetch handler can",
  },
} as const satisfies FamilyCodes<"server">;

/** The `plugin/` codes. */
export const PLUGIN_CODES = {
  "plugin/error": {
    severity: "error",
    meaning:
      "a plugin of the config (`plugins`) reports an error in what it was given: its message says what",
  },
  "plugin/warning": {
    severity: "warning",
    meaning:
      "a plugin of the config (`plugins`) reports a warning: its message says what",
  },
} as const satisfies FamilyCodes<"plugin">;

/** The `mcp/` codes. */
export const MCP_CODES = {
  "mcp/long-tool-name": {
    severity: "warning",
    meaning:
      "an endpoint's name, its MCP tool's name, is longer than 64 characters, which some MCP clients refuse: give it an `operationId` or a `names` entry",
  },
  "mcp/selection": {
    severity: "error",
    meaning:
      "`mcp.tags`, `mcp.names` or `mcp.methods` lists a tag, endpoint or method the API does not have, or the selection leaves no endpoint: the MCP server would silently lack tools",
  },
} as const satisfies FamilyCodes<"mcp">;

/** The `scaffold/` codes. */
export const SCAFFOLD_CODES = {
  "scaffold/changed-signature": {
    severity: "warning",
    meaning: "an endpoint's contract changed under your handler",
  },
  "scaffold/handlers-not-found": {
    severity: "error",
    meaning:
      "your handlers file has no `handlers` object apiloom can add stubs to",
  },
  "scaffold/orphan-check-skipped": {
    severity: "warning",
    meaning:
      "an input was not read (a parse error, a file not found): handlers are not judged orphaned against the part of the API that loaded",
  },
  "scaffold/orphaned-handler": {
    severity: "warning",
    meaning:
      "your handlers file implements an endpoint the specs no longer have",
  },
  "scaffold/signatures-not-found": {
    severity: "warning",
    meaning:
      "your handlers file has no `signatures` object: changed contracts cannot be flagged",
  },
  "scaffold/spread-in-handlers": {
    severity: "warning",
    meaning:
      "your `handlers` object spreads another object: apiloom cannot see every handler",
  },
  "scaffold/stale-output-import": {
    severity: "warning",
    meaning:
      "your handlers file imports from an apiloom output folder this API no longer generates (its `out` moved): tsc compiles against stale code",
  },
} as const satisfies FamilyCodes<"scaffold">;

/** The `output/` codes. */
export const OUTPUT_CODES = {
  "output/left-behind": {
    severity: "warning",
    meaning:
      "an output folder (and its name lock) an earlier run of this config wrote is no longer generated: the command that removes them is printed",
  },
  "output/unsafe-journal": {
    severity: "warning",
    meaning:
      "a journal in the output folder names a path outside it, a link, or a staged file with the wrong hash: discarded, never rolled forward",
  },
  "output/changelog-too-large": {
    severity: "warning",
    meaning:
      "the last run's docs/changes.md is over 4 MiB: its record is not read back; the page is made from this run's comparison",
  },
  "output/unsafe-manifest-entry": {
    severity: "warning",
    meaning:
      "the manifest lists a path outside the output folder (`..`, absolute, a backslash, behind a link): ignored, never written or removed",
  },
} as const satisfies FamilyCodes<"output">;

/** The `config/` codes. */
export const CONFIG_CODES = {
  "config/ignored-option": {
    severity: "warning",
    meaning:
      "a setting that has no effect in this run (server adapters without the `server` artifact): ignored",
  },
} as const satisfies FamilyCodes<"config">;
