import type { ApiModel, Endpoint, Webhook } from "../model/types.js";
import { stringLiteral } from "../emit/shared/literals.js";
import { importStatement } from "../emit/shared/statements.js";
import type { analyzeHandlersFile } from "./analyze.js";
import {
  changedContracts,
  commentLine,
  importInsertion,
  memberLine as member,
  members,
  objectDeclaration,
  stubMember,
  type HandlersCheck,
} from "./changed-contracts.js";

/** Where the handlers file imports the receiver's types from: beside the server's index.js. */
function webhookImportPath(importFrom: string): string {
  return importFrom.replace(/index(\.[jt]s)$/, "webhook-receiver$1");
}

/** `webhook "key" (POST): summary`, on one line: safe inside a `//` comment. */
function webhookLine(webhook: Endpoint): string {
  return commentLine(
    `webhook ${stringLiteral((webhook as Webhook).key)} (${webhook.method.toUpperCase()})`,
    webhook.summary,
  );
}

const stub = (webhook: Webhook, indent: string) =>
  stubMember(indent, webhook.name, webhookLine(webhook));

/**
 * The `webhooks` object as the scaffold writes it (every handler a 501 stub), and, unless the
 * file has one, the `webhookSignatures` object (each webhook's contract hash).
 */
function declaration(
  webhooks: readonly Webhook[],
  signatureOf: ((webhook: Endpoint) => string) | undefined,
): string {
  const entries = signatureOf
    ? webhooks
        .map((w) => member("  ", w.name, stringLiteral(signatureOf(w))))
        .join("")
    : undefined;
  return (
    "\n/** Your handlers of the webhooks the API sends: pass them to createWebhookReceiver. */\n" +
    objectDeclaration(
      "webhooks",
      webhooks.map((w) => stub(w, "  ")).join(""),
      "WebhookHandlers",
    ) +
    (entries === undefined
      ? ""
      : "\n/** The contract each webhook handler above was written for (see `signatures`). */\n" +
        objectDeclaration("webhookSignatures", entries, "WebhookSignatures"))
  );
}

function importLine(importFrom: string, signatures: boolean): string {
  const names = signatures
    ? ["WebhookHandlers", "WebhookSignatures"]
    : ["WebhookHandlers"];
  return `${importStatement(names, webhookImportPath(importFrom), true)}\n`;
}

/** What a new handlers file holds for the webhooks, after the endpoints' part; "" without any. */
export function webhookScaffold(
  model: ApiModel,
  importFrom: string,
  signatureOf: (webhook: Endpoint) => string,
): { imports: string; declaration: string } {
  const webhooks = model.webhooks ?? [];
  if (webhooks.length === 0) return { imports: "", declaration: "" };
  return {
    imports: importLine(importFrom, true),
    declaration: declaration(webhooks, signatureOf),
  };
}

/**
 * Keeps an existing file's `webhooks` object in step, as for endpoint handlers: a stub per
 * webhook it does not hold (or the whole object, with `webhookSignatures` and their import, at
 * the end of the file), a signature entry for each handler without one. The webhooks stubbed.
 */
export function webhookInsertions(
  model: ApiModel,
  text: string,
  shape: ReturnType<typeof analyzeHandlersFile>,
  check: HandlersCheck,
): string[] {
  const { reporter, at, signatureOf, insertions } = check;
  const { importFrom, judgeOrphans = true } = check.choices;
  const webhooks = model.webhooks ?? [];
  const slot = shape.webhooks;
  const recorded = shape.webhookSignatures;
  if (!slot) {
    if (webhooks.length === 0) return [];
    const end = text.endsWith("\n") || text === "" ? "" : "\n";
    insertions.push(
      {
        at: text.length,
        text: end + declaration(webhooks, recorded ? undefined : signatureOf),
      },
      importInsertion(shape, importLine(importFrom, !recorded)),
    );
    if (recorded) entries(webhooks);
    return webhooks.map((w) => w.name);
  }
  const byName = new Map<string, Endpoint>(webhooks.map((w) => [w.name, w]));
  if (judgeOrphans)
    for (const member of slot.members)
      if (!byName.has(member.name))
        reporter.report(
          "scaffold/orphaned-handler",
          `webhook handler ${stringLiteral(member.name)} has no webhook any more; it is kept, and tsc reports it as an unknown property of WebhookHandlers until you remove it (and its webhookSignatures entry)`,
          at(member.pos),
        );
  changedContracts(slot.members, recorded, byName, webhookLine, check);
  const written = new Set(slot.members.map((m) => m.name));
  const missing = slot.hasSpread
    ? []
    : webhooks.filter((w) => !written.has(w.name));
  if (missing.length > 0)
    insertions.push(
      ...members(slot, (indent) => missing.map((w) => stub(w, indent))),
    );
  const kept = new Set((recorded?.members ?? []).map((m) => m.name));
  const unrecorded = webhooks.filter(
    (w) => !kept.has(w.name) && (written.has(w.name) || missing.includes(w)),
  );
  if (unrecorded.length > 0) entries(unrecorded);
  return missing.map((w) => w.name);

  /** Entries for `list` in the `webhookSignatures` object, or a warning when there is none. */
  function entries(list: readonly Webhook[]): void {
    if (recorded && !recorded.hasSpread)
      insertions.push(
        ...members(recorded, (indent) =>
          list.map((w) =>
            member(indent, w.name, stringLiteral(signatureOf(w))),
          ),
        ),
      );
    else
      reporter.report(
        "scaffold/signatures-not-found",
        `no object checked against WebhookSignatures (\`export const webhookSignatures = {} satisfies WebhookSignatures\`, the type imported from ${stringLiteral(webhookImportPath(importFrom))}): changed webhook contracts cannot be detected; add it, and the next run fills it`,
        at(slot?.members[0]?.pos ?? 0),
      );
  }
}
