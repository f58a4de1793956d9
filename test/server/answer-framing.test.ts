import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadModel } from "../../src/pipeline.js";
import { emitted } from "../emitted.js";
import { outDir, writeFiles } from "./generated.js";
import { listen, type RunningServer } from "./http.js";
import { rawRequest } from "./raw-socket.js";

/*
 * The node:http listener sends an answer it has whole with its Content-Length, in one piece: not
 * chunked (node:http chunks a body whose length it was not told), and a HEAD answer names the
 * length its GET would have.
 */
const REPO = resolve(import.meta.dirname, "../..");
let server: RunningServer;

beforeAll(async () => {
  const dir = outDir("answer-framing");
  const model = loadModel(["test/fixtures/server/unread-bodies.yaml"], {
    cwd: REPO,
  });
  writeFiles(dir, await emitted("server", model, {}));
  const { createRequestListener } = await import(
    pathToFileURL(join(dir, "server", "index.ts")).href
  );
  server = await listen(
    createRequestListener({
      getItem: async ({ path }: { path: { id: string } }) => ({
        status: 200,
        body: { id: path.id, note: "é" },
      }),
    }),
  );
}, 60_000);

afterAll(() => server.close());

describe("an answer the listener has whole", () => {
  it("goes out with its Content-Length, not chunked", async () => {
    const answer = await rawRequest(server.baseUrl, "GET", "/items/a1");
    expect(answer.status).toBe(200);
    expect(answer.headers["transfer-encoding"]).toBeUndefined();
    expect(answer.headers["content-length"]).toBe(
      String(Buffer.byteLength(answer.body)),
    );
    expect(JSON.parse(answer.body)).toEqual({ id: "a1", note: "é" });
  });

  it("names its length for HEAD too, without a body", async () => {
    const answer = await rawRequest(server.baseUrl, "HEAD", "/items/a1");
    expect(answer.status).toBe(200);
    expect(answer.body).toBe("");
    expect(answer.headers["content-length"]).toBe(
      String(Buffer.byteLength(JSON.stringify({ id: "a1", note: "é" }))),
    );
  });

  it("as an error answer does", async () => {
    const answer = await rawRequest(server.baseUrl, "GET", "/items/a1?x=one");
    expect(answer.status).toBe(400);
    expect(answer.headers["transfer-encoding"]).toBeUndefined();
    expect(answer.headers["content-length"]).toBe(
      String(Buffer.byteLength(answer.body)),
    );
  });
});
