import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadModel } from "../../src/pipeline.js";
import {
  SERVED as SERVED_API,
  emitEveryAdapter,
  startEvery,
  startWebhookListener,
  type StartedServer,
} from "./adapter-servers.js";
import { outDir } from "./generated.js";

/*
 * A body sent without a Content-Type is read as the route's first JSON media type
 * (decode.ts's bodyMediaType); the request check must judge it as that same type. It used to
 * decide from the route's FIRST media type: a route listing text/plain before application/json
 * handed a JSON body that breaks the schema to its handler (typed as the JSON schema) unchecked,
 * while the same bytes labelled application/json got 400. Every way of serving the API (the
 * node:http listener, the fetch handler, Fastify, Express, Hono, the webhook receiver) over real
 * HTTP on 127.0.0.1.
 */
const REPO = resolve(import.meta.dirname, "../..");

const NOTE = `
        required: true
        content:
          text/plain:
            schema: { type: string, maxLength: 100 }
          application/json:
            schema:
              type: object
              required: [text]
              additionalProperties: false
              properties:
                text: { type: string, maxLength: 100 }`;

const SPEC = `openapi: 3.1.0
info: { title: notes, version: "1" }
paths:
  /notes:
    post:
      operationId: createNote
      requestBody:${NOTE}
      responses:
        "201": { description: created }
webhooks:
  noteCreated:
    post:
      operationId: noteCreated
      requestBody:${NOTE}
      responses:
        "204": { description: received }
`;

/** What each handler was given, in order: a body that got 400 never reaches one. */
const seen: unknown[] = [];
const handlers = {
  createNote: ({ body }: { body: unknown }) => {
    seen.push(body);
    return { status: 201 };
  },
};
const webhookHandlers = {
  noteCreated: ({ body }: { body: unknown }) => {
    seen.push(body);
    return { status: 204 };
  },
};

const SERVED = [...SERVED_API, "webhook"] as const;
let dir: string;
const servers = new Map<string, StartedServer>();

beforeAll(async () => {
  const specDir = outDir("body-media-type-spec");
  const spec = join(specDir, "spec.yaml");
  writeFileSync(spec, SPEC);
  const model = loadModel([spec], { cwd: REPO });
  dir = await emitEveryAdapter("body-media-type", model);
  for (const [served, server] of await startEvery(dir, handlers, {
    basePath: "",
  }))
    servers.set(served, server);
  servers.set("webhook", await startWebhookListener(dir, webhookHandlers));
}, 120_000);

afterAll(async () => {
  await Promise.all([...servers.values()].map((s) => s.close()));
});

const INVALID = { text: { $where: "1" }, admin: true };
const VALID = { text: "hello" };

/**
 * POSTs `body` to the route of `served`: with `contentType` as its Content-Type, or none at all
 * when undefined (fetch labels no Uint8Array body). What came back, and what the handler got.
 */
async function post(
  served: (typeof SERVED)[number],
  body: unknown,
  contentType: string | undefined,
) {
  seen.length = 0;
  const path = served === "webhook" ? "/noteCreated" : "/notes";
  const response = await fetch(servers.get(served)!.url + path, {
    method: "POST",
    headers: contentType === undefined ? {} : { "content-type": contentType },
    body: new TextEncoder().encode(
      typeof body === "string" ? body : JSON.stringify(body),
    ),
  });
  const text = await response.text();
  return {
    status: response.status,
    answer: text === "" ? undefined : JSON.parse(text),
    got: [...seen],
  };
}

const ok = (served: string) => (served === "webhook" ? 204 : 201);

describe("a route listing text/plain before application/json", () => {
  it.each(SERVED)(
    "%s: a JSON body breaking the schema without a Content-Type is a 400 and reaches no handler",
    async (served) => {
      const { status, answer, got } = await post(served, INVALID, undefined);
      expect(status).toBe(400);
      expect(answer.violations.map((v: { in: string }) => v.in)).toContain(
        "body",
      );
      expect(got).toEqual([]);
    },
  );

  it.each(SERVED)(
    "%s: a valid JSON body without a Content-Type reaches the handler as JSON",
    async (served) => {
      const { status, got } = await post(served, VALID, undefined);
      expect(status).toBe(ok(served));
      expect(got).toEqual([VALID]);
    },
  );

  it.each(SERVED)(
    "%s: a Content-Type that names no media type is the same as none",
    async (served) => {
      // Fastify refuses such a header itself (415), before the API sees the request
      const fastify = served === "fastify";
      expect(await post(served, INVALID, "; charset=utf-8")).toMatchObject({
        status: fastify ? 415 : 400,
        got: [],
      });
      expect(await post(served, VALID, "; charset=utf-8")).toMatchObject(
        fastify
          ? { status: 415, got: [] }
          : { status: ok(served), got: [VALID] },
      );
    },
  );

  it.each(SERVED)(
    "%s: with Content-Type application/json, unchanged: 400 for the bad body, the good one handled",
    async (served) => {
      const bad = await post(served, INVALID, "application/json");
      expect(bad.status).toBe(400);
      expect(bad.got).toEqual([]);
      const good = await post(served, VALID, "application/json; charset=utf-8");
      expect(good.status).toBe(ok(served));
      expect(good.got).toEqual([VALID]);
    },
  );

  it.each(SERVED)(
    "%s: a text/plain body is still handed over as its text",
    async (served) => {
      const { status, got } = await post(
        served,
        '{"text":{"$where":"1"}}',
        "text/plain",
      );
      expect(status).toBe(ok(served));
      expect(got).toEqual(['{"text":{"$where":"1"}}']);
    },
  );
});
