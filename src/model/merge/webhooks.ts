import { camelCase, freeName } from "../identifiers.js";
import { lockedName } from "./naming.js";
import { compareCodeUnits } from "../order.js";
import { grouped } from "../lists.js";
import { compareOffers } from "./rank.js";
import type { ModelReporter } from "../diagnostics/codes.js";
import { resolveSerialization } from "../serialization.js";
import type { DocumentModel, Endpoint, Webhook } from "../types.js";

/** One webhook per key and method (the preferred document's, else the first by place), sorted. */
export function mergeWebhooks(
  documents: readonly DocumentModel[],
  rankOf: (doc: DocumentModel) => number,
  reporter: ModelReporter,
): Webhook[] | undefined {
  const offers = grouped(
    documents.flatMap((doc) =>
      (doc.webhooks ?? []).map((value) => ({
        value,
        rank: rankOf(doc),
        source: value.sources[0]!,
      })),
    ),
    ({ value }) => `${value.method} ${value.key}`,
  );
  if (offers.size === 0) return undefined;
  const out = [...offers.values()].map((list) => {
    const winner = list.sort(compareOffers)[0]!.value;
    if (list.length > 1 && new Set(list.map((o) => said(o.value))).size > 1)
      reporter.report(
        "model/duplicate-webhook",
        `webhook ${JSON.stringify(winner.key)} (${winner.method.toUpperCase()}) is declared by ${list.length} documents; the one in ${winner.sources[0]!.file} is used, the others are ignored`,
        list[1]!.source,
        [winner.sources[0]!],
      );
    return winner;
  });
  out.sort(
    (a, b) =>
      compareCodeUnits(a.key, b.key) || compareCodeUnits(a.method, b.method),
  );
  for (const webhook of out)
    for (const p of webhook.parameters.header)
      p.serialization = resolveSerialization(p.in, p);
  return out;
}

/** What a webhook says, without where: copies of one declaration (split parts of a document) are one. */
const said = (webhook: Webhook) =>
  JSON.stringify(webhook, (k, v) =>
    k === "sources" || k === "source" ? undefined : v,
  );

/** A webhook's key in the name lock and `apiloom diff`: `POST webhook pet.created`. */
export function webhookKey(webhook: Pick<Webhook, "method" | "key">): string {
  return `${webhook.method.toUpperCase()} webhook ${webhook.key}`;
}

/**
 * Each webhook's `name`: the locked one while usable; else its key in camelCase (`petCreated`),
 * with the method when its key has several, then a number when taken. A name whose
 * `<name>Webhook` is an endpoint's gets a number too: its types are `<Name>Webhook<Suffix>`.
 */
export function nameWebhooks(
  webhooks: Webhook[],
  endpoints: readonly Endpoint[],
  lockedNames?: Readonly<Record<string, string>>,
): void {
  const perKey = grouped(webhooks, (w) => w.key);
  const endpointNames = new Set(endpoints.map((e) => e.name.toLowerCase()));
  const taken = new Set<string>();
  // an endpoint's name too: the merged OpenAPI document writes both as operationIds
  const isTaken = (name: string) =>
    taken.has(name.toLowerCase()) ||
    endpointNames.has(name.toLowerCase()) ||
    endpointNames.has(`${name}webhook`.toLowerCase());
  const unlocked: Webhook[] = [];
  for (const webhook of webhooks) {
    const locked = lockedName(lockedNames, webhookKey(webhook), isTaken);
    if (locked !== undefined) {
      taken.add(locked.toLowerCase());
      webhook.name = locked;
    } else unlocked.push(webhook);
  }
  for (const webhook of unlocked) {
    const wanted = camelCase(
      perKey.get(webhook.key)!.length > 1
        ? `${webhook.key} ${webhook.method}`
        : webhook.key,
      "webhook",
    );
    const name = freeName(wanted, isTaken);
    taken.add(name.toLowerCase());
    webhook.name = name;
  }
}
