import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// the committed output (`npm run generate`, checked by CI's --check): made with the overlays in
// specs/ that apiloom.config.ts applies
import { createClient } from "../../generated/client/index.js";
import type { ConversationMessagePutHandlerRequest } from "../../generated/types.js";

interface Received {
  method: string;
  url: string;
  contentType: string | undefined;
  body: string;
}

const document = {
  version: 1 as const,
  type: "doc" as const,
  content: [
    { type: "paragraph", content: [{ type: "text", text: "Ship it Monday." }] },
  ],
};

// tsc (CI's `tsc --noEmit`) checks that the edit takes a typed body, and needs one
export function typed(): ConversationMessagePutHandlerRequest[] {
  return [
    {
      path: { cloudId: "s", conversationId: "c", messageId: "m" },
      body: { body: document },
    },
    // @ts-expect-error -- the body the overlay gives the edit is required
    { path: { cloudId: "s", conversationId: "c", messageId: "m" } },
    {
      path: { cloudId: "s", conversationId: "c", messageId: "m" },
      // @ts-expect-error -- a message document is `type: "doc"`
      body: { body: { ...document, type: "paragraph" } },
    },
  ];
}

describe("the committed Stride client edits a message: the overlay's body goes on the wire", () => {
  let server: Server;
  let baseUrl: string;
  const received: Received[] = [];

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        received.push({
          method: req.method!,
          url: req.url!,
          contentType: req.headers["content-type"],
          body: Buffer.concat(chunks).toString("utf8"),
        });
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ id: "m", edited: true }));
      });
    });
    await new Promise<void>((resolve) =>
      server.listen(0, "127.0.0.1", resolve),
    );
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("PUT …/message/{messageId} sends the message document as JSON", async () => {
    const api = createClient({ baseUrl, auth: { token: "token-1" } });
    const result = await api.conversationMessagePutHandler({
      path: { cloudId: "site 1", conversationId: "conv-1", messageId: "msg-9" },
      body: { body: document },
    });
    expect(result.ok).toBe(true);
    expect(received).toHaveLength(1);
    const [request] = received;
    expect(request!.method).toBe("PUT");
    expect(request!.url).toBe(
      "/site/site%201/conversation/conv-1/message/msg-9",
    );
    expect(request!.contentType).toMatch(/^application\/json\b/);
    expect(JSON.parse(request!.body)).toEqual({ body: document });
  });
});
