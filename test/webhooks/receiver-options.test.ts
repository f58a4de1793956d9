import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  verifyStandardWebhook,
  verifyStripeWebhook,
} from "../../templates/server/webhooks.js";
import {
  receiverProject,
  standardHeaders,
  type ReceiverProject,
} from "./receiver-project.js";
import { createHmac } from "node:crypto";

// What the receiver is given that would turn a check off without a word: a tolerance that is no
// number (Number(process.env.X) of an unset variable) and a list of secrets with an empty one
// (an unset variable among them). Each fails when the receiver is made, and the verifiers given
// such a tolerance refuse every delivery instead of admitting any timestamp.

const SECRET =
  "whsec_" + Buffer.from("a 32-byte key for standard hooks").toString("base64");
const BODY = JSON.stringify({ ok: true });
const now = Math.floor(Date.now() / 1000);
const SPEC = JSON.stringify({
  openapi: "3.1.0",
  info: { title: "options", version: "1" },
  paths: {},
  webhooks: {
    thingCreated: {
      post: {
        requestBody: {
          content: { "application/json": { schema: { type: "object" } } },
        },
        responses: { "204": { description: "received" } },
      },
    },
  },
});

type Make = (handlers: object, options: Record<string, unknown>) => unknown;
let project: ReceiverProject;
let createWebhookReceiver: Make;
beforeAll(async () => {
  project = await receiverProject("receiver-options", SPEC, {});
  ({ createWebhookReceiver } = await project.load<{
    createWebhookReceiver: Make;
  }>("generated/server/webhook-receiver.ts"));
}, 60_000);
afterAll(() => project?.remove());

describe("createWebhookReceiver refuses options that would verify nothing", () => {
  it("a tolerance that is no number, or below 0", () => {
    for (const tolerance of [Number.NaN, Number(undefined), -1])
      expect(() =>
        createWebhookReceiver({}, { secret: SECRET, tolerance }),
      ).toThrow(/tolerance must be 0 or more seconds/);
    expect(() =>
      createWebhookReceiver({}, { secret: SECRET, tolerance: 0 }),
    ).not.toThrow();
  });

  it("a secret list with an empty or missing one", () => {
    for (const secret of [[SECRET, ""], [], [SECRET, undefined], undefined])
      expect(() => createWebhookReceiver({}, { secret })).toThrow(
        /needs the signing secret/,
      );
  });
});

describe("the verifiers given a tolerance that is no number refuse", () => {
  it("Standard Webhooks", async () => {
    const headers = standardHeaders(SECRET, BODY, "msg_1");
    await expect(
      verifyStandardWebhook(SECRET, headers, BODY, { tolerance: 300 }),
    ).resolves.toBeDefined();
    await expect(
      verifyStandardWebhook(SECRET, headers, BODY, { tolerance: Number.NaN }),
    ).rejects.toThrow(/timestamp/);
  });

  it("Stripe", async () => {
    const secret = "whsec_stripe";
    const signature = createHmac("sha256", secret)
      .update(`${now}.${BODY}`)
      .digest("hex");
    const headers = { "stripe-signature": `t=${now},v1=${signature}` };
    await expect(
      verifyStripeWebhook(secret, headers, BODY, { tolerance: 300 }),
    ).resolves.toBeDefined();
    await expect(
      verifyStripeWebhook(secret, headers, BODY, { tolerance: Number.NaN }),
    ).rejects.toThrow(/timestamp/);
  });
});
