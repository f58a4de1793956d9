import { webhookTypeBase } from "../emit/type-index/webhook-names.js";
import type { ApiModel, ApiResponse, Webhook } from "../model/types.js";
import {
  byMediaType,
  byName,
  byStatus,
  pairUp,
  recorder,
  type Change,
} from "./change.js";
import { webhookKey } from "../model/merge/webhooks.js";
import type { Breaks } from "./rules.js";
import type { SchemaDiff } from "./schema-diff.js";

/**
 * Whom a webhook's change breaks, turned round from the endpoint rule it follows: a payload is
 * read (and an answer written) by your receiver, the server side, never by a client.
 */
const TURNED: Record<Breaks, Breaks> = {
  clients: "servers",
  servers: "none",
  both: "servers",
  none: "none",
};

/**
 * Every change to the webhooks (matched by key and method): added, removed, and their payloads,
 * headers and answers. A change's `endpoint` is the webhook's key, `POST webhook pet.created`.
 */
export function compareWebhooks(
  before: ApiModel,
  after: ApiModel,
  schemas: SchemaDiff,
): Change[] {
  const out: Change[] = [];
  pairUp(
    before.webhooks ?? [],
    after.webhooks ?? [],
    (w) => `${w.method} ${w.key}`,
    {
      gone: (old) =>
        recorder(out, webhookKey(old), { handler: old.name })(
          "webhook-removed",
          `the webhook ${JSON.stringify(old.key)} is no longer sent: its handler ${old.name} is gone from WebhookHandlers`,
          old.sources[0],
          undefined,
        ),
      both: (old, now) => out.push(...compareWebhook(old, now, schemas)),
      added: (w) =>
        recorder(out, webhookKey(w), { handler: w.name })(
          "webhook-added",
          `the webhook ${JSON.stringify(w.key)} was added: receivers need a handler ${w.name}`,
          undefined,
          w.sources[0],
        ),
    },
  );
  return out;
}

/** A webhook's payload, headers and answers, old and now. */
function compareWebhook(
  old: Webhook,
  now: Webhook,
  schemas: SchemaDiff,
): Change[] {
  const out: Change[] = [];
  const base = webhookTypeBase(now);
  const name = JSON.stringify(now.key);
  const add = recorder(out, webhookKey(now), { handler: now.name });
  const fromSchema = (
    where: string,
    ...site: Parameters<SchemaDiff["between"]>
  ) => {
    for (const c of schemas.between(...site))
      add(c.rule, `${c.subject} ${c.what} (${where})`, c.old, c.new, c.names);
  };

  // a lookalike webhook added before it took the name (no name lock)
  if (old.name !== now.name)
    add(
      "operation-renamed",
      `the handler of the webhook ${name} is now ${now.name}, was ${old.name}: lock the old name in apiloom.lock.json to keep it`,
      old.sources[0],
      now.sources[0],
    ).names = { handler: old.name };

  // the payload: read by your receiver
  const type = `${base}Body`;
  const where = `the payload of the webhook ${name}`;
  const a = old.requestBody;
  const b = now.requestBody;
  if (a && b)
    pairUp(a.content, b.content, byMediaType, {
      gone: (media) =>
        add(
          "response-media-type-removed",
          `${where} is no longer sent as ${media.mediaType}`,
          a.sources[0],
          b.sources[0],
          { type },
        ),
      both: (x, y) => fromSchema(where, "response", type, [], a, b, x, y),
    });

  // the headers: read by your receiver, as members of `<Name>WebhookHeaders`
  const headers = `${base}Headers`;
  pairUp(old.parameters.header, now.parameters.header, byName, {
    gone: (p) =>
      add(
        "response-property-removed",
        `the header ${p.name} of the webhook ${name} is no longer sent`,
        p.sources[0],
        now.sources[0],
        { type: headers, member: p.name },
      ),
    both: (p, q) => {
      const label = `the header ${q.name} of the webhook ${name}`;
      if (p.required && !q.required)
        add(
          "response-property-became-optional",
          `${label} is now optional: your receiver may not get it`,
          p.sources[0],
          q.sources[0],
          { type: headers, member: q.name },
        );
      fromSchema(label, "response", headers, [q.name], p, q);
    },
    added: (q) =>
      add(
        `${q.required ? "required" : "optional"}-response-property-added`,
        `the header ${q.name} of the webhook ${name} was added${q.required ? ", always sent" : ""}`,
        old.sources[0],
        q.sources[0],
        { type: headers, member: q.name },
      ),
  });

  // the answers: written by your handler, read by the API
  const answers = `${base}Responses`;
  const label = (r: ApiResponse) =>
    `the ${r.status} answer to the webhook ${name}`;
  pairUp(old.responses, now.responses, byStatus, {
    gone: (r) =>
      add(
        "response-status-removed",
        `${label(r)} is no longer declared: your handler may not answer ${r.status}`,
        r.sources[0],
        now.sources[0],
        { type: answers, member: r.status },
      ),
    both: (r, match) =>
      pairUp(r.content, match.content, byMediaType, {
        gone: (media) =>
          add(
            "request-media-type-removed",
            `${label(r)} is no longer taken as ${media.mediaType}`,
            r.sources[0],
            match.sources[0],
            { type: answers, member: r.status },
          ),
        both: (x, y) =>
          fromSchema(label(r), "request", answers, [r.status], r, match, x, y),
      }),
    added: (r) =>
      add(
        "response-status-added",
        `the webhook ${name} may now be answered ${r.status}`,
        old.sources[0],
        r.sources[0],
        { type: answers, member: r.status },
      ),
  });
  for (const change of out) change.breaks = TURNED[change.breaks];
  return out;
}
