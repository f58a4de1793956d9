import { webhookTypeBase } from "../emit/type-index/webhook-names.js";
import type { ApiModel, SourceRef, Webhook } from "../model/types.js";
import { makeChange, type Change } from "./change.js";
import type { Breaks, RuleId } from "./rules.js";
import type { SchemaDiff } from "./schema-diff.js";

/** `POST webhook pet.created`: a change's `endpoint` for a webhook. */
export function webhookKey(webhook: Webhook): string {
  return `${webhook.method.toUpperCase()} webhook ${webhook.key}`;
}

/**
 * The API sends a webhook and your receiver reads it: its payload is compared as a response is
 * (a property gone, or optional now, breaks the code reading it). A response's reader is the
 * client, and its writer the server; a webhook's reader is your receiver (the server side) and
 * its writer the API, none of your code.
 */
const READER: Record<Breaks, Breaks> = {
  clients: "servers",
  servers: "none",
  both: "servers",
  none: "none",
};

/** Every change to the webhooks: added, removed, and their payloads (matched by key and method). */
export function compareWebhooks(
  before: ApiModel,
  after: ApiModel,
  schemas: SchemaDiff,
): Change[] {
  const out: Change[] = [];
  const id = (w: Webhook) => `${w.method} ${w.key}`;
  const now = new Map((after.webhooks ?? []).map((w) => [id(w), w]));
  const was = new Set((before.webhooks ?? []).map(id));
  for (const old of before.webhooks ?? []) {
    const match = now.get(id(old));
    if (!match)
      out.push(
        makeChange("webhook-removed", {
          endpoint: webhookKey(old),
          message: `the webhook ${JSON.stringify(old.key)} is no longer sent: its handler ${old.name} is gone from WebhookHandlers`,
          old: old.sources[0]!,
          names: { handler: old.name },
        }),
      );
    else out.push(...comparePayload(old, match, schemas));
  }
  for (const w of after.webhooks ?? [])
    if (!was.has(id(w)))
      out.push(
        makeChange("webhook-added", {
          endpoint: webhookKey(w),
          message: `the webhook ${JSON.stringify(w.key)} was added: receivers need a handler ${w.name}`,
          new: w.sources[0]!,
          names: { handler: w.name },
        }),
      );
  return out;
}

function comparePayload(
  old: Webhook,
  now: Webhook,
  schemas: SchemaDiff,
): Change[] {
  const out: Change[] = [];
  const type = `${webhookTypeBase(now)}Body`;
  const where = `the payload of the webhook ${JSON.stringify(now.key)}`;
  const add = (
    rule: RuleId,
    message: string,
    a: SourceRef | undefined,
    b: SourceRef | undefined,
    names: { type?: string; member?: string } = {},
  ) => {
    const change = makeChange(rule, {
      endpoint: webhookKey(now),
      message,
      ...(a ? { old: a } : {}),
      ...(b ? { new: b } : {}),
      names: { handler: now.name, type, ...names },
    });
    change.breaks = READER[change.breaks];
    out.push(change);
  };
  const a = old.requestBody;
  const b = now.requestBody;
  if (!a || !b) return out;
  for (const media of a.content) {
    const match = b.content.find((m) => m.mediaType === media.mediaType);
    if (!match) {
      add(
        "response-media-type-removed",
        `${where} is no longer sent as ${media.mediaType}`,
        a.sources[0],
        b.sources[0],
      );
      continue;
    }
    for (const c of schemas.compare("response", media.schema, match.schema, {
      type,
      member: [],
      old: a.sources[0],
      new: b.sources[0],
    }))
      add(c.rule, `${c.subject} ${c.what} (${where})`, c.old, c.new, {
        type: c.type,
        ...(c.member !== undefined ? { member: c.member } : {}),
      });
  }
  return out;
}
