import type { ApiModel, Webhook } from "../../model/types.js";
import {
  docLines,
  jsdocLines,
  type ObjectMember,
  parametersType,
  payloadType,
  responseType,
  type SchemaNaming,
  raw,
  type TypeNode,
} from "../toolkit.js";
import type { WebhookTypes } from "../artifact.js";

/** Writes one declaration of types.ts after a blank line (types-file.ts's, which also notes what it names). */
export type Declare = (
  name: string,
  node: TypeNode,
  doc: string[] | undefined,
) => void;

/**
 * Each webhook's declarations, each after a blank line: `<Name>WebhookHeaders`,
 * `<Name>WebhookBody` (the payload as the API sends it: the read reading of its schemas, as a
 * response's), `<Name>WebhookRequest` and `<Name>WebhookResponses`.
 */
export function writeWebhookTypes(
  model: ApiModel,
  naming: SchemaNaming & { webhook(webhook: Webhook): WebhookTypes },
  declare: Declare,
): void {
  for (const webhook of model.webhooks ?? []) {
    const t = naming.webhook(webhook);
    const doc = (what: string) =>
      jsdocLines(
        `${what} of the webhook ${JSON.stringify(webhook.key)} (${webhook.method.toUpperCase()}).`,
      );
    const request: ObjectMember[] = [];
    if (t.headers) {
      declare(
        t.headers,
        parametersType(webhook.parameters.header, naming),
        doc("Header parameters"),
      );
      request.push({
        name: "headers",
        optional: !t.required.headers,
        type: raw(t.headers),
      });
    }
    if (t.body && webhook.requestBody) {
      declare(
        t.body,
        payloadType(webhook.requestBody.content, naming),
        doc("Payload"),
      );
      request.push({
        name: "body",
        optional: !t.required.body,
        type: raw(t.body),
      });
    }
    declare(
      t.request,
      { kind: "object", members: request },
      doc("What the handler receives"),
    );
    const responses = webhook.responses.map((r): ObjectMember => {
      const member: ObjectMember = {
        name: r.status,
        optional: false,
        type: responseType(r, naming),
      };
      const lines = docLines({ description: r.description });
      if (lines) member.doc = lines;
      return member;
    });
    declare(
      t.responses,
      { kind: "object", members: responses },
      doc("Answers by status"),
    );
  }
}
