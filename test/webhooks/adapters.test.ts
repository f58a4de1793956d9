import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  receiverProject,
  standardHeaders,
  type ReceiverProject,
} from "./receiver-project.js";

// The webhook receiver on each framework adapter (server.adapters: express, fastify, hono), each
// the framework's real package serving on 127.0.0.1: a user's app mounting `apiWebhooks` beside
// its own routes compiles under the strictest tsconfig, a signed delivery reaches its typed
// handler, a forged or replayed one does not, a request that is no webhook's reaches the app's
// own route, and the signature is checked on the body's bytes as they came.

const SECRET =
  "whsec_" + Buffer.from("adapter webhook secret, 32 bytes").toString("base64");

const SPEC = `openapi: 3.1.0
info: { title: Shop, version: "1" }
paths:
  /ping:
    get:
      operationId: ping
      responses: { "204": { description: ok } }
webhooks:
  order.paid:
    post:
      parameters:
        - { name: x-shop, in: header, required: true, schema: { type: string } }
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [id, total]
              properties:
                id: { type: string }
                total: { type: number }
      responses:
        "200":
          description: a receipt
          content:
            application/json:
              schema:
                type: object
                required: [received]
                properties: { received: { type: string } }
  stock/low:
    post:
      requestBody:
        required: true
        content:
          application/json:
            schema: { type: object, required: [sku], properties: { sku: { type: string } } }
      responses: { "204": { description: received } }
`;

// annotated as isolatedDeclarations (one of the strictest flags) asks of every export
const HANDLERS = `import type { PartialHandlers } from "./generated/server/index.js";
import type { WebhookHandlers } from "./generated/server/webhook-receiver.js";

export const seen: string[] = [];

export const webhooks: PartialHandlers<WebhookHandlers> = {
  orderPaid: async ({ body, headers }) => {
    seen.push(\`\${headers["x-shop"]} \${body.id} \${body.total}\`);
    return { status: 200, body: { received: body.id } };
  },
  stockLow: async ({ body }) => {
    seen.push(\`low \${body.sku}\`);
    return { status: 204 };
  },
};
`;

const APP = `import express, { type Express } from "express";
import Fastify, { type FastifyInstance } from "fastify";
import { Hono } from "hono";
import { apiWebhooks as expressWebhooks } from "./generated/server/webhook-express.js";
import { apiWebhooks as fastifyWebhooks } from "./generated/server/webhook-fastify.js";
import { apiWebhooks as honoWebhooks } from "./generated/server/webhook-hono.js";
import { webhooks } from "./handlers.js";

export const errors: unknown[] = [];
const onError = (error: unknown): void => {
  errors.push(error);
};

/** Express: the receiver under /hooks, before the app's own routes and body parsers. */
export function expressApp(secret: string, parser?: "json" | "raw"): Express {
  const app = express();
  if (parser === "json") app.use(express.json());
  if (parser === "raw") app.use(express.raw({ type: "*/*" }));
  app.use("/hooks", expressWebhooks({ handlers: webhooks, secret, onError }));
  app.post("/hooks/own", (_req, res) => {
    res.json({ own: "express" });
  });
  return app;
}

export async function fastifyApp(secret: string): Promise<FastifyInstance> {
  const app = Fastify();
  await app.register(fastifyWebhooks, {
    handlers: webhooks,
    secret,
    onError,
    bodyLimit: 4096,
    prefix: "/hooks",
  });
  app.post("/own", async () => ({ own: "fastify" }));
  return app;
}

export function honoApp(secret: string, readFirst = false): Hono {
  const app = new Hono();
  if (readFirst)
    app.use("/hooks/*", async (c, next) => {
      await c.req.text();
      await next();
    });
  app.use(
    "/hooks/*",
    honoWebhooks({ handlers: webhooks, secret, onError, basePath: "/hooks" }),
  );
  app.post("/hooks/own", (c) => c.json({ own: "hono" }));
  return app;
}

/** Every event posted to one URL, routed by its \`x-event\` header (webhookOf). */
const webhookOf = (delivery: {
  headers: Record<string, string | string[] | undefined>;
}): string | undefined => {
  const event = delivery.headers["x-event"];
  return typeof event === "string" ? event : undefined;
};

export function expressEvents(secret: string): Express {
  const app = express();
  app.post("/events", expressWebhooks({ handlers: webhooks, secret, webhookOf }));
  return app;
}

export async function fastifyEvents(secret: string): Promise<FastifyInstance> {
  const app = Fastify();
  await app.register(fastifyWebhooks, {
    handlers: webhooks,
    secret,
    webhookOf,
    prefix: "/events",
  });
  return app;
}
`;

