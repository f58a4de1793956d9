import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO } from "../cli/run.js";
import { typeCheckCell } from "../compat/matrix.js";
import {
  ajv,
  apiServer,
  bundleStdio,
  generate,
  OUT,
  overStdio,
  requestProblems,
  sampleFor,
  type ApiServer,
  type Connected,
} from "./harness.js";

/*
 * The dynamic mode on GitHub-sized APIs: past 40 endpoints a server offers three tools
 * (list_endpoints, describe_endpoint, call_endpoint). A synthetic description of 1,200
 * operations (bench/synthetic.mjs) over Streamable HTTP, and GitHub's own REST description
 * (1,200+ operations, 13 MB) over stdio when the benchmark's cache holds it: every endpoint is
 * listed, described and called, and each call sends its request to a server on 127.0.0.1.
 * GitHub's description is the benchmark's (@octokit/openapi 23.0.2) where its cache holds it,
 * else the one scripts/diff-oracle.mjs fetched (23.0.1, which `.ci/run` fetches).
 */
const GITHUB = [
  join(
    process.env["APILOOM_BENCH_CACHE"] ??
      join(
        process.env["XDG_CACHE_HOME"] ?? join(homedir(), ".cache"),
        "apiloom-bench",
      ),
    "node_modules/@octokit/openapi/generated/api.github.com.json",
  ),
  join(
    REPO,
    "node_modules/.cache/apiloom-diff/23.0.1/package/generated/api.github.com.json",
  ),
].find((file) => existsSync(file));
const TOKEN = "ghp_SECRET0123456789abcdef";

let api: ApiServer;
const servers: Record<string, Connected> = {};
const outs: Record<string, string> = {};

beforeAll(async () => {
  api = await apiServer();
  const synthetic = join(OUT, "dynamic/synthetic.json");
  mkdirSync(join(OUT, "dynamic"), { recursive: true });
  // the bench's generator, loaded by URL (bench/ is plain JavaScript the tests do not type)
  const { syntheticSpec } = (await import(
    pathToFileURL(join(REPO, "bench/synthetic.mjs")).href
  )) as { syntheticSpec: (operations: number) => object };
  writeFileSync(synthetic, JSON.stringify(syntheticSpec(1200)));
  outs["synthetic"] = generate("dynamic/synthetic-out", [synthetic]);
  servers["synthetic"] = await overStdio(await bundleStdio(outs["synthetic"]), {
    API_BASE_URL: api.baseUrl,
    API_TOKEN: TOKEN,
  });
  if (GITHUB) {
    outs["github"] = generate("github", [GITHUB]);
    servers["github"] = await overStdio(await bundleStdio(outs["github"]), {
      API_BASE_URL: api.baseUrl,
      API_TOKEN: TOKEN,
    });
  }
}, 300_000);

afterAll(async () => {
  for (const s of Object.values(servers)) await s.close();
  await api?.close();
});

type Structured = Record<string, unknown>;

async function structured(
  server: Connected,
  name: string,
  args: Record<string, unknown>,
): Promise<Structured> {
  const result = await server.client.callTool({ name, arguments: args });
  expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
  return result.structuredContent as Structured;
}

/** Every endpoint's name, page by page of list_endpoints. */
async function listAll(server: Connected): Promise<string[]> {
  const names: string[] = [];
  for (let offset = 0; ; offset += 200) {
    const page = await structured(server, "list_endpoints", {
      offset,
      limit: 200,
    });
    const endpoints = page["endpoints"] as { name: string }[];
    names.push(...endpoints.map((e) => e.name));
    if (endpoints.length < 200) return names;
  }
}

/**
 * Describes and calls every endpoint of `names`; checks each request. The endpoints whose input
 * json-schema-faker could not sample (none of its samples valid to ajv) are not called: their
 * names are returned.
 */
