import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { generate } from "../../src/generate.js";
import { pageShape } from "../../src/model/pagination.js";
import type { GenerateOptions } from "../../src/generate.js";
import { typeCheck } from "./compile.js";
import { generateClient, importClient } from "./generate.js";
import { recordingServer } from "./server.js";

// Pages declared in the config (issue 25 item 7, `client.pages`) for an endpoint whose pages the
// description does not show, walked against a real server on 127.0.0.1.
const FIXTURE = join(
  import.meta.dirname,
  "../fixtures/client/declared-pages.yaml",
);
const inputs = [
  { file: "declared-pages.yaml", text: readFileSync(FIXTURE, "utf8") },
];
const PAGES = {
  "GET /things": {
    kind: "cursor",
    parameter: "after",
    field: "continuation",
    items: "data",
  },
};
const run = (pages: unknown) =>
  generate(inputs, {
    artifacts: ["client"],
    client: { pages },
  } as GenerateOptions);

type Server = Awaited<ReturnType<typeof recordingServer>>;
let server: Server;
let dir = "";
let client: Record<string, (...args: unknown[]) => AsyncIterable<unknown>>;
const ALL = ["a", "b", "c", "d", "e"];

beforeAll(async () => {
  const { model, diagnostics } = await run(PAGES);
  expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  dir = await generateClient(model, "declared-pages", {
    client: { pages: PAGES },
  } as GenerateOptions);
  client = await importClient(dir);
  server = await recordingServer((req, res) => {
    const url = new URL(req.url, "http://x");
    const from = Number(url.searchParams.get("after") ?? 0);
    const size = Number(url.searchParams.get("count") ?? 2);
    const next = from + size < ALL.length ? String(from + size) : null;
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end(
      JSON.stringify({
        data: ALL.slice(from, from + size).map((id) => ({ id })),
        continuation: next,
      }),
    );
  });
});
afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("pages declared in the config", () => {
  test("the description alone shows no page shape: no iterator", async () => {
    const { model, files } = await run({});
    expect(pageShape(model, model.endpoints[0]!, ["200"])).toBeUndefined();
    const index = files.find((f) => f.path === "client/index.ts")!;
    expect(index.contents).not.toContain("listThingsPages");
  });

  test("the declared iterator compiles, typed by the items property", async () => {
    const index = readFileSync(join(dir, "client/index.ts"), "utf8");
    expect(index).toContain(
      'export const listThingsPages: PageFunctions["listThingsPages"] =',
    );
    expect(index).toMatch(
      /listThingsPages: PagesCall<\s*ListThingsRequest,\s*ListThingsResponses,\s*"data"\s*>;/,
    );
    expect(await typeCheck(dir)).toBe("");
  });

  test("the declared iterator walks every page", async () => {
    const items: unknown[] = [];
    for await (const item of client["listThingsPages"]!(
      { query: { count: 2 } },
      { baseUrl: server.baseUrl },
    ))
      items.push(item);
    expect(items).toEqual(ALL.map((id) => ({ id })));
    expect(server.received.map((r) => r.url)).toEqual([
      "/things?count=2",
      "/things?count=2&after=2",
      "/things?count=2&after=4",
    ]);
  });

  test("the query artifact takes the declared cursor for its infinite query", async () => {
    const query = async (pages: unknown) =>
      (
        await generate(inputs, {
          artifacts: ["client", "query"],
          client: { pages },
        } as GenerateOptions)
      ).files.find((f) => f.path === "query/index.ts")!.contents;
    expect(await query({})).not.toContain("listThingsInfinite");
    const declared = await query(PAGES);
    expect(declared).toContain("export function listThingsInfinite");
    expect(declared).toContain("lastPage.continuation");
  });

  test("a declaration for no endpoint, or naming what the endpoint lacks, is an error", async () => {
    const { diagnostics, files } = await run({
      "GET /nothing": { kind: "link" },
      "GET /things": { kind: "cursor", parameter: "before", field: "next" },
    });
    expect(
      diagnostics
        .filter((d) => d.code === "client/page-declaration")
        .map((d) => [d.message, d.file, d.line]),
    ).toEqual([
      [
        expect.stringContaining('"GET /nothing"] names no endpoint'),
        "client.pages",
        1,
      ],
      [
        expect.stringContaining('parameter "before" is not a query parameter'),
        "declared-pages.yaml",
        expect.any(Number),
      ],
      [
        expect.stringContaining('field "next" is not a property'),
        "declared-pages.yaml",
        expect.any(Number),
      ],
    ]);
    const index = files.find((f) => f.path === "client/index.ts")!;
    expect(index.contents).not.toContain("listThingsPages");
  });

  test("a declaration of the wrong shape is a config error", async () => {
    await expect(run({ "GET /things": { kind: "cursor" } })).rejects.toThrow(
      /needs "parameter"/,
    );
    await expect(run({ "GET /things": { kind: "token" } })).rejects.toThrow(
      /kind must be one of/,
    );
    await expect(
      run({ "GET /things": { kind: "link", field: "x" } }),
    ).rejects.toThrow(/"field" is not a key of the link shape/);
  });
});
