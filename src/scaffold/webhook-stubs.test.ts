import { format } from "prettier";
import { describe, expect, it } from "vitest";
import { createEndpoint } from "../model/factories.js";
import type { ApiModel, Webhook } from "../model/types.js";
import { chatModel } from "../../test/fixtures/server/chat-model.js";
import { updateHandlersFile } from "./update-handlers-file.js";

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

function update(existing: string | undefined, m: ApiModel) {
  return updateHandlersFile({
    file: "src/handlers.ts",
    existing,
    model: m,
    importFrom: IMPORT,
  });
}

describe("the webhooks object of the handlers file", () => {
  const first = model(hook("pet.created", "petCreated", "A pet\nwas made */"));

  it("is scaffolded with a 501 stub per webhook and its import, as prettier writes it", async () => {
    const { contents } = update(undefined, first);
    expect(contents).toContain(
      'import type { WebhookHandlers } from "../generated/server/webhook-receiver.js";\n',
    );
    expect(contents).toContain(
      'export const webhooks = {\n  // webhook "pet.created" (POST): A pet was made */\n  petCreated: notImplemented,\n} satisfies WebhookHandlers;\n',
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
    expect(next.contents).toBe(
      written.replace(
        "// mine\n",
        '// mine\n  // webhook "pet.sold" (POST)\n  petSold: notImplemented,\n',
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
      '} from "../generated/server/index.js";\nimport type { WebhookHandlers } from "../generated/server/webhook-receiver.js";\n',
    );
    expect(
      after.endsWith(
        "  petCreated: notImplemented,\n} satisfies WebhookHandlers;\n",
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
});
