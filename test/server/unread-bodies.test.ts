import { connect } from "node:net";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { serve } from "@hono/node-server";
import express from "express";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadModel } from "../../src/pipeline.js";
import { emitted } from "../emitted.js";
import { outDir, writeFiles } from "./generated.js";
import { listen } from "./http.js";

/*
 * Bodies the generated server does not read, over real HTTP on 127.0.0.1:
 * - a path no route matches is passed on (Express's next(), Hono's next()) with its body whole,
 *   for the application's own routes after the API;
 * - a body answered without being read (404, 405, 501, a bad parameter) is read only until the
 *   answer is out: an endless chunked body is cut off, not drained for ever;
 * - a handler's header that HTTP cannot carry leaves nothing of its answer on the 500.
 */
const REPO = resolve(import.meta.dirname, "../..");
let dir: string;
const closers: (() => Promise<unknown>)[] = [];
const load = (file: string) =>
  import(pathToFileURL(join(dir, "server", file)).href);
const handlers = {
  getItem: async ({ path }: { path: { id: string } }) => ({
    status: 200,
    headers: { "set-cookie": "session=SECRET", "x-id": path.id },
    body: {},
  }),
  createThing: async () => ({ status: 201 }),
};

beforeAll(async () => {
  dir = outDir("unread-bodies");
  const model = loadModel(["test/fixtures/server/unread-bodies.yaml"], {
    cwd: REPO,
  });
  writeFiles(
    dir,
    await emitted("server", model, {
      server: { adapters: ["express", "hono"] },
    }),
  );
}, 60_000);

afterAll(async () => {
  for (const close of closers) await close();
});

async function expressApp(): Promise<string> {
  const { apiRoutes } = await load("express.ts");
  const app = express();
  app.use(apiRoutes({ handlers, onError: () => {} }));
  app.post("/own", express.json(), (req, res) => {
    res.json({ got: req.body as unknown });
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((done) => server.once("listening", done));
  closers.push(() => {
    server.closeAllConnections();
    return new Promise((done) => server.close(done));
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function honoApp(): Promise<string> {
  const { apiRoutes } = await load("hono.ts");
  const app = new Hono();
  app.use(apiRoutes({ handlers, onError: () => {} }));
  app.post("/own", async (c) => c.json({ got: await c.req.json() }));
  return new Promise((started) => {
    const server = serve(
      { fetch: app.fetch, hostname: "127.0.0.1", port: 0 },
      (info) => {
        closers.push(() => new Promise((done) => server.close(done)));
        started(`http://127.0.0.1:${info.port}`);
      },
    );
  });
}

async function nodeServer(): Promise<string> {
  const { createRequestListener } = await load("index.ts");
  const server = await listen(
    createRequestListener(handlers, { bodyLimit: 1024, onError: () => {} }),
  );
  closers.push(() => server.close());
  return server.baseUrl;
}

describe("a path no route matches keeps its body for what comes after the API", () => {
  for (const [name, start] of [
    ["express", expressApp],
    ["hono", honoApp],
  ] as const)
    it(name, async () => {
      const url = await start();
      const answer = await fetch(`${url}/own`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ a: 1, list: [1, 2, 3] }),
      });
      expect([answer.status, await answer.json()]).toEqual([
        200,
        { got: { a: 1, list: [1, 2, 3] } },
      ]);
    });
});

/**
 * POSTs `target` with an endless chunked body, 64 KiB a chunk, until the server closes the
 * connection or `cap` bytes went out; the answer's status line and the bytes sent.
 */
function endlessBody(
  url: string,
  target: string,
  cap: number,
): Promise<{ status: string; sent: number; closed: boolean }> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), "127.0.0.1");
    let head = "";
    let sent = 0;
    let closed = false;
    socket.on("data", (data: Buffer) => {
      head ||= data.toString("latin1").split("\r\n")[0] ?? "";
    });
    socket.on("close", () => {
      closed = true;
      resolve({ status: head, sent, closed });
    });
    socket.on("error", () => {});
    socket.on("connect", async () => {
      socket.write(
        `POST ${target} HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n`,
      );
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const frame = Buffer.concat([
        Buffer.from(`${chunk.length.toString(16)}\r\n`),
        chunk,
        Buffer.from("\r\n"),
      ]);
      while (!closed && sent < cap) {
        sent += chunk.length;
        if (!socket.write(frame))
          await new Promise((done) => {
            socket.once("drain", done);
            socket.once("close", done);
          });
      }
      if (!closed) {
        socket.destroy();
        reject(new Error(`the server read ${sent} bytes and kept going`));
      }
    });
  });
}

describe("a body answered without being read is cut off with the answer", () => {
  const CAP = 64 * 1024 * 1024;
  for (const [target, status] of [
    ["/nowhere", "404"],
    ["/items/1", "405"],
    ["/unbuilt", "501"],
    ["/things?x=notanumber", "400"],
  ] as const)
    it(`${status}: ${target}`, async () => {
      const url = await nodeServer();
      const result = await endlessBody(url, target, CAP);
      expect(result.status).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
      expect(result.closed).toBe(true);
      expect(result.sent).toBeLessThan(CAP);
    });
});

describe("a header HTTP cannot carry leaves nothing of its answer on the 500", () => {
  for (const [name, start] of [
    ["node", nodeServer],
    ["express", expressApp],
  ] as const)
    it(name, async () => {
      const url = await start();
      const { port } = new URL(url);
      const raw = await new Promise<string>((resolve, reject) => {
        const socket = connect(Number(port), "127.0.0.1", () =>
          socket.write(
            "GET /items/a%0D%0ASet-Cookie:%20pwn=1 HTTP/1.1\r\nhost: 127.0.0.1\r\nconnection: close\r\n\r\n",
          ),
        );
        let text = "";
        socket.setEncoding("latin1");
        socket.on("data", (chunk: string) => (text += chunk));
        socket.on("end", () => resolve(text));
        socket.on("error", reject);
      });
      const at = raw.indexOf("\r\n\r\n");
      const head = raw.slice(0, at);
      const lines = head.split("\r\n");
      const length = lines.find((l) => /^content-length:/i.test(l));
      const chunked = /^transfer-encoding: *chunked$/im.test(head);
      // the body as framed: by its length, or its chunks (a stale length would cut it short)
      const body = chunked
        ? dechunk(raw.slice(at + 4))
        : raw.slice(at + 4, at + 4 + Number(length?.split(":")[1]));
      expect(lines[0]).toBe("HTTP/1.1 500 Internal Server Error");
      expect(head.toLowerCase()).not.toContain("set-cookie");
      expect(head.toLowerCase()).not.toContain("x-powered-by");
      expect(body).toBe('{"error":"internal server error"}');
      expect(raw.length).toBe(
        chunked ? raw.indexOf("0\r\n\r\n", at) + 5 : at + 4 + body.length,
      );
    });
});

/** The text of a chunked body (latin1 text, sizes in hex). */
function dechunk(text: string): string {
  let out = "";
  let at = 0;
  for (;;) {
    const end = text.indexOf("\r\n", at);
    const size = parseInt(text.slice(at, end), 16);
    if (!(size > 0)) return out;
    out += text.slice(end + 2, end + 2 + size);
    at = end + 2 + size + 2;
  }
}
