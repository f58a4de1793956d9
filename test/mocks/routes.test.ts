import { rmSync } from "node:fs";
import { join } from "node:path";
import { QueryClient } from "@tanstack/query-core";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO, apiloom } from "../cli/run.js";

/*
 * Held-out hunt on APIs.guru: paths whose handlers answered the wrong endpoint, or none, and a
 * body-less GET whose query TanStack Query refused. Oracles: msw/node's setupServer (its path
 * matching, onUnhandledRequest "error") and @tanstack/query-core's QueryClient, through the
 * generated client.
 */
const OUT = join(REPO, "test/mocks/out/routes");
type Call = (args?: object) => Promise<{ status: number; data?: unknown }>;
let client: Record<string, Call>;
let query: Record<string, (...args: unknown[]) => object>;
const server = setupServer();

beforeAll(async () => {
  rmSync(OUT, { recursive: true, force: true });
  const result = apiloom([
    "generate",
    "test/mocks/fixtures/routes.yaml",
    "-o",
    OUT,
    "-a",
    "client,mocks,query",
    "--no-lock",
  ]);
  expect(result.code, result.stderr).toBe(0);
  const mocks = (await import(join(OUT, "mocks/index.ts"))) as {
    handlers: Parameters<typeof server.use>;
  };
  const made = (await import(join(OUT, "client/index.ts"))) as {
    createClient: (options: object) => Record<string, Call>;
  };
  query = (await import(join(OUT, "query/index.ts"))) as typeof query;
  server.use(...mocks.handlers);
  server.listen({ onUnhandledRequest: "error" });
  client = made.createClient({ baseUrl: "http://mocks.test" });
});

afterAll(() => server.close());

describe("mocks/: each endpoint's own handler answers it", () => {
  it.each([
    ["getUser", { path: { id: "7" } }, "user"],
    ["getDeep", { path: { a: "a", b: "b", c: "c" } }, "deep"],
    ["getProfile", { path: { id: "7", ext: ".json" } }, "profile"],
    ["pull", {}, "pull"],
    ["getName", { path: { name: "ops/1" } }, "name"],
    ["cancelName", { path: { name: "ops 1" } }, "cancel"],
    ["updateUser", { path: { id: "7" } }, { id: 0, login: "string" }],
  ])("%s", async (name, args, data) => {
    const result = await client[name]!(args);
    expect([result.status, result.data]).toEqual([200, data]);
  });

  // GitHub Enterprise Server's archive links, twilio, just-eat: a handler answered 200, undeclared
  it("answers an endpoint that declares only a redirect with that redirect", async () => {
    const result = await client["download"]!();
    expect(result.status).toBe(302);
  });

  it("gives a query of a GET without a body null, which TanStack Query keeps", async () => {
    const queryClient = new QueryClient({
      defaultOptions: { queries: { retry: false } },
    });
    await expect(
      queryClient.fetchQuery(query["healthOptions"]!(client) as never),
    ).resolves.toBe(null);
  });
});