async function callEach(name: string, names: string[]): Promise<string[]> {
  const server = servers[name]!;
  const unsampled: string[] = [];
  for (const endpoint of names) {
    const described = await structured(server, "describe_endpoint", {
      name: endpoint,
    });
    const input = described["inputSchema"] as object;
    expect(ajv.validateSchema(input), endpoint).toBe(true);
    const args = (sampleFor(input, 4) ?? sampleFor(input, 16, true)) as
      Record<string, never> | undefined;
    if (args === undefined) {
      unsampled.push(endpoint);
      continue;
    }
    api.answer = { status: 200, body: { ok: true } };
    const before = api.received.length;
    const result = await server.client.callTool({
      name: "call_endpoint",
      arguments: { name: endpoint, arguments: args },
    });
    // a 200 the description does not declare, or a body it does not allow, is a tool error
    // saying so after the answer's JSON; the request went out either way
    const text = (result.content as { text: string }[])[0]!.text;
    expect(text, endpoint).toMatch(/^\{"status":200\b/);
    expect(api.received.length, endpoint).toBe(before + 1);
    const received = api.received.at(-1)!;
    expect(received.method, endpoint).toBe(described["method"]);
    expect(
      requestProblems(described["path"] as string, args, received.url),
      endpoint,
    ).toEqual([]);
  }
  return unsampled;
}

/** The generated client's endpoint functions. */
async function clientFunctions(out: string): Promise<string[]> {
  const { createClient } = (await import(join(out, "client/index.ts"))) as {
    createClient: () => Record<string, unknown>;
  };
  return Object.keys(createClient()).sort();
}

describe("mcp/: the dynamic mode, on GitHub-sized APIs", () => {
  it("a synthetic API of 1,200 operations over stdio: three tools, every endpoint listed, described and called", async () => {
    const server = servers["synthetic"]!;
    const { tools } = await server.client.listTools();
    expect(tools.map((t) => t.name)).toEqual([
      "list_endpoints",
      "describe_endpoint",
      "call_endpoint",
    ]);
    const names = await listAll(server);
    expect([...names].sort()).toEqual(
      await clientFunctions(outs["synthetic"]!),
    );
    expect(names).toHaveLength(1200);
    expect(await callEach("synthetic", names)).toEqual([]);
  }, 300_000);

  it("compiles the 1,200 tools under the strictest tsconfig", async () => {
    // a list of 1,200 object literals was a union TypeScript cannot represent (TS2590)
    const result = await typeCheckCell(
      join(OUT, "dynamic"),
      "strictest",
      "TypeScript 7",
    );
    expect(result.output).toBe("");
  }, 300_000);

  it("searches by words and tags, and pages", async () => {
    const server = servers["synthetic"]!;
    const found = await structured(server, "list_endpoints", {
      search: "list THING 42",
    });
    // every word in the name, path, title, description or tags: Thing 42, 142, 242…
    const endpoints = found["endpoints"] as { name: string }[];
    expect(endpoints).toContainEqual(
      expect.objectContaining({
        name: "listThing42",
        method: "GET",
        path: "/r42",
      }),
    );
    expect(endpoints.length).toBeLessThan(30);
    for (const e of endpoints) expect(JSON.stringify(e)).toContain("42");
    const tagged = await structured(server, "list_endpoints", {
      tag: "group7",
      limit: 5,
    });
    expect(tagged["total"]).toBe(24);
    expect(tagged["endpoints"]).toHaveLength(5);
    const unknown = await server.client.callTool({
      name: "describe_endpoint",
      arguments: { name: "noSuchEndpoint" },
    });
    expect(unknown.isError).toBe(true);
    const tooMany = await server.client.callTool({
      name: "list_endpoints",
      arguments: { limit: 201 },
    });
    expect(tooMany.isError).toBe(true);
  });

  it.runIf(GITHUB !== undefined)(
    "GitHub's REST description over stdio: every endpoint listed, described and called",
    async () => {
      const server = servers["github"]!;
      expect((await server.client.listTools()).tools).toHaveLength(3);
      const names = await listAll(server);
      expect(names.length).toBeGreaterThan(1000);
      expect([...names].sort()).toEqual(await clientFunctions(outs["github"]!));
      // json-schema-faker samples nearly all of GitHub's inputs; those it cannot are named
      const unsampled = await callEach("github", names);
      expect(unsampled.length, unsampled.join(", ")).toBeLessThan(
        names.length / 100,
      );
      for (const message of server.received)
        expect(message.includes(TOKEN)).toBe(false);
    },
    600_000,
  );

  it.runIf(GITHUB !== undefined)(
    "compiles GitHub's 1,223 tools under the strictest tsconfig",
    async () => {
      // listed as 1,223 object literals they were a union tsc cannot represent (TS2590)
      const result = await typeCheckCell(
        join(OUT, "github"),
        "strictest",
        "TypeScript 7",
      );
      expect(result.output).toBe("");
    },
    300_000,
  );
});
