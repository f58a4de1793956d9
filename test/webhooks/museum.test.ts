import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { load } from "js-yaml";
import type { RequestListener } from "node:http";
import { afterAll, beforeAll, expect, it } from "vitest";
import { CORPUS_DIR, describeCorpus } from "../shared-corpus.js";
import { listen, type RunningServer } from "../server/http.js";
import {
  receiverProject,
  standardHeaders,
  type ReceiverProject,
} from "./receiver-project.js";

// The museum description of the shared corpus declares one webhook, publishNewEvent: a
// receiver for it, written as docs/server.md shows, compiles under the strictest tsconfig and
// receives a delivery signed by the Standard Webhooks reference library over HTTP on 127.0.0.1.

const SECRET =
  "whsec_" + Buffer.from("museum webhook secret, 32 bytes").toString("base64");

// annotated as isolatedDeclarations (one of the strictest flags) asks of every export
const HANDLERS = `import type { PartialHandlers } from "./generated/server/index.js";
import type { WebhookHandlers } from "./generated/server/webhook-receiver.js";
import type { SpecialEvent } from "./generated/types.js";

export const received: SpecialEvent[] = [];

export const webhooks: PartialHandlers<WebhookHandlers> = {
  publishNewEvent: async ({ body }) => {
    if (body) received.push(body);
    return { status: 202 };
  },
};
`;

const RECEIVER = `import type { RequestListener } from "node:http";
import {
  createWebhookFetchHandler,
  createWebhookListener,
} from "./generated/server/webhook-receiver.js";
import { webhooks } from "./handlers.js";

export function receiver(secret: string): RequestListener {
  return createWebhookListener(webhooks, { secret });
}

/** For Deno.serve, Bun.serve and workers. */
export function fetchHandler(
  secret: string,
): (request: Request) => Promise<Response> {
  return createWebhookFetchHandler(webhooks, {
    secret,
    basePath: "/hooks",
    bodyLimit: 4096,
  });
}
`;

