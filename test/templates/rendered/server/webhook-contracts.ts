// Stands in for the rendered server/webhook-contracts.ts (see ../README.md): one webhook, typed
// as contracts-file.ts types every webhook.
import type { Handler, RouteSpec } from "./runtime.js";
import type { WebhookScheme } from "./webhooks.js";

export interface ExampleWebhookRequest {
  headers?: { "x-tenant"?: string };
  body: { id: string; kind: "created" | "deleted" };
}

export interface ExampleWebhookResponses {
  "204": undefined;
}

/** One handler per webhook. */
export interface WebhookHandlers {
  example: Handler<ExampleWebhookRequest, ExampleWebhookResponses>;
}

/** The contract hash of each webhook. */
export interface WebhookSignatures {
  example: "0123456789";
}

export declare const WEBHOOK_SIGNATURE: WebhookScheme;

export declare const webhookRoutes: readonly RouteSpec[];
