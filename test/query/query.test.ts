import { copyFileSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO, apiloom } from "../cli/run.js";
import { recordingServer } from "../client/server.js";
import { typeCheckCell } from "../compat/matrix.js";

/*
 * The `query` artifact (issue 23, item 7), with @tanstack/query-core as the oracle: the real CLI
 * generates a small fixture and the Stride seeds with `-a query`; tsc checks both, with a user's
 * program (program.ts.txt) on QueryClient, under the strictest tsconfig; the program then runs
 * against a real server on 127.0.0.1, and the test asserts what arrived and what the cache holds.
 */
const ROOT = join(REPO, "test/query/out");
const PETS = join(ROOT, "pets");

let server: Awaited<ReturnType<typeof recordingServer>>;

beforeAll(async () => {
  rmSync(ROOT, { recursive: true, force: true });
  for (const [inputs, out] of [
    [["test/query/fixtures/pets.yaml"], PETS],
    [["specs/*"], join(ROOT, "stride")],
  ] as const) {
    const result = apiloom([
      "generate",
      ...inputs,
      "-o",
      out,
      "-a",
      "query",
      "--no-lock",
    ]);
    expect(result.code, result.stderr).toBe(0);
  }
  copyFileSync(
    join(REPO, "test/query/program.ts.txt"),
    join(PETS, "program.ts"),
  );
  server = await recordingServer((req, res) => {
    const url = new URL(req.url, "http://x");
    const path = url.pathname.replace(/^\/v1/, "");
    res.setHeader("Content-Type", "application/json");
    if (path === "/pets/99") return; // answered never: the client aborts
    if (path === "/pets/404") {
      res.statusCode = 404;
      return res.end('{"title":"no such pet"}');
    }
    if (path.startsWith("/pets/"))
      return res.end(`{"id":${path.slice(6)},"name":"Tom"}`);
    if (path === "/health") return res.end('{"ok":true}');
    if (req.method === "POST") {
      res.statusCode = 201;
      return res.end(
        JSON.stringify({ id: 7, ...JSON.parse(String(req.body)) }),
      );
    }
    // GET /pets: three pages, c1 → c2 → c3 → null
    const cursor = url.searchParams.get("cursor") ?? "c1";
    const next = { c1: "c2", c2: "c3" }[cursor] ?? null;
    res.end(
      JSON.stringify({ pets: [{ id: 1, name: cursor }], next_cursor: next }),
    );
  });
});

afterAll(() => server?.close());

describe("query/: TanStack Query option factories", () => {
  it("compiles with a QueryClient program under the strictest tsconfig", async () => {
    const result = await typeCheckCell(ROOT, "strictest", "TypeScript 7");
    expect(result.output).toBe("");
  });

  it("imports nothing at run time: every import is a type", () => {
    const text = readFileSync(join(PETS, "query/index.ts"), "utf8");
    const imports = text.match(/^import .*/gm) ?? [];
    expect(imports.length).toBe(2);
    for (const line of imports) expect(line).toMatch(/^import type \{/);
    expect(text).not.toMatch(/\brequire\(|\bimport\(/);
  });

  it("makes infinite options only where pagination is unambiguous", () => {
    const text = readFileSync(join(PETS, "query/index.ts"), "utf8");
    expect(text).toContain("export function listPetsInfinite(");
    // page/nextPage and offset/nextOffset both match: no guess
    expect(text).not.toContain("listOwnersInfinite");
    expect(text).not.toContain("getPetInfinite");
    // the seeds: no endpoint pages by the rule
    const stride = readFileSync(join(ROOT, "stride/query/index.ts"), "utf8");
    expect(stride).not.toContain("Infinite(");
    expect(stride).toContain("Mutation(");
  });

  it("runs against a local server: the wire, the keys and the cache", async () => {
    const { run } = (await import(join(PETS, "program.ts"))) as {
      run: (baseUrl: string) => Promise<Record<string, unknown>>;
    };
    const seen = await run(`${server.baseUrl}/v1`);
    // GET /v1/pets/99 may be aborted before it reaches the server: not asserted on the wire
    const wire = server.received
      .map((r) => `${r.method} ${r.url}`)
      .filter((line) => line !== "GET /v1/pets/99");
    expect(wire).toEqual([
      // equal arguments written two ways: one request
      "GET /v1/pets?tag=cat&limit=2",
      "GET /v1/pets?tag=dog",
      // prefetchQuery, then ensureQueryData from the cache
      "GET /v1/pets/1",
      "GET /v1/health",
      "GET /v1/pets/404",
      "POST /v1/pets",
      // fetchInfiniteQuery: three pages, stopped by next_cursor: null
      "GET /v1/pets?limit=2",
      "GET /v1/pets?limit=2&cursor=c2",
      "GET /v1/pets?limit=2&cursor=c3",
    ]);
    expect(JSON.parse(String(server.received[5]!.body))).toEqual({
      name: "Rex",
      tag: "dog",
    });
    expect(seen["again"]).toEqual(seen["first"]);
    expect(JSON.stringify(seen["keys"])).toContain(
      '["listPets",{"query":{"limit":2,"tag":"cat"}}]',
    );
    expect(seen["keys"]).toStrictEqual({
      equal: ["listPets", { query: { limit: 2, tag: "cat" } }],
      different: ["listPets", { query: { tag: "dog" } }],
      prefix: ["listPets"],
      noArgs: ["health"],
      emptyGroup: ["listOwners", {}],
    });
    expect(seen["ensured"]).toEqual({ id: 1, name: "Tom" });
    expect(seen["notFound"]).toEqual({
      status: 404,
      body: { title: "no such pet" },
    });
    expect(seen["created"]).toEqual({ id: 7, name: "Rex", tag: "dog" });
    expect(seen["pages"]).toEqual({
      pages: [
        { pets: [{ id: 1, name: "c1" }], next_cursor: "c2" },
        { pets: [{ id: 1, name: "c2" }], next_cursor: "c3" },
        { pets: [{ id: 1, name: "c3" }], next_cursor: null },
      ],
      pageParams: [undefined, "c2", "c3"],
    });
    expect(seen["cancelled"]).toBe("cancelled");
    expect(seen["aborted"]).toBe(true);
    expect(seen["cache"]).toStrictEqual([
      ["listPets", { query: { limit: 2, tag: "cat" } }],
      ["listPets", { query: { tag: "dog" } }],
      ["getPet", { path: { petId: 1 } }],
      ["health"],
      ["getPet", { path: { petId: 404 } }],
      ["listPets", { query: { limit: 2 } }, "infinite"],
      ["getPet", { path: { petId: 99 } }],
    ]);
    expect(seen["prefixMatches"]).toBe(3);
  });
});
