import { webhookTypeBase } from "../emit/type-index/webhook-names.js";
import type {
  ApiModel,
  MediaContent,
  SourceRef,
  Webhook,
} from "../model/types.js";
import { makeChange, type Change } from "./change.js";
import { webhookKey } from "../model/merge/webhooks.js";
import type { Breaks, RuleId } from "./rules.js";
import type { SchemaDiff } from "./schema-diff.js";

/**
 * Whom a webhook's change breaks, turned round from the endpoint rule it follows. The API sends a
 * webhook and your receiver reads it: its payload and headers follow the response rules, whose
 * reader is the client and writer the server; here the reader is your receiver (the server side)
 * and the writer the API, none of your code. Your receiver answers and the API reads the answer:
 * an answer's body follows the request rules, whose writer is the client; here the writer is your
 * receiver. Either way, what broke `clients` breaks `servers`, and what broke servers breaks none.
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
    else out.push(...compareWebhook(old, match, schemas));
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

/** A webhook's payload, headers and answers, old and now. */
function compareWebhook(
  old: Webhook,
  now: Webhook,
  schemas: SchemaDiff,
): Change[] {
  const out: Change[] = [];
  const base = webhookTypeBase(now);
  const name = JSON.stringify(now.key);
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
      names: { handler: now.name, ...names },
    });
    change.breaks = TURNED[change.breaks];
    out.push(change);
  };
  /** The changes of one schema, read (`response`) or written (`request`) by your receiver. */
  const fromSchema = (
    direction: "request" | "response",
    a: MediaContent["schema"],
    b: MediaContent["schema"],
    at: { type: string; member: string[]; old?: SourceRef; new?: SourceRef },
    where: string,
  ) => {
    for (const c of schemas.compare(direction, a, b, at))
      add(c.rule, `${c.subject} ${c.what} (${where})`, c.old, c.new, {
        type: c.type,
        ...(c.member !== undefined ? { member: c.member } : {}),
      });
  };

  // its handler's name: a lookalike webhook added before it took the name (no name lock)
  if (old.name !== now.name) {
    add(
      "operation-renamed",
      `the handler of the webhook ${name} is now ${now.name}, was ${old.name}: lock the old name in apiloom.lock.json to keep it`,
      old.sources[0],
      now.sources[0],
    );
    // the name the user's code still uses
    out.at(-1)!.names = { handler: old.name };
  }

  // the payload: read by your receiver
  const type = `${base}Body`;
  const where = `the payload of the webhook ${name}`;
  const a = old.requestBody;
  const b = now.requestBody;
  if (a && b)
    for (const media of a.content) {
      const match = b.content.find((m) => m.mediaType === media.mediaType);
      if (!match) {
        add(
          "response-media-type-removed",
          `${where} is no longer sent as ${media.mediaType}`,
          a.sources[0],
          b.sources[0],
          { type },
        );
        continue;
      }
      fromSchema(
        "response",
        media.schema,
        match.schema,
        { type, member: [], old: a.sources[0], new: b.sources[0] },
        where,
      );
    }

  // the headers: read by your receiver, as members of `<Name>WebhookHeaders`
  const headers = `${base}Headers`;
  const byName = (w: Webhook) =>
    new Map(w.parameters.header.map((p) => [p.name.toLowerCase(), p]));
  const before = byName(old);
  const after = byName(now);
  for (const [key, p] of before) {
    const q = after.get(key);
    const label = `the header ${q?.name ?? p.name} of the webhook ${name}`;
    if (!q) {
      add(
        "response-property-removed",
        `${label} is no longer sent`,
        p.sources[0],
        now.sources[0],
        { type: headers, member: p.name },
      );
      continue;
    }
    if (p.required && !q.required)
      add(
        "response-property-became-optional",
        `${label} is now optional: your receiver may not get it`,
        p.sources[0],
        q.sources[0],
        { type: headers, member: q.name },
      );
    fromSchema(
      "response",
      p.schema,
      q.schema,
      { type: headers, member: [q.name], old: p.sources[0], new: q.sources[0] },
      label,
    );
  }
  for (const [key, q] of after)
    if (!before.has(key))
      add(
        q.required
          ? "required-response-property-added"
          : "optional-response-property-added",
        `the header ${q.name} of the webhook ${name} was added${q.required ? ", always sent" : ""}`,
        old.sources[0],
        q.sources[0],
        { type: headers, member: q.name },
      );

  // the answers: written by your handler, read by the API
  const answers = `${base}Responses`;
  for (const r of old.responses) {
    const match = now.responses.find((m) => m.status === r.status);
    const label = `the ${r.status} answer to the webhook ${name}`;
    if (!match) {
      add(
        "response-status-removed",
        `${label} is no longer declared: your handler may not answer ${r.status}`,
        r.sources[0],
        now.sources[0],
        { type: answers, member: r.status },
      );
      continue;
    }
    for (const media of r.content) {
      const m = match.content.find((c) => c.mediaType === media.mediaType);
      if (!m) {
        add(
          "request-media-type-removed",
          `${label} is no longer taken as ${media.mediaType}`,
          r.sources[0],
          match.sources[0],
          { type: answers, member: r.status },
        );
        continue;
      }
      fromSchema(
        "request",
        media.schema,
        m.schema,
        {
          type: answers,
          member: [r.status],
          old: r.sources[0],
          new: match.sources[0],
        },
        label,
      );
    }
  }
  for (const r of now.responses)
    if (!old.responses.some((m) => m.status === r.status))
      add(
        "response-status-added",
        `the webhook ${name} may now be answered ${r.status}`,
        old.sources[0],
        r.sources[0],
        { type: answers, member: r.status },
      );
  return out;
}