interface App {
  expressApp(
    secret: string,
    parser?: "json" | "raw",
  ): import("express").Express;
  fastifyApp(secret: string): Promise<import("fastify").FastifyInstance>;
  honoApp(secret: string, readFirst?: boolean): import("hono").Hono;
  expressEvents(secret: string): import("express").Express;
  fastifyEvents(secret: string): Promise<import("fastify").FastifyInstance>;
  errors: unknown[];
}

interface Running {
  url: string;
  close(): Promise<unknown>;
}

function listenNode(server: Server): Promise<Running> {
  return new Promise((started) =>
    server.once("listening", () =>
      started({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () => {
          server.closeAllConnections();
          return new Promise((done) => server.close(done));
        },
      }),
    ),
  );
}

describe("webhooks received through Express, Fastify and Hono", () => {
  let project: ReceiverProject;
  let app: App;
  let seen: string[];

  beforeAll(async () => {
    project = await receiverProject(
      "adapters",
      SPEC,
      {
        "handlers.ts": HANDLERS,
        "app.ts": APP,
      },
      { adapters: ["express", "fastify", "hono"] },
    );
    seen = (await project.load<{ seen: string[] }>("handlers.ts")).seen;
    app = await project.load<App>("app.ts");
  }, 60_000);
  afterAll(() => project?.remove());

  it("writes one receiver per adapter, and an app using them compiles under the strictest tsconfig (TypeScript 7 and 5)", async () => {
    const paths = project.result.files.map((f) => f.path);
    for (const adapter of ["express", "fastify", "hono"])
      expect(paths).toContain(`server/webhook-${adapter}.ts`);
    expect((await project.typeCheck()).output).toBe("");
    expect((await project.typeCheck("TypeScript 5")).output).toBe("");
  }, 120_000);

  const starters: Record<string, () => Promise<Running>> = {
    express: () => listenNode(app.expressApp(SECRET).listen(0, "127.0.0.1")),
    fastify: async () => {
      const f = await app.fastifyApp(SECRET);
      const url = await f.listen({ host: "127.0.0.1", port: 0 });
      return { url, close: () => f.close() };
    },
    hono: () =>
      new Promise((started) => {
        const server = serve(
          { fetch: app.honoApp(SECRET).fetch, hostname: "127.0.0.1", port: 0 },
          (info) =>
            started({
              url: `http://127.0.0.1:${info.port}`,
              close: () => new Promise((done) => server.close(done)),
            }),
        );
      }),
  };

  for (const [name, start] of Object.entries(starters))
    describe(name, () => {
      let server: Running;
      beforeAll(async () => {
        server = await start();
      });
      afterAll(() => server?.close());

      const post = (
        path: string,
        body: string,
        headers: Record<string, string>,
      ) => fetch(`${server.url}${path}`, { method: "POST", body, headers });

      it("routes a signed delivery to its typed handler and sends its answer", async () => {
        seen.length = 0;
        const body = JSON.stringify({ id: `o-${name}`, total: 12.5 });
        const response = await post("/hooks/order.paid", body, {
          ...standardHeaders(SECRET, body),
          "x-shop": name,
        });
        expect(response.status).toBe(200);
        expect(await response.json()).toEqual({ received: `o-${name}` });
        // a key with a slash, percent-encoded in the URL, as the receiver routes it
        const low = JSON.stringify({ sku: "s-1" });
        const stock = await post(
          "/hooks/stock%2Flow",
          low,
          standardHeaders(SECRET, low),
        );
        expect(stock.status).toBe(204);
        expect(seen).toEqual([`${name} o-${name} 12.5`, "low s-1"]);
      });

      it("refuses a forged, a tampered, a replayed and an invalid delivery before any handler", async () => {
        seen.length = 0;
        const body = JSON.stringify({ id: "o-1", total: 1 });
        const headers = { ...standardHeaders(SECRET, body), "x-shop": name };
        const wrong =
          "whsec_" +
          Buffer.from("another secret, 32 bytes long!!").toString("base64");
        expect(
          (
            await post("/hooks/order.paid", body, {
              ...standardHeaders(wrong, body),
              "x-shop": name,
            })
          ).status,
        ).toBe(401);
        expect(
          (await post("/hooks/order.paid", body.replace("1}", "100}"), headers))
            .status,
        ).toBe(401);
        expect((await post("/hooks/order.paid", body, headers)).status).toBe(
          200,
        );
        expect((await post("/hooks/order.paid", body, headers)).status).toBe(
          409,
        );
        // signed, but not what the description says (the required header is missing)
        expect(
          (await post("/hooks/order.paid", body, standardHeaders(SECRET, body)))
            .status,
        ).toBe(400);
        expect(seen).toEqual([`${name} o-1 1`]);
      });

      it("passes a request that is no webhook's on to the app, its body unread", async () => {
        const own = await fetch(
          `${server.url}${name === "fastify" ? "/own" : "/hooks/own"}`,
          {
            method: "POST",
            body: "{}",
            headers: { "content-type": "application/json" },
          },
        );
        expect(own.status).toBe(200);
        expect(await own.json()).toEqual({ own: name });
      });
    });

  it("Express: a body parsed before the receiver is refused, never verified as re-serialized text; express.raw() keeps the bytes", async () => {
    const body = '{ "id": "o-raw",  "total": 3 }';
    const send = async (parser: "json" | "raw") => {
      const running = await listenNode(
        app.expressApp(SECRET, parser).listen(0, "127.0.0.1"),
      );
      try {
        return await fetch(`${running.url}/hooks/order.paid`, {
          method: "POST",
          body,
          headers: { ...standardHeaders(SECRET, body), "x-shop": "raw" },
        });
      } finally {
        await running.close();
      }
    };
    app.errors.length = 0;
    const parsed = await send("json");
    expect(parsed.status).toBe(500);
    expect(JSON.stringify(await parsed.json())).not.toContain("parsed");
    expect(String(app.errors[0])).toContain("body was parsed before");
    expect((await send("raw")).status).toBe(200);
  });

  it("Hono: a body something read before the receiver is refused, never verified as re-read text", async () => {
    app.errors.length = 0;
    const body = JSON.stringify({ id: "o-read", total: 2 });
    const response = await app
      .honoApp(SECRET, true)
      .request("/hooks/order.paid", {
        method: "POST",
        body,
        headers: { ...standardHeaders(SECRET, body), "x-shop": "hono" },
      });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: "internal server error" });
    expect(String(app.errors[0])).toContain("read before the receiver");
  });

  it("every event at one URL, routed by webhookOf: Express and Fastify", async () => {
    seen.length = 0;
    const body = JSON.stringify({ sku: "s-9" });
    const headers = {
      ...standardHeaders(SECRET, body),
      "x-event": "stock/low",
    };
    const running = await listenNode(
      app.expressEvents(SECRET).listen(0, "127.0.0.1"),
    );
    try {
      const response = await fetch(`${running.url}/events`, {
        method: "POST",
        body,
        headers,
      });
      expect(response.status).toBe(204);
    } finally {
      await running.close();
    }
    const f = await app.fastifyEvents(SECRET);
    try {
      const again = {
        ...standardHeaders(SECRET, body),
        "x-event": "stock/low",
      };
      expect(
        (
          await f.inject({
            method: "POST",
            url: "/events",
            payload: body,
            headers: again,
          })
        ).statusCode,
      ).toBe(204);
      // signed, but naming no webhook
      const unknown = { ...standardHeaders(SECRET, body), "x-event": "nope" };
      expect(
        (
          await f.inject({
            method: "POST",
            url: "/events",
            payload: body,
            headers: unknown,
          })
        ).statusCode,
      ).toBe(404);
    } finally {
      await f.close();
    }
    expect(seen).toEqual(["low s-9", "low s-9"]);
  });

  it("Fastify: a body past bodyLimit gets 413 before anything is verified", async () => {
    const f = await app.fastifyApp(SECRET);
    try {
      const body = JSON.stringify({ id: "x".repeat(5000), total: 1 });
      const response = await f.inject({
        method: "POST",
        url: "/hooks/order.paid",
        payload: body,
        headers: { ...standardHeaders(SECRET, body), "x-shop": "big" },
      });
      expect(response.statusCode).toBe(413);
    } finally {
      await f.close();
    }
  });
});
