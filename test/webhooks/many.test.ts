import { createHmac } from "node:crypto";
import type { RequestListener } from "node:http";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { listen, type RunningServer } from "../server/http.js";
import { receiverProject, type ReceiverProject } from "./receiver-project.js";

// A description of our own with many webhooks, made to be awkward: keys that are not
// identifiers or that name Object's members, two methods under one key, a required header, a
// text payload, one without a payload, a discriminated union, answers with bodies, an endpoint
// and a schema named like the webhooks' types. Signed as GitHub signs (the generator's
// `server.webhookSignature`), and as Stripe does (the receiver's `verify` option).

const KINDS = ["cat", "dog", "bird", "fish", "hamster", "snake", "turtle"];

function description(): string {
  const webhooks: Record<string, unknown> = {};
  for (const kind of KINDS)
    for (const event of ["created", "updated", "deleted"])
      webhooks[`${kind}.${event}`] = {
        post: {
          summary: `A ${kind} was ${event}`,
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: { $ref: "#/components/schemas/PetEvent" },
              },
            },
          },
          responses: { "204": { description: "received" } },
        },
      };
  Object.assign(webhooks, {
    constructor: {
      post: {
        requestBody: {
          required: true,
          content: { "text/plain": { schema: { type: "string" } } },
        },
        responses: { "200": { description: "ok" } },
      },
    },
    "order/paid": {
      post: {
        parameters: [
          {
            name: "X-Tenant",
            in: "header",
            required: true,
            schema: { type: "string", pattern: "^t-[0-9]+$" },
          },
          { name: "page", in: "query", schema: { type: "integer" } },
        ],
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                oneOf: [
                  { $ref: "#/components/schemas/Card" },
                  { $ref: "#/components/schemas/Transfer" },
                ],
                discriminator: { propertyName: "method" },
              },
            },
          },
        },
        responses: {
          "200": {
            description: "accepted, with a receipt",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["receipt"],
                  properties: { receipt: { type: "string" } },
                },
              },
            },
          },
        },
      },
    },
    "ping-pong": {
      post: { responses: { "204": { description: "pong" } } },
      put: { responses: { "204": { description: "pong again" } } },
    },
  });
  return JSON.stringify({
    openapi: "3.1.0",
    info: { title: "many webhooks", version: "1" },
    paths: {
      "/cats": {
        get: {
          operationId: "catCreatedWebhook",
          responses: { "200": { description: "ok" } },
        },
      },
    },
    webhooks,
    components: {
      schemas: {
        PetEvent: {
          type: "object",
          required: ["id", "name"],
          properties: {
            id: { type: "integer", minimum: 1 },
            name: { type: "string" },
            secret: { type: "string", writeOnly: true },
          },
        },
        Card: {
          type: "object",
          required: ["method", "last4"],
          properties: {
            method: { const: "card" },
            last4: { type: "string" },
          },
        },
        Transfer: {
          type: "object",
          required: ["method", "iban"],
          properties: {
            method: { const: "transfer" },
            iban: { type: "string" },
          },
        },
        DogCreatedWebhookBody: { type: "string" },
      },
    },
  });
}

const HANDLERS = `import type { PartialHandlers } from "./generated/server/index.js";
import type { WebhookHandlers } from "./generated/server/webhook-receiver.js";

export const log: string[] = [];

export const webhooks: PartialHandlers<WebhookHandlers> = {
  catCreated2: async ({ body }) => {
    const id: number = body.id;
    log.push(\`cat \${id} \${body.name}\`);
    return { status: 204 };
  },
  dogDeleted: ({ body }) => {
    log.push(\`dog \${body.id} gone\`);
    return { status: 204 };
  },
  constructor: async ({ body }) => {
    const text: string = body;
    log.push(text);
    return { status: 200 };
  },
  orderPaid: async ({ headers, body }) => {
    const tenant: string = headers["X-Tenant"];
    const detail = body.method === "card" ? body.last4 : body.iban;
    log.push(\`\${tenant} \${detail}\`);
    return { status: 200, body: { receipt: "r-1" } };
  },
  pingPongPut: () => ({ status: 204 }),
};
`;

const RECEIVER = `import type { RequestListener } from "node:http";
import { createWebhookListener } from "./generated/server/webhook-receiver.js";
import { webhooks } from "./handlers.js";

export function github(secret: string): RequestListener {
  return createWebhookListener(webhooks, { secret, basePath: "/hooks" });
}

/** Stripe posts every event to one URL: the event's type names the webhook. */
export function stripe(secret: string): RequestListener {
  return createWebhookListener(webhooks, {
    secret,
    verify: "stripe",
    webhookOf: ({ body }) => {
      const type: unknown = JSON.parse(new TextDecoder().decode(body)).type;
      return typeof type === "string" ? type : undefined;
    },
  });
}
`;

