// Stands in for the rendered validators/webhooks.ts (see ../README.md): the table of one
// webhook's validators, typed as the rendered file types it.
import type * as r from "./runtime.js";

interface WebhookTypes {
  example: {
    headers: { "x-tenant"?: string };
    body: { id: string; kind: "created" | "deleted" };
    responses: { "204": undefined };
  };
}

export type WebhookValidatorTable = r.Endpoints<WebhookTypes>;

export declare const webhooks: WebhookValidatorTable;
