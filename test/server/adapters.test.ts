import { spawn, type ChildProcess } from "node:child_process";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { serve } from "@hono/node-server";
import express from "express";
import Fastify from "fastify";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadModel } from "../../src/pipeline.js";
import { emitted } from "../emitted.js";
import { outDir, writeFiles } from "./generated.js";
import { listen } from "./http.js";
import {
  REQUEST_TABLE,
  TABLE_BODY_LIMIT,
  TABLE_SPEC,
  runTable,
  tableHandlers,
} from "./request-table.js";

/*
 * Issue 27: every adapter answers the one request table (test/server/request-table.ts) as the
 * node:http listener does, over real HTTP on 127.0.0.1; Hono also under Deno and Bun.
 */
const REPO = resolve(import.meta.dirname, "../..");
const BIN = join(REPO, "node_modules/.bin");
let dir: string;
const servers: { name: string; url: string; close(): Promise<unknown> }[] = [];
const children: ChildProcess[] = [];

/** What each case should see: no mismatch at all. */
const perfect = Object.fromEntries(REQUEST_TABLE.map((c) => [c.name, []]));

beforeAll(async () => {
  dir = outDir("adapters");
  const model = loadModel([TABLE_SPEC], { cwd: REPO });
  writeFiles(
    dir,
    await emitted("server", model, {
      server: { adapters: ["express", "fastify", "hono"] },
    }),
  );
}, 60_000);

afterAll(async () => {
  for (const child of children) child.kill();
  await Promise.all(servers.map((s) => s.close()));
});

async function load(file: string) {
  return import(pathToFileURL(join(dir, "server", file)).href);
}

const options = { bodyLimit: TABLE_BODY_LIMIT, onError: () => {} };

describe("one request table, every adapter, over HTTP on 127.0.0.1", () => {
  it("node:http listener", async () => {
    const { createRequestListener } = await load("index.ts");
    const server = await listen(createRequestListener(tableHandlers, options));
    servers.push({ name: "node", ...server, url: server.baseUrl });
    expect(await runTable(server.baseUrl)).toEqual(perfect);
    // a JSON body's `__proto__` member stayed data
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("Fastify", async () => {
    const { apiRoutes } = await load("fastify.ts");
    const app = Fastify();
    await app.register(apiRoutes, { handlers: tableHandlers, ...options });
    const url = await app.listen({ host: "127.0.0.1", port: 0 });
    servers.push({ name: "fastify", url, close: () => app.close() });
    expect(await runTable(url)).toEqual(perfect);
  });

  it("Express 5", async () => {
    const { apiRoutes } = await load("express.ts");
    const app = express();
    app.use(apiRoutes({ handlers: tableHandlers, ...options }));
    // a route of the app's own after the API's: reached for paths the API has none for
    app.get("/own", (_req, res) => {
      res.json({ own: true });
    });
    const server = app.listen(0, "127.0.0.1");
    await new Promise((done) => server.once("listening", done));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    servers.push({
      name: "express",
      url,
      close: () => new Promise((done) => server.close(done)),
    });
    expect(await runTable(url)).toEqual(perfect);
    expect(await (await fetch(`${url}/own`)).json()).toEqual({ own: true });
  });

  it("Hono on Node", async () => {
    const { apiRoutes } = await load("hono.ts");
    const app = new Hono();
    app.use(apiRoutes({ handlers: tableHandlers, ...options }));
    app.get("/own", (c) => c.json({ own: true }));
    const url = await new Promise<string>((done) => {
      const server = serve(
        { fetch: app.fetch, hostname: "127.0.0.1", port: 0 },
        (info) => done(`http://127.0.0.1:${info.port}`),
      );
      servers.push({
        name: "hono",
        url: "",
        close: () => new Promise((closed) => server.close(closed)),
      });
    });
    expect(await runTable(url)).toEqual(perfect);
    expect(await (await fetch(`${url}/own`)).json()).toEqual({ own: true });
  });

  const RUNTIMES: Record<string, string[]> = {
    deno: [
      join(BIN, "deno"),
      "run",
      "--no-lock",
      "--sloppy-imports",
      "--allow-net=127.0.0.1",
      "--allow-read",
      "--allow-env",
    ],
    bun: [join(BIN, "bun")],
  };

  it.each(Object.keys(RUNTIMES))(
    "Hono on %s",
    async (runtime) => {
      const [command, ...args] = RUNTIMES[runtime]!;
      const child = spawn(
        command!,
        [...args, join(REPO, "test/server/hono-serve.ts"), dir],
        {
          cwd: REPO,
          env: {
            ...process.env,
            DENO_DIR: join(dir, ".deno"),
            DENO_NO_UPDATE_CHECK: "1",
            NO_COLOR: "1",
          },
        },
      );
      children.push(child);
      const url = await new Promise<string>((done, fail) => {
        let out = "";
        let err = "";
        child.stderr!.on("data", (chunk: Buffer) => (err += chunk));
        child.stdout!.on("data", (chunk: Buffer) => {
          out += chunk;
          const line = /^(http:\/\/127\.0\.0\.1:\d+)\n/.exec(out);
          if (line) done(line[1]!);
        });
        child.on("exit", (code) =>
          fail(new Error(`${runtime} exited (${code}): ${err}`)),
        );
      });
      expect(await runTable(url)).toEqual(perfect);
    },
    90_000,
  );
});
