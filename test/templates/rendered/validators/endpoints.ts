// Stands in for the rendered validators/endpoints.ts (see ../README.md): the table of one
// endpoint's validators, typed as the rendered file types it.
import type * as r from "./runtime.js";

interface EndpointTypes {
  example: {
    path: { id: string };
    query: { limit?: number };
    body: { name: string };
    responses: { "200": { id: string; name: string } };
  };
}

export type EndpointValidatorTable = r.Endpoints<EndpointTypes>;

export declare const endpoints: EndpointValidatorTable;
