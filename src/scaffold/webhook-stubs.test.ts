import { format } from "prettier";
import { describe, expect, it } from "vitest";
import { createEndpoint } from "../model/factories.js";
import type { ApiModel, Webhook } from "../model/types.js";
import { chatModel } from "../../test/fixtures/server/chat-model.js";
import { updateHandlersFile } from "../../test/server/handlers-text.js";
import { signatures } from "../emit/server/signature.js";

const IMPORT = "../generated/server/index.js";

function hook(key: string, name: string, summary?: string): Webhook {
  const source = { file: "a.yaml", line: 1, column: 1, pointer: "" };
  return {
    ...createEndpoint({ method: "post", path: key, source }),
    key,
    name,
    ...(summary ? { summary } : {}),
  };
}

function model(...webhooks: Webhook[]): ApiModel {
  return { ...chatModel(), webhooks };
}

function update(
  existing: string | undefined,
  m: ApiModel,
  accept?: (name: string) => boolean,
) {
  return updateHandlersFile({
    file: "src/handlers.ts",
    existing,
    model: m,
    importFrom: IMPORT,
    ...(accept ? { accept } : {}),
  });
}

/** `hook` whose payload is a JSON object with the given required property. */
function withPayload(webhook: Webhook, property: string): Webhook {
  const source = webhook.sources[0]!;
  return {
    ...webhook,
    requestBody: {
      required: true,
      content: [
        {
          mediaType: "application/json",
          schema: {
            type: "object",
            required: [property],
            properties: { [property]: { type: "string" } },
          },
        },
      ],
      sources: [source],
    },
  };
}

const hash = (m: ApiModel, name: string) =>
  signatures(m)(m.webhooks!.find((w) => w.name === name)!);

describe("the webhooks object of the handlers file", () => {
  const first = model(hook("pet.created", "petCreated", "A pet\nwas made */"));

  it("is scaffolded with a 501 stub per webhook and its import, as prettier writes it", async () => {
    const { contents } = update(undefined, first);
    expect(contents).toContain(
      'import type {\n  WebhookHandlers,\n  WebhookSignatures,\n} from "../generated/server/webhook-receiver.js";\n',
    );
    expect(contents).toContain(
      'export const webhooks = {\n  // webhook "pet.created" (POST): A pet was made */\n  petCreated: notImplemented,\n} satisfies WebhookHandlers;\n',
    );
    expect(contents).toContain(
      `export const webhookSignatures = {\n  petCreated: "${hash(first, "petCreated")}",\n} satisfies WebhookSignatures;\n`,
    );
    expect(await format(contents, { parser: "typescript" })).toBe(contents);
  });

  it("gets stubs for new webhooks, inserted, every other byte kept", () => {
    const written = update(undefined, first).contents.replace(
      "petCreated: notImplemented,",
      "petCreated: async () => ({ status: 204 }), // mine",
    );
    const next = update(
      written,
      model(hook("pet.created", "petCreated"), hook("pet.sold", "petSold")),
    );
    const two = model(
      hook("pet.created", "petCreated"),
      hook("pet.sold", "petSold"),
    );
    expect(next.contents).toBe(
      written
        .replace(
          "// mine\n",
          '// mine\n  // webhook "pet.sold" (POST)\n  petSold: notImplemented,\n',
        )
        .replace(
          /(petCreated: "\w+",\n)/,
          `$1  petSold: "${hash(two, "petSold")}",\n`,
        ),
    );
    // nothing new: nothing changes
    expect(
      update(
        next.contents,
        model(hook("pet.created", "petCreated"), hook("pet.sold", "petSold")),
      ).contents,
    ).toBe(next.contents);
  });

  it("is appended, with its import, to a file written before the API had webhooks", () => {
    const before = update(undefined, chatModel()).contents;
    const after = update(before, first).contents;
    expect(after.startsWith(before.slice(0, before.indexOf("\n\n")))).toBe(
      true,
    );
    expect(after).toContain(
      '} from "../generated/server/index.js";\nimport type {\n  WebhookHandlers,\n  WebhookSignatures,\n} from "../generated/server/webhook-receiver.js";\n',
    );
    expect(after).toContain(
      "  petCreated: notImplemented,\n} satisfies WebhookHandlers;\n",
    );
    expect(
      after.endsWith(
        `  petCreated: "${hash(first, "petCreated")}",\n} satisfies WebhookSignatures;\n`,
      ),
    ).toBe(true);
  });

  it("reports a handler whose webhook is gone, and keeps it", () => {
    const written = update(undefined, first).contents;
    const result = update(written, model());
    expect(result.contents).toBe(written);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        code: "scaffold/orphaned-handler",
        message: expect.stringContaining('webhook handler "petCreated"'),
      }),
    ]);
  });

  it("warns of a webhook whose contract changed, at its entry, until it is accepted", () => {
    const before = model(withPayload(hook("pet.created", "petCreated"), "id"));
    const written = update(undefined, before).contents;
    const after = model(withPayload(hook("pet.created", "petCreated"), "name"));
    const was = hash(before, "petCreated");
    const now = hash(after, "petCreated");
    expect(now).not.toBe(was);
    // a reworded summary is no change
    expect(
      update(
        written,
        model(withPayload(hook("pet.created", "petCreated", "new"), "id")),
      ).diagnostics,
    ).toEqual([]);
    const warned = update(written, after);
    expect(warned.contents).toBe(written);
    expect(warned.changed).toEqual([{ name: "petCreated", was, now }]);
    const line = written.split("\n").indexOf(`  petCreated: "${was}",`) + 1;
    expect(warned.diagnostics).toEqual([
      expect.objectContaining({
        code: "scaffold/changed-signature",
        message: expect.stringContaining(
          'the contract of "petCreated" (webhook "pet.created" (POST)) changed since its handler was written',
        ),
        file: "src/handlers.ts",
        line,
        column: 3,
      }),
    ]);
    // accepted: the hash between the quotes is the only change
    const accepted = update(written, after, (name) => name === "petCreated");
    expect(accepted.accepted).toEqual(["petCreated"]);
    expect(accepted.contents).toBe(written.replace(was, now));
    expect(update(accepted.contents, after).diagnostics).toEqual([]);
    // accepting another name accepts nothing
    expect(update(written, after, (name) => name === "other").contents).toBe(
      written,
    );
  });

  it("records a hash for a handler written without one, and warns when there is no webhookSignatures object", () => {
    const written = update(undefined, first).contents;
    const noEntry = written.replace(/\n  petCreated: "\w+",\n/, "\n");
    expect(noEntry).not.toBe(written);
    expect(update(noEntry, first).contents).toBe(written);
    const noObject = written.slice(
      0,
      written.indexOf("\n/** The contract each webhook handler"),
    );
    const result = update(noObject, first);
    expect(result.contents).toBe(noObject);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        code: "scaffold/signatures-not-found",
        message: expect.stringContaining("WebhookSignatures"),
      }),
    ]);
  });
});