describeCorpus("the museum's webhook, received", () => {
  const text = readFileSync(
    join(CORPUS_DIR, "oas31/redocly-museum.yaml"),
    "utf8",
  );
  const sample = (
    load(text) as {
      components: { examples: Record<string, { value: unknown }> };
    }
  ).components.examples["GetSpecialEventResponseExample"]!.value;
  let project: ReceiverProject;
  let server: RunningServer;
  let received: unknown[];

  beforeAll(async () => {
    project = await receiverProject("museum", text, {
      "handlers.ts": HANDLERS,
      "receiver.ts": RECEIVER,
    });
    const handlers = await project.load<{ received: unknown[] }>("handlers.ts");
    received = handlers.received;
    const { receiver } = await project.load<{
      receiver: (secret: string) => RequestListener;
    }>("receiver.ts");
    server = await listen(receiver(SECRET));
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    project?.remove();
  });

  const post = (
    body: string,
    headers: Record<string, string>,
    path = "/publishNewEvent",
  ) => fetch(`${server.baseUrl}${path}`, { method: "POST", headers, body });

  it("is read into the model with its source, and types its payload", () => {
    expect(project.result.model.webhooks).toMatchObject([
      {
        key: "publishNewEvent",
        name: "publishNewEvent",
        method: "post",
        sources: [{ file: "museum.yaml", line: 223 }],
      },
    ]);
    const types = project.result.files.find((f) => f.path === "types.ts")!;
    expect(types.contents).toContain(
      "export type PublishNewEventWebhookBody = SpecialEvent;",
    );
    expect(
      project.result.diagnostics.filter((d) => d.code.includes("webhook")),
    ).toEqual([]);
  });

  it("scaffolds a stub for it in the handlers file", () => {
    expect(project.scaffold).toContain(
      'import type {\n  WebhookHandlers,\n  WebhookSignatures,\n} from "./generated/server/webhook-receiver.js";',
    );
    // the contract it is written for, as the generated WebhookSignatures has it
    const hash = /publishNewEvent: "([0-9a-f]{10})";/.exec(
      project.result.files.find(
        (f) => f.path === "server/webhook-contracts.ts",
      )!.contents,
    )?.[1];
    expect(project.scaffold).toContain(
      `export const webhookSignatures = {\n  publishNewEvent: "${hash}",\n} satisfies WebhookSignatures;`,
    );
    expect(project.scaffold).toContain(
      [
        "export const webhooks = {",
        '  // webhook "publishNewEvent" (POST): New special event added',
        "  publishNewEvent: notImplemented,",
        "} satisfies WebhookHandlers;",
      ].join("\n"),
    );
  });

  it("compiles, generated code and receiver, under the strictest tsconfig; the scaffold under Node's", async () => {
    expect((await project.typeCheck()).output).toBe("");
    expect((await project.typeCheckScaffold()).output).toBe("");
  }, 120_000);

  it("makes a stale webhookSignatures entry a type error in the handlers file", async () => {
    const file = join(project.dir, "../../scaffold/app/handlers.ts");
    const text = readFileSync(file, "utf8");
    writeFileSync(
      file,
      text.replace(
        /publishNewEvent: "[0-9a-f]{10}"/,
        'publishNewEvent: "0000000000"',
      ),
    );
    try {
      const { output } = await project.typeCheckScaffold();
      expect(output).toMatch(
        /handlers\.ts\(\d+,\d+\): error TS2322: Type '"0000000000"' is not assignable to type '"[0-9a-f]{10}"'/,
      );
    } finally {
      writeFileSync(file, text);
    }
  }, 120_000);

  it("routes a signed sample to its handler, the payload typed and checked", async () => {
    const body = JSON.stringify(sample);
    const response = await post(body, standardHeaders(SECRET, body));
    expect(response.status).toBe(202);
    expect(received).toEqual([sample]);
  });

  it("refuses unsigned, tampered, stale and replayed deliveries before the handler", async () => {
    const body = JSON.stringify(sample);
    const before = received.length;
    expect(
      (await post(body, { "content-type": "application/json" })).status,
    ).toBe(401);
    const headers = standardHeaders(SECRET, body);
    expect((await post(body.replace("60", "1"), headers)).status).toBe(401);
    const wrong = standardHeaders(
      "whsec_" + Buffer.from("not the secret").toString("base64"),
      body,
    );
    expect((await post(body, wrong)).status).toBe(401);
    const stale = standardHeaders(
      SECRET,
      body,
      "msg_stale",
      new Date(Date.now() - 10 * 60_000),
    );
    expect((await post(body, stale)).status).toBe(401);
    expect(received.length).toBe(before);
    expect((await post(body, headers)).status).toBe(202);
    const replayed = await post(body, headers);
    expect(replayed.status).toBe(409);
    expect(received.length).toBe(before + 1);
  });

  it("answers alike as a fetch handler, and 413 past its body limit", async () => {
    const { fetchHandler } = await project.load<{
      fetchHandler: (secret: string) => (r: Request) => Promise<Response>;
    }>("receiver.ts");
    const handle = fetchHandler(SECRET);
    const body = JSON.stringify({ ...(sample as object), name: "Fetched" });
    const request = (text: string, headers: Record<string, string>) =>
      new Request("http://127.0.0.1/hooks/publishNewEvent", {
        method: "POST",
        headers,
        body: text,
      });
    expect(
      (await handle(request(body, standardHeaders(SECRET, body)))).status,
    ).toBe(202);
    expect(received.at(-1)).toMatchObject({ name: "Fetched" });
    expect((await handle(request(body, {}))).status).toBe(401);
    const big = JSON.stringify({
      ...(sample as object),
      eventDescription: "x".repeat(5000),
    });
    const tooLarge = await handle(request(big, standardHeaders(SECRET, big)));
    expect(tooLarge.status).toBe(413);
    expect(() => fetchHandler("")).toThrow(/secret/);
  });

  it("answers 400 for a signed payload that breaks the description, 404 for an unknown webhook", async () => {
    const before = received.length;
    const bad = JSON.stringify({ name: "no dates", price: "free" });
    const response = await post(bad, standardHeaders(SECRET, bad));
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe(
      "application/problem+json",
    );
    const body = JSON.stringify(sample);
    const unknown = await post(body, standardHeaders(SECRET, body), "/other");
    expect(unknown.status).toBe(404);
    expect(received.length).toBe(before);
  });
});
