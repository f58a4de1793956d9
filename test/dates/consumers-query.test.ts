import { copyFileSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { REPO, apiloom } from "../cli/run.js";
import { typeCheckCell } from "../compat/matrix.js";
import { recordingServer } from "../client/server.js";

/*
 * TanStack Query options with `dates: "Date"` and `int64: "bigint"` (issue 43 item 3), with
 * @tanstack/query-core as the oracle: TanStack hashes a query key with JSON.stringify (a bigint
 * throws) and matches a partial key member by member (two Dates, which have no members of their
 * own, always match), so a key holds a Date as its ISO text and a bigint as its digits, and
 * says so in its type. A user's program (consumers-query.program.ts.txt) compiles under the
 * strictest tsconfig and runs on a QueryClient; an infinite query walks int64 cursors exactly.
 */
const API = join(REPO, "test/dates/consumers-api.yaml");
const ROOT = join(REPO, "test/dates/out/consumers-query");
const ON = join(ROOT, "on");
const OFF = join(ROOT, "off");
let warnings = "";

beforeAll(() => {
  rmSync(ROOT, { recursive: true, force: true });
  for (const [out, flags] of [
    [ON, ["--dates", "Date", "--int64", "bigint", "--verbose"]],
    [OFF, []],
  ] as const) {
    const run = apiloom([
      "generate",
      API,
      "-o",
      out,
      "-a",
      "query",
      "--no-lock",
      ...flags,
    ]);
    expect(run.code, run.stderr).toBe(0);
    if (out === ON) warnings = run.stderr;
  }
  copyFileSync(
    join(REPO, "test/dates/consumers-query.program.ts.txt"),
    join(ON, "program.ts"),
  );
}, 120_000);

describe("query/ with dates: Date and int64: bigint", () => {
  it("compiles with a QueryClient program under the strictest tsconfig", async () => {
    const result = await typeCheckCell(ROOT, "strictest", "TypeScript 7");
    expect(result.output).toBe("");
  }, 240_000);

  it("keys hash and match as the arguments are: equal ones alike, 2^63-1 and 2^63-2 apart, two dates apart", async () => {
    const { run } = (await import(join(ON, "program.ts"))) as {
      run: () => Promise<Record<string, unknown>>;
    };
    const r = await run();
    const MAX = 2n ** 63n - 1n;
    expect(r["key"]).toEqual([
      "getEntry",
      {
        path: { id: "9223372036854775807" },
        query: { asOf: "2024-05-01T10:00:00.000Z" },
      },
    ]);
    expect(r["equalHash"]).toBe(true);
    // as Numbers, 2^63-1 and 2^63-2 are one value: a key of numbers would mix them up
    expect(r["nextHash"]).toBe(false);
    expect(r["otherDateMatches"]).toBe(false);
    expect(r["dataId"]).toBe(MAX);
    expect(r["cachedId"]).toBe(MAX);
    expect(r["entries"]).toBe(3);
    expect(r["invalidated"]).toBe(1);
    // the pages: MAX-3 sent first, then each answer's nextAfter, exactly, to MAX
    expect(r["sentAfter"]).toEqual([MAX - 3n, MAX - 2n, MAX - 1n, MAX]);
    expect(r["pageParams"]).toEqual([MAX - 3n, MAX - 2n, MAX - 1n, MAX]);
    expect(r["infiniteCached"]).toBe(4);
  });

  it("runs through the generated client on 127.0.0.1: 2^63-1 in the path and in the cursors, exact", async () => {
    const MAX = 2n ** 63n - 1n;
    const server = await recordingServer((req, res) => {
      const url = new URL(req.url, "http://x");
      res.setHeader("Content-Type", "application/json");
      if (url.pathname.startsWith("/entries/"))
        return res.end(
          `{"id":${url.pathname.slice(9)},"at":"2024-05-01T10:00:00Z","amount":2}`,
        );
      // pages: after + 1 until 2^63 - 1, written as digits
      const after = BigInt(url.searchParams.get("after") ?? "0");
      res.end(
        after < MAX ? `{"items":[],"nextAfter":${after + 1n}}` : '{"items":[]}',
      );
    });
    try {
      const { live } = (await import(join(ON, "program.ts"))) as {
        live: (c: unknown, url: string) => Promise<Record<string, unknown>>;
      };
      const { createClient } = (await import(join(ON, "client/index.ts"))) as {
        createClient: unknown;
      };
      const r = await live(createClient, server.baseUrl);
      expect(r["id"]).toBe(MAX);
      expect(r["at"]).toEqual(new Date("2024-05-01T10:00:00Z"));
      expect(r["pageParams"]).toEqual([MAX - 2n, MAX - 1n, MAX]);
      expect(r["nextAfter"]).toEqual([MAX - 1n, MAX, undefined]);
      expect(server.received.map((q) => q.url)).toEqual([
        `/entries/${MAX}?asOf=2024-05-01T10%3A00%3A00.000Z`,
        `/pages?after=${MAX - 2n}`,
        `/pages?after=${MAX - 1n}`,
        `/pages?after=${MAX}`,
      ]);
    } finally {
      await server.close();
    }
  });

  it("says which endpoint gets no infinite options: a Date cursor whose next page is text", () => {
    expect(warnings).toContain(
      "query: pageChanges's since and the answer's nextSince are not both a Date, a bigint or neither",
    );
    const on = readFileSync(join(ON, "query/index.ts"), "utf8");
    expect(on).not.toContain("pageChangesInfinite");
    const off = readFileSync(join(OFF, "query/index.ts"), "utf8");
    expect(off).toContain("pageChangesInfinite");
    expect(off).not.toMatch(/KeyArgs|bigint/);
  });
});
