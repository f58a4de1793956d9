// Starts the generated server of `dir` on 127.0.0.1 (port 0) with one of its adapters, the same
// way for every test that runs them all (adapters.test.ts, the Prism proxy runs).
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { serve } from "@hono/node-server";
import express from "express";
import Fastify from "fastify";
import { Hono } from "hono";
import { listen } from "./http.js";

export const ADAPTERS = ["node", "fastify", "express", "hono"] as const;
export type AdapterName = (typeof ADAPTERS)[number];

export interface StartedServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  close(): Promise<unknown>;
}

/**
 * The API of `dir` (generated with every adapter) served by `adapter`, given `handlers` and the
 * listener options `options`; Express and Hono also serve `GET /own` themselves, after the API.
 */
export async function startAdapter(
  dir: string,
  adapter: AdapterName,
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
  const { apiRoutes } = await load(`${adapter}.ts`);
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
  app.use(apiRoutes({ handlers, ...options }));
  app.get("/own", (c) => c.json({ own: true }));
  return new Promise((started) => {
    const server = serve(
      { fetch: app.fetch, hostname: "127.0.0.1", port: 0 },
      (info) =>
        started({
          url: `http://127.0.0.1:${info.port}`,
          close: () => new Promise((done) => server.close(done)),
        }),
    );
  });
}
