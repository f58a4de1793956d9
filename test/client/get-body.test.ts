/*
 * A GET or HEAD endpoint that declares a request body (28 documents of APIs.guru's directory do,
 * AWS's OpenSearch `autoTunes` with the body required): fetch refuses to send one, so the
 * generated function rejects such a call, and `client/body-not-sent` says so at the body, over
 * real HTTP on 127.0.0.1.
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
  /search:
    get:
      operationId: search
      requestBody:
        content: { application/json: { schema: { type: object } } }
      responses: { "200": { description: ok } }
  /tunes:
    get:
      operationId: tunes
      requestBody:
        required: true
        content: { application/json: { schema: { type: object } } }
      responses: { "200": { description: ok } }
    post:
      operationId: postTunes
      requestBody:
        content: { application/json: { schema: { type: object } } }
      responses: { "200": { description: ok } }
`;

let server: Awaited<ReturnType<typeof recordingServer>>;
let made: Awaited<ReturnType<typeof generate>>;
let dir: string;
let api: Record<string, Fn>;

beforeAll(async () => {
  server = await recordingServer();
  made = await generate([{ file: "get-body.yaml", text }], {
    artifacts: ["client"],
  });
  dir = await generateClient(made.model, "get-body");
  const client = await importClient<{
    createClient: (config: object) => Record<string, Fn>;
  }>(dir);
  api = client.createClient({ baseUrl: server.baseUrl });
});
afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("a request body on GET", () => {
  it("is reported at the body, required or not", () => {
    expect(
      made.diagnostics
        .filter((d) => d.code === "client/body-not-sent")
        .map((d) => [d.line, d.message]),
    ).toEqual([
      [7, expect.stringContaining("rejects a call that passes one")],
      [
        13,
        expect.stringContaining("rejects every call (the body is required)"),
      ],
    ]);
  });

  it("is what the generated function cannot send: a call with it rejects, one without it is sent", async () => {
    await expect(api["search"]!({ body: { q: 1 } })).rejects.toThrow(
      /cannot have body/,
    );
    await expect(api["tunes"]!({ body: {} })).rejects.toThrow(
      /cannot have body/,
    );
    expect(server.received).toEqual([]);
    expect((await api["search"]!()).status).toBe(200);
    expect((await api["postTunes"]!({ body: {} })).status).toBe(200);
    expect(server.received.map((r) => r.method)).toEqual(["GET", "POST"]);
  });
});
