import type { ServerResponse } from "node:http";
import { join } from "node:path";
import { build } from "esbuild";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../browser.js";
import { generateClient } from "../client/generate.js";
import { recordingServer, type Received } from "../client/server.js";
import { sdkModel } from "../fixtures/client/sdk-model.js";

/*
 * The client's SDK features (issue 25) in a browser, not only on Node, Deno and Bun: the sdk
 * fixture's generated client, bundled by esbuild as a browser module, runs in headless Chromium
 * against a server on 127.0.0.1 that serves the page, the module and the API from one origin.
 * What the server received is asserted, as in test/client/.
 */
let browser: Browser;
let page: Page;
let server: Awaited<ReturnType<typeof recordingServer>>;
/** What the API routes answer, by `METHOD path` (query left off); a list is answered in order. */
let routes: Record<string, Answer[]> = {};
type Answer = (req: Received, res: ServerResponse) => void;

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}) =>
  (_req: Received, res: ServerResponse) => {
    res.writeHead(status, { "Content-Type": "application/json", ...headers });
    res.end(JSON.stringify(body));
  };

beforeAll(async () => {
  const dir = await generateClient(sdkModel(), "browser");
  const bundled = await build({
    entryPoints: [join(dir, "client/index.ts")],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  const module = bundled.outputFiles[0]!.text;
  server = await recordingServer((req, res) => {
    const path = req.url.split("?")[0]!;
    if (path === "/")
      return void res
        .writeHead(200, { "Content-Type": "text/html" })
        .end("<!doctype html><title>client</title>");
    if (path === "/client.js")
      return void res
        .writeHead(200, { "Content-Type": "text/javascript" })
        .end(module);
    const queue = routes[`${req.method} ${path}`];
    const answer = queue && (queue.length > 1 ? queue.shift()! : queue[0]);
    if (answer) return answer(req, res);
    res.writeHead(500).end("no route");
  });
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(`${server.baseUrl}/`);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Runs `body` in the page with the client module as `c`; returns what it returns. */
function inPage<T>(body: string): Promise<T> {
  return page.evaluate(
    `(async () => { const c = await import("/client.js"); const baseUrl = location.origin; ${body} })()`,
  ) as Promise<T>;
}

const apiCalls = () =>
  server.received.filter((r) => r.url !== "/" && r.url !== "/client.js");

describe("the generated client in Chromium", () => {
  it("retries a 503 honouring Retry-After, sends middleware headers, narrows by status", async () => {
    routes = {
      "GET /pets/1": [
        json(503, { message: "busy" }, { "Retry-After": "0" }),
        json(200, { id: "1", name: "Rex" }),
      ],
      "GET /pets/2": [json(404, { missing: "2" })],
    };
    server.received.length = 0;
    const result = await inPage<unknown>(`
      const middleware = [{ onRequest: ({ request, attempt }) => {
        const r = new Request(request);
        r.headers.set("x-attempt", String(attempt));
        return r;
      } }];
      const found = await c.getPet({ path: { id: "1" } }, { baseUrl, middleware });
      const missing = await c.getPet({ path: { id: "2" } }, { baseUrl });
      const thrown = await c.getPet({ path: { id: "2" } }, { baseUrl, throwOnError: true })
        .catch((e) => ({ isApiError: e instanceof c.ApiError, status: e.status, body: e.body }));
      return { found: { ok: found.ok, status: found.status, data: found.data },
               missing: { ok: missing.ok, status: missing.status, error: missing.error }, thrown };
    `);
    expect(result).toEqual({
      found: { ok: true, status: 200, data: { id: "1", name: "Rex" } },
      missing: { ok: false, status: 404, error: { missing: "2" } },
      thrown: { isApiError: true, status: 404, body: { missing: "2" } },
    });
    const pets1 = apiCalls().filter((r) => r.url === "/pets/1");
    expect(pets1.map((r) => r.headers["x-attempt"])).toEqual(["1", "2"]);
  });

  it("a slow answer times out with TimeoutError, distinct from the caller's abort", async () => {
    const slow: Answer = (_req, res) => {
      const timer = setTimeout(() => json(200, {})(_req, res), 5000);
      res.on("close", () => clearTimeout(timer));
    };
    routes = { "GET /ping": [slow] };
    const result = await inPage<unknown>(`
      const timedOut = await c.ping(undefined, { baseUrl, timeout: 100, retry: false })
        .catch((e) => ({ name: e.name, isTimeout: e instanceof c.TimeoutError }));
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 50);
      const aborted = await c.ping(undefined, { baseUrl, signal: controller.signal, retry: false })
        .catch((e) => ({ name: e.name, isTimeout: e instanceof c.TimeoutError }));
      return { timedOut, aborted };
    `);
    expect(result).toEqual({
      timedOut: { name: "TimeoutError", isTimeout: true },
      aborted: { name: "AbortError", isTimeout: false },
    });
  });

  it("streams server-sent events written a few bytes at a time, and walks cursor pages", async () => {
    const sse =
      'event: born\r\ndata: {"id":"1",\r\ndata: "name":"Zoë 🐈"}\r\nid: 7\r\n\r\n' +
      'data:{"id":"2","name":"Ängel"}\n\n';
    const bytes = new TextEncoder().encode(sse);
    const inPieces: Answer = (_req, res) => {
      res.writeHead(200, { "Content-Type": "text/event-stream" });
      let at = 0;
      const next = () => {
        if (at >= bytes.length) return void res.end();
        res.write(bytes.subarray(at, (at += 3)));
        setTimeout(next, 1);
      };
      next();
    };
    const all = ["a", "b", "c", "d", "e"];
    const pages: Answer = (req, res) => {
      const url = new URL(req.url, "http://x");
      const from = Number(url.searchParams.get("cursor") ?? 0);
      const next = from + 2 < all.length ? String(from + 2) : null;
      json(200, {
        pets: all.slice(from, from + 2).map((id) => ({ id, name: id })),
        nextCursor: next,
      })(req, res);
    };
    routes = { "GET /events": [inPieces], "GET /pets": [pages] };
    server.received.length = 0;
    const result = await inPage<{ events: unknown[]; items: string[] }>(`
      const events = [];
      for await (const e of await c.watchPets({}, { baseUrl, throwOnError: true })) events.push(e);
      const items = [];
      for await (const pet of c.listPetsPages({ query: { limit: 2 } }, { baseUrl })) items.push(pet.id);
      return { events, items };
    `);
    expect(result.events).toEqual([
      { event: "born", data: { id: "1", name: "Zoë 🐈" }, id: "7" },
      { data: { id: "2", name: "Ängel" }, id: "7" },
    ]);
    expect(result.items).toEqual(all);
    expect(
      apiCalls()
        .filter((r) => r.url.startsWith("/pets"))
        .map((r) => r.url),
    ).toEqual([
      "/pets?limit=2",
      "/pets?limit=2&cursor=2",
      "/pets?limit=2&cursor=4",
    ]);
  });
});
