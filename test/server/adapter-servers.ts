// Emits a generated server with every adapter, and starts it on 127.0.0.1 (port 0) with one of
// them or with all (and its fetch handler), the same way for every test that runs them all
// (adapters.test.ts, hostile-runtime.test.ts, body-media-type.test.ts, the Prism proxy runs).
import { writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { serve } from "@hono/node-server";
import express from "express";
import Fastify from "fastify";
import { Hono } from "hono";
import type { ApiModel } from "../../src/model/types.js";
import { loadModel } from "../../src/pipeline.js";
import { emitted, type EmitTestOptions } from "../emitted.js";
import { outDir, writeFiles } from "./generated.js";
import { listen } from "./http.js";

export const ADAPTERS = ["node", "fastify", "express", "hono"] as const;
export type AdapterName = (typeof ADAPTERS)[number];

/** Every way of serving the API: the adapters and the fetch handler (fetch.ts). */
export const SERVED = [...ADAPTERS, "fetch"] as const;
export type ServedName = (typeof SERVED)[number];

/**
 * The server of `model` (and the types and validators it needs) with every framework adapter,
 * written into a fresh test/server/out/<name>/; `options` are the emit's besides the adapters.
 */
export async function emitEveryAdapter(
  name: string,
  model: ApiModel,
  options: EmitTestOptions = {},
): Promise<string> {
  const dir = outDir(name);
  writeFiles(
    dir,
    await emitted("server", model, {
      ...options,
      server: { ...options.server, adapters: ["express", "fastify", "hono"] },
    }),
  );
  return dir;
}

/**
 * A spec's text served every way (SERVED) by `handlers`, its generated client beside the server
 * in `dir`: what a test sends requests to, as other tools and as the client write them.
 */
export async function serveSpecEveryWay(
  name: string,
  spec: string,
  handlers: object,
): Promise<{ dir: string; servers: Map<ServedName, StartedServer> }> {
  const file = join(outDir(`${name}-spec`), "spec.yaml");
  writeFileSync(file, spec);
  const model = loadModel([file], {
    cwd: resolve(import.meta.dirname, "../.."),
  });
  const dir = await emitEveryAdapter(name, model);
  writeFiles(dir, await emitted("client", model));
  return { dir, servers: await startEvery(dir, handlers) };
}

/**
 * The API of `dir` served every way (SERVED) at once, each given `handlers` and `options` (the
 * listener's, the adapters' and the fetch handler's alike), by name.
 */
export async function startEvery(
  dir: string,
  handlers: object,
  options: object = {},
): Promise<Map<ServedName, StartedServer>> {
  const servers = new Map<ServedName, StartedServer>();
  for (const adapter of ADAPTERS)
    servers.set(adapter, await startAdapter(dir, adapter, handlers, options));
  servers.set("fetch", await startFetch(dir, handlers, options));
  return servers;
}

/**
 * The webhook receiver of `dir` (server/webhook-receiver.ts's `createWebhookListener`) given
 * `handlers`, on node:http: every delivery passes the signature check (`verify` resolves).
 */
export async function startWebhookListener(
  dir: string,
  handlers: object,
): Promise<StartedServer> {
  const { createWebhookListener } = await import(
    pathToFileURL(join(dir, "server", "webhook-receiver.ts")).href
  );
  const server = await listen(
    createWebhookListener(handlers, {
      secret: "unused: the delivery is verified by `verify`",
      verify: async () => ({ id: undefined, timestamp: undefined }),
      replay: false,
    }),
  );
  return { url: server.baseUrl, close: () => server.close() };
}

/** The API of `dir` as server/fetch.ts's `createFetchHandler`, served by @hono/node-server. */
export async function startFetch(
  dir: string,
  handlers: object,
  options: object = {},
): Promise<StartedServer> {
  const { createFetchHandler } = await import(
    pathToFileURL(join(dir, "server", "fetch.ts")).href
  );
  return serveFetch(createFetchHandler(handlers, options));
}

/** `fetch` served by @hono/node-server on 127.0.0.1, port 0. */
export function serveFetch(
  fetch: (request: Request) => Promise<Response> | Response,
): Promise<StartedServer> {
  return new Promise((started) => {
    const server = serve({ fetch, hostname: "127.0.0.1", port: 0 }, (info) =>
      started({
        url: `http://127.0.0.1:${info.port}`,
        close: () => new Promise((done) => server.close(done)),
      }),
    );
  });
}

export interface StartedServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  close(): Promise<unknown>;
}

/**
 * The API of `dir` (generated with every adapter) served by `adapter`, given `handlers` and the
 * listener options `options`; Express and Hono also serve `GET /own` themselves, after the API.
 * "hono" registers the endpoints with Hono's router (`apiRoutes(app, …)`), "hono middleware" is
 * `app.use(apiRoutes(…))`.
 */
export async function startAdapter(
  dir: string,
  adapter: AdapterName | "hono middleware",
  handlers: object,
  options: object = {},
): Promise<StartedServer> {
  const load = (file: string) =>
    import(pathToFileURL(join(dir, "server", file)).href);
  if (adapter === "node") {
    const { createRequestListener } = await load("index.ts");
    const server = await listen(createRequestListener(handlers, options));
    return { url: server.baseUrl, close: () => server.close() };
  }
  const { apiRoutes } = await load(`${adapter.split(" ")[0]}.ts`);
  if (adapter === "fastify") {
    const app = Fastify();
    await app.register(apiRoutes, { handlers, ...options });
    const url = await app.listen({ host: "127.0.0.1", port: 0 });
    return { url, close: () => app.close() };
  }
  if (adapter === "express") {
    const app = express();
    app.use(apiRoutes({ handlers, ...options }));
    app.get("/own", (_req, res) => {
      res.json({ own: true });
    });
    const server = app.listen(0, "127.0.0.1");
    await new Promise((done) => server.once("listening", done));
    return {
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      close: () => {
        server.closeAllConnections();
        return new Promise((done) => server.close(done));
      },
    };
  }
  const app = new Hono();
  if (adapter === "hono") apiRoutes(app, { handlers, ...options });
  else app.use(apiRoutes({ handlers, ...options }));
  app.get("/own", (c) => c.json({ own: true }));
  return serveFetch(app.fetch);
}
