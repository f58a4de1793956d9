import { describe, expect, it } from "vitest";
import { adapterProblem } from "./options.js";
import { webhookAdapterTemplate } from "./index.js";

describe("server adapter names", () => {
  it("refuse the names whose webhook receiver would be one of the server's own files", () => {
    // webhook-receiver.ts, webhook-contracts.ts and webhooks.ts are the receiver's
    for (const name of [
      "receiver",
      "contracts",
      "webhooks",
      "webhook",
      "webhook-x",
    ])
      expect(adapterProblem(name, undefined)).toBe(
        `"${name}" is a file of the server itself, not an adapter`,
      );
    expect(adapterProblem("express", undefined)).toBeUndefined();
  });

  it("give each built-in adapter a webhook receiver template, and a user's adapter none of its own", () => {
    for (const name of ["express", "fastify", "hono"])
      expect(webhookAdapterTemplate(name, undefined)).toMatch(
        new RegExp(`templates/server/webhook-${name}\\.ts$`),
      );
    expect(webhookAdapterTemplate("koa", undefined)).toBeUndefined();
  });
});
