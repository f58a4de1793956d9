/*
 * A request body declared under a media range instead of a media type (`*\/*`: 332 operations of
 * 36 documents of APIs.guru's directory, Telnyx's `POST /reports/mdr_usage_reports` with an
 * object schema, Apideck's file uploads with a binary one). A range is no Content-Type (RFC
 * 9110 §8.3: a media type, no wildcard): sent as one, no server can read the body, and Prism
 * answers 415 or "must be object". The client sends what it wrote: JSON as
 * `application/json`, a Blob as its own type, text as fetch types it. Over real HTTP on
 * 127.0.0.1.
 */
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import { generateClient, importClient } from "./generate.js";
import { recordingServer } from "./server.js";

type Fn = (args?: object) => Promise<{ status: number }>;

const text = `openapi: 3.0.3
info: { title: t, version: "1" }
paths:
  /reports:
    post:
      operationId: report
      requestBody:
        required: true
        content:
          "*/*":
            schema:
              type: object
              properties: { start: { type: string }, tags: { type: array, items: { type: string } } }
      responses: { "200": { description: ok } }
  /files:
    post:
      operationId: upload
      requestBody:
        required: true
        content: { "*/*": { schema: { type: string, format: binary } } }
      responses: { "200": { description: ok } }
  /events:
    post:
      operationId: events
      requestBody:
        required: true
        content: { "application/*+json": { schema: { type: array, items: { type: integer } } } }
      responses: { "200": { description: ok } }
  /notes:
    post:
      operationId: note
      requestBody:
        required: true
        content: { "text/*": { schema: { type: string } } }
      responses: { "200": { description: ok } }
`;

let server: Awaited<ReturnType<typeof recordingServer>>;
let dir: string;
let api: Record<string, Fn>;

beforeAll(async () => {
  server = await recordingServer();
  const made = await generate([{ file: "ranges.yaml", text }], {
    artifacts: ["client"],
  });
  dir = await generateClient(made.model, "media-ranges");
  const client = await importClient<{
    createClient: (config: object) => Record<string, Fn>;
  }>(dir);
  api = client.createClient({ baseUrl: server.baseUrl, retry: false });
});
afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The one request a call sent: its Content-Type and body. */
async function sent(
  call: () => Promise<unknown>,
): Promise<{ type: string | undefined; body: string }> {
  server.received.length = 0;
  await call();
  const [request] = server.received;
  return {
    type: request!.headers["content-type"],
    body: request!.body.toString(),
  };
}

describe("a body declared under a media range", () => {
  it("is sent as JSON under application/json when the client writes it as JSON", async () => {
    const body = { start: "2024-01-01", tags: ["a", "b"] };
    expect(await sent(() => api.report!({ body }))).toEqual({
      type: "application/json",
      body: JSON.stringify(body),
    });
    expect(await sent(() => api.events!({ body: [1, 2] }))).toEqual({
      type: "application/json",
      body: "[1,2]",
    });
  });

  it("is sent as the Blob's own type, or none, when it is a file", async () => {
    const pdf = new Blob(["%PDF-1.7"], { type: "application/pdf" });
    expect(await sent(() => api.upload!({ body: pdf }))).toEqual({
      type: "application/pdf",
      body: "%PDF-1.7",
    });
    // a Blob without a type: fetch sends no Content-Type, as RFC 9110 allows
    const bytes = new Blob(["raw"]);
    expect(await sent(() => api.upload!({ body: bytes }))).toEqual({
      type: undefined,
      body: "raw",
    });
  });

  it("is sent as text/plain when it is text", async () => {
    expect(await sent(() => api.note!({ body: "hello" }))).toEqual({
      type: "text/plain;charset=UTF-8",
      body: "hello",
    });
  });
});
