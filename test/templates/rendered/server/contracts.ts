// Stands in for the rendered server/contracts.ts (see ../README.md): one endpoint, typed as
// contracts-file.ts types every endpoint.
import type { Handler } from "./runtime.js";

export interface ExampleRequest {
  path: { id: string };
  query?: { limit?: number };
  body?: { name: string };
}

export interface ExampleResponses {
  "200": { id: string; name: string };
  default: { error: string };
}

/** One handler per endpoint. */
export interface Handlers {
  example: Handler<ExampleRequest, ExampleResponses>;
}

/** The hash each handler was written for. */
export interface HandlerSignatures {
  example: "0000000000";
}
