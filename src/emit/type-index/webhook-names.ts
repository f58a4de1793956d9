import type { Webhook } from "../../model/types.js";

/** The names of one webhook's types in types.ts (`<Name>Webhook<Suffix>`). */
export interface WebhookTypes {
  /** `<Name>Webhook`: the prefix of every type of this webhook. */
  base: string;
  /** Its declared header parameters; undefined when it has none. */
  headers?: string;
  /** Its payload; undefined when it declares no request body. */
  body?: string;
  /** `{ headers, body }`: what its handler receives. */
  request: string;
  /** What its handler may answer, by status. */
  responses: string;
  /** Which members of `<Name>WebhookRequest` are required. */
  required: { headers: boolean; body: boolean };
}

/** `publishNewEvent` → `PublishNewEventWebhook`: the model's naming keeps it off endpoint types. */
export function webhookTypeBase(webhook: Webhook): string {
  return (
    webhook.name.charAt(0).toUpperCase() + webhook.name.slice(1) + "Webhook"
  );
}

export function webhookTypes(webhook: Webhook): WebhookTypes {
  const base = webhookTypeBase(webhook);
  const out: WebhookTypes = {
    base,
    request: `${base}Request`,
    responses: `${base}Responses`,
    required: {
      headers: webhook.parameters.header.some((p) => p.required),
      body: webhook.requestBody?.required === true,
    },
  };
  if (webhook.parameters.header.length > 0) out.headers = `${base}Headers`;
  if (webhook.requestBody) out.body = `${base}Body`;
  return out;
}
