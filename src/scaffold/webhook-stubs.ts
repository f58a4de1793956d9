import type { ApiModel, Webhook } from "../model/types.js";
import type { Reporter } from "../model/reporter.js";
import { print } from "../emit/shared/doc.js";
import { propertyKey, stringLiteral } from "../emit/shared/literals.js";
import { assignment, importStatement } from "../emit/shared/statements.js";
import type { HandlersFileShape } from "./analyze.js";

/** An insertion into the handlers file (update-handlers-file.ts applies them). */
export interface WebhookInsertion {
  at: number;
  text: string;
}

/** Where the handlers file imports the receiver's types from: beside the server's index.js. */
export function webhookImportPath(importFrom: string): string {
  return importFrom.replace(/index\.js$/, "webhook-receiver.js");
}

/** `// webhook "key" (POST): summary` then `name: notImplemented,`. */
function stub(webhook: Webhook, indent: string): string {
  const summary = webhook.summary ? `: ${webhook.summary}` : "";
  const line =
    `webhook ${stringLiteral(webhook.key)} (${webhook.method.toUpperCase()})${summary}`
      .replace(/[\r\n\u2028\u2029]+/g, " ")
      .trim();
  const member = assignment(
    `${propertyKey(webhook.name)}:`,
    "notImplemented",
    ",",
  );
  return `${indent}// ${line}\n${indent}${print(member, { indent: indent.length })}\n`;
}

/** The `webhooks` object as the scaffold writes it: every handler a 501 stub. */
function declaration(webhooks: readonly Webhook[]): string {
  return (
    "\n/** Your handlers of the webhooks the API sends: pass them to createWebhookReceiver. */\n" +
    `export const webhooks = {\n${webhooks.map((w) => stub(w, "  ")).join("")}} satisfies WebhookHandlers;\n`
  );
}

function importLine(importFrom: string): string {
  return `${importStatement(["WebhookHandlers"], webhookImportPath(importFrom), true)}\n`;
}

/** What a new handlers file holds for the webhooks, after the endpoints' part; "" without any. */
export function webhookScaffold(
  model: ApiModel,
  importFrom: string,
): { imports: string; declaration: string } {
  const webhooks = model.webhooks ?? [];
  if (webhooks.length === 0) return { imports: "", declaration: "" };
  return {
    imports: importLine(importFrom),
    declaration: declaration(webhooks),
  };
}

/**
 * The insertions that keep an existing file's `webhooks` object in step: a stub per webhook it
 * does not hold (inserted in the object; or the whole object, and its import, at the end of the
 * file when it has none). Like endpoint handlers, nothing is ever removed: a handler whose webhook
 * is gone is reported (`scaffold/orphaned-handler`) and `tsc` flags it.
 */
export function webhookInsertions(
  model: ApiModel,
  text: string,
  shape: HandlersFileShape,
  importFrom: string,
  reporter: Reporter,
  at: (pos?: number) => { file: string; line: number; column: number },
  judgeOrphans: boolean,
): { insertions: WebhookInsertion[]; added: string[] } {
  const webhooks = model.webhooks ?? [];
  const slot = shape.webhooks;
  if (!slot) {
    if (webhooks.length === 0) return { insertions: [], added: [] };
    const end = text.endsWith("\n") || text === "" ? "" : "\n";
    const insertions: WebhookInsertion[] = [
      { at: text.length, text: end + declaration(webhooks) },
      shape.afterImports > 0
        ? {
            at: shape.afterImports,
            text: "\n" + importLine(importFrom).trimEnd(),
          }
        : { at: 0, text: importLine(importFrom) },
    ];
    return { insertions, added: webhooks.map((w) => w.name) };
  }
  const byName = new Set(webhooks.map((w) => w.name));
  if (judgeOrphans)
    for (const member of slot.members)
      if (!byName.has(member.name))
        reporter.report(
          "scaffold/orphaned-handler",
          `webhook handler ${stringLiteral(member.name)} has no webhook any more; it is kept, and tsc reports it as an unknown property of WebhookHandlers until you remove it`,
          at(member.pos),
        );
  const written = new Set(slot.members.map((m) => m.name));
  const missing = webhooks.filter((w) => !written.has(w.name));
  if (missing.length === 0 || slot.hasSpread)
    return { insertions: [], added: [] };
  const insertions: WebhookInsertion[] = [];
  if (slot.commaAt !== undefined)
    insertions.push({ at: slot.commaAt, text: "," });
  insertions.push({
    at: slot.insertAt,
    text:
      slot.lead +
      missing.map((w) => stub(w, slot.indent)).join("") +
      slot.trail,
  });
  return { insertions, added: missing.map((w) => w.name) };
}