describe("a description with many webhooks", () => {
  let project: ReceiverProject;
  let github: RunningServer;
  let stripeServer: RunningServer;
  let log: string[];
  const SECRET = "a GitHub webhook secret";
  const STRIPE_SECRET = "whsec_test_many";

  beforeAll(async () => {
    project = await receiverProject(
      "many",
      description(),
      { "handlers.ts": HANDLERS, "receiver.ts": RECEIVER },
      { webhookSignature: "github" },
    );
    log = (await project.load<{ log: string[] }>("handlers.ts")).log;
    const receivers =
      await project.load<
        Record<"github" | "stripe", (secret: string) => RequestListener>
      >("receiver.ts");
    github = await listen(receivers.github(SECRET));
    stripeServer = await listen(receivers.stripe(STRIPE_SECRET));
  }, 60_000);
  afterAll(async () => {
    await github?.close();
    await stripeServer?.close();
    project?.remove();
  });

  const deliver = (
    path: string,
    body: string,
    headers: Record<string, string> = {},
    method = "POST",
  ) =>
    fetch(`${github.baseUrl}/hooks/${path}`, {
      method,
      headers: {
        "content-type": "application/json",
        "x-hub-signature-256": `sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}`,
        ...headers,
      },
      body,
    });

  it("names every webhook apart from the endpoints and schemas, and reports the query parameter", () => {
    const names = project.result.model.webhooks!.map((w) => w.name);
    expect(names).toHaveLength(KINDS.length * 3 + 4);
    expect(new Set(names).size).toBe(names.length);
    // the endpoint catCreatedWebhook takes the type base CatCreatedWebhook
    expect(names).toContain("catCreated2");
    expect(names).toEqual(
      expect.arrayContaining([
        "constructor",
        "orderPaid",
        "pingPongPost",
        "pingPongPut",
      ]),
    );
    const types = project.result.files.find(
      (f) => f.path === "types.ts",
    )!.contents;
    expect(types).toContain("export type DogCreatedWebhookBodyModel = string;");
    expect(types).toContain("export type DogCreatedWebhookBody = PetEvent;");
    expect(project.result.diagnostics.map((d) => d.code)).toContain(
      "openapi3/webhook-parameter-skipped",
    );
  });

  it("compiles under the strictest tsconfig, and so does its scaffold under Node's", async () => {
    expect((await project.typeCheck()).output).toBe("");
    expect((await project.typeCheckScaffold()).output).toBe("");
  }, 120_000);

  it("routes each signed delivery to its handler by name", async () => {
    const cat = JSON.stringify({ id: 7, name: "Tom" });
    expect((await deliver("cat2.created", cat)).status).toBe(404);
    expect((await deliver("cat.created", cat)).status).toBe(204);
    // GitHub signs neither the URL nor a delivery id: the same signed body is a replay anywhere
    expect((await deliver("dog.deleted", cat)).status).toBe(409);
    const dog = JSON.stringify({ id: 7, name: "Rex" });
    expect((await deliver("dog.deleted", dog)).status).toBe(204);
    const text = await deliver("constructor", "hello", {
      "content-type": "text/plain",
    });
    expect(text.status).toBe(200);
    const paid = await deliver(
      "order%2Fpaid",
      JSON.stringify({ method: "transfer", iban: "DE00" }),
      { "x-tenant": "t-42" },
    );
    expect(paid.status).toBe(200);
    expect(await paid.json()).toEqual({ receipt: "r-1" });
    // a webhook without a handler, and one whose other method has none: 501, and the sender may
    // retry (the replay guard forgets deliveries no handler took)
    expect(
      (await deliver("fish.updated", JSON.stringify({ id: 1, name: "Nemo" })))
        .status,
    ).toBe(501);
    expect((await deliver("ping-pong", "")).status).toBe(501);
    expect((await deliver("ping-pong", "", {}, "PUT")).status).toBe(204);
    expect(log).toEqual(["cat 7 Tom", "dog 7 gone", "hello", "t-42 DE00"]);
  });

  it("checks payloads and headers against the description, after the signature", async () => {
    const before = log.length;
    expect(
      (await deliver("cat.created", JSON.stringify({ id: 0, name: "x" })))
        .status,
    ).toBe(400);
    const card = JSON.stringify({ method: "card" });
    expect(
      (await deliver("order%2Fpaid", card, { "x-tenant": "t-1" })).status,
    ).toBe(400);
    const ok = JSON.stringify({ method: "card", last4: "4242" });
    expect(
      (await deliver("order%2Fpaid", ok, { "x-tenant": "nope" })).status,
    ).toBe(400);
    expect((await deliver("order%2Fpaid", ok)).status).toBe(400);
    const forged = await fetch(`${github.baseUrl}/hooks/cat.created`, {
      method: "POST",
      headers: { "x-hub-signature-256": "sha256=" + "0".repeat(64) },
      body: JSON.stringify({ id: 1, name: "forged" }),
    });
    expect(forged.status).toBe(401);
    expect(log.length).toBe(before);
  });

  it("receives Stripe-signed events at one URL, routed by their type", async () => {
    const stripe = new Stripe("sk_test_unused");
    const body = JSON.stringify({ type: "cat.created", id: 9, name: "Kit" });
    const header = stripe.webhooks.generateTestHeaderString({
      payload: body,
      secret: STRIPE_SECRET,
    });
    const post = (h: string) =>
      fetch(`${stripeServer.baseUrl}/`, {
        method: "POST",
        headers: { "content-type": "application/json", "stripe-signature": h },
        body,
      });
    expect((await post(header)).status).toBe(204);
    expect(log.at(-1)).toBe("cat 9 Kit");
    expect((await post(header)).status).toBe(409);
    const other = stripe.webhooks.generateTestHeaderString({
      payload: body,
      secret: "whsec_not_ours",
    });
    expect((await post(other)).status).toBe(401);
  });

  it("answers 500 when webhookOf throws, and forgets the delivery so its retry is no replay", async () => {
    const stripe = new Stripe("sk_test_unused");
    const body = "not json";
    const header = stripe.webhooks.generateTestHeaderString({
      payload: body,
      secret: STRIPE_SECRET,
    });
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      for (let i = 0; i < 2; i++) {
        const response = await fetch(`${stripeServer.baseUrl}/`, {
          method: "POST",
          headers: { "stripe-signature": header },
          body,
        });
        expect(response.status).toBe(500);
        expect(await response.json()).toEqual({
          error: "internal server error",
        });
      }
      expect(errors).toHaveBeenCalledTimes(2);
    } finally {
      errors.mockRestore();
    }
  });
});
