/**
 * The server plugin's `webhookSignature` option: how the API signs its webhooks, the generated
 * receiver's default check. Its own module: a plugin's definition loads it on runs that emit
 * nothing.
 */
export const WEBHOOK_SCHEMES = ["standard", "github", "stripe"] as const;

export type WebhookSchemeName = (typeof WEBHOOK_SCHEMES)[number];

export const webhookSignatureOption = {
  type: "string",
  default: "standard" as WebhookSchemeName,
  help: "How the API signs its webhooks, the receiver's default check: standard (Standard Webhooks), github, stripe",
  flag: "--webhook-signature",
  placeholder: "<scheme>",
  problem: (scheme: string): string | undefined =>
    (WEBHOOK_SCHEMES as readonly string[]).includes(scheme)
      ? undefined
      : `unknown webhook signature ${JSON.stringify(scheme)}: one of ${WEBHOOK_SCHEMES.join(", ")}`,
} as const;
