import { createHmac } from "node:crypto";
import type { RequestListener } from "node:http";
import { afterAll, beforeAll, expect, it } from "vitest";
import { listen, type RunningServer } from "../server/http.js";
import { receiverProject, type ReceiverProject } from "./receiver-project.js";

// A webhook whose answer is an item stream (OpenAPI 3.2's itemSchema, JSON Lines): the node:http
// listener writes the items as they come, as the request listener does, through one writer.
const DESCRIPTION = JSON.stringify({
  openapi: "3.2.0",
  info: { title: "a feed webhook", version: "1" },
  webhooks: {
    feed: {
      post: {
        operationId: "feed",
        responses: {
          "200": {
            description: "the items, one per line",
            content: {
              "application/jsonl": {
                itemSchema: {
                  type: "object",
                  required: ["n"],
                  properties: { n: { type: "integer" } },
                },
              },
            },
          },
        },
      },
    },
  },
});

const HANDLERS = `import type { PartialHandlers } from "./generated/server/index.js";
import type { WebhookHandlers } from "./generated/server/webhook-receiver.js";

export const webhooks: PartialHandlers<WebhookHandlers> = {
  feed: () => ({
    status: 200,
    body: (async function* () {
      yield { n: 1 };
      yield { n: 2 };
    })(),
  }),
};
`;

const RECEIVER = `import type { RequestListener } from "node:http";
import { createWebhookListener } from "./generated/server/webhook-receiver.js";
import { webhooks } from "./handlers.js";

export function receiver(secret: string): RequestListener {
  return createWebhookListener(webhooks, { secret });
}
`;

const SECRET = "a GitHub webhook secret";
let project: ReceiverProject;
let server: RunningServer;

beforeAll(async () => {
  project = await receiverProject(
    "stream-answer",
    DESCRIPTION,
    { "handlers.ts": HANDLERS, "receiver.ts": RECEIVER },
    { webhookSignature: "github" },
  );
  const { receiver } = await project.load<{
    receiver: (secret: string) => RequestListener;
  }>("receiver.ts");
  server = await listen(receiver(SECRET));
}, 60_000);
afterAll(async () => {
  await server?.close();
  project?.remove();
});

it("writes a webhook's item stream as it comes, one JSON text a line", async () => {
  const response = await fetch(`${server.baseUrl}/feed`, {
    method: "POST",
    headers: {
      "x-hub-signature-256": `sha256=${createHmac("sha256", SECRET).update("").digest("hex")}`,
    },
  });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^application\/jsonl/);
  expect(await response.text()).toBe('{"n":1}\n{"n":2}\n');
});

it("compiles under the strictest tsconfig", async () => {
  expect((await project.typeCheck()).output).toBe("");
}, 120_000);
