/*
 * Operation- and path-level `servers` (issue 61), in 1Password Connect's shape: the API at
 * `…/v1`, its heartbeat and health at `…/` (one an operation's server, one a path's), and an
 * endpoint on another origin. The generated client calls each endpoint at its own server, over
 * real HTTP on 127.0.0.1, moved by `baseUrl` where the server is on the API's origin.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import { generateClient, importClient } from "./generate.js";
import { recordingServer } from "./server.js";
import { outDir, writeFiles } from "../server/generated.js";
import { listen } from "../server/http.js";

type Fn = () => Promise<{ ok: boolean; status: number }>;

const spec = (uploads: string) => `openapi: 3.0.2
info: { title: 1Password Connect, version: 1.5.7 }
servers: [{ url: "http://localhost:8080/v1" }]
paths:
  /vaults:
    get: { operationId: GetVaults, responses: { "200": { description: ok } } }
  /heartbeat:
    get:
      operationId: GetHeartbeat
      servers: [{ url: "http://localhost:8080/" }]
      responses: { "200": { description: ok } }
  /health:
    servers: [{ url: "http://localhost:8080" }]
    get: { operationId: GetServerHealth, responses: { "200": { description: ok } } }
  /metrics:
    get:
      operationId: GetPrometheusMetrics
      servers: [{ url: "/" }]
      responses: { "200": { description: ok } }
  /files:
    get:
      operationId: GetFiles
      servers: [{ url: "${uploads}/u" }]
      responses: { "200": { description: ok } }
`;

let dir: string;
let api: Record<string, Fn>;
let client: { createClient: (config: object) => Record<string, Fn> };
let main: Awaited<ReturnType<typeof recordingServer>>;
let other: Awaited<ReturnType<typeof recordingServer>>;
let made: Awaited<ReturnType<typeof generate>>;

beforeAll(async () => {
  main = await recordingServer();
  other = await recordingServer();
  made = await generate([{ file: "connect.yaml", text: spec(other.baseUrl) }], {
    artifacts: ["openapi", "docs"],
  });
  // the client's default base URL is the running API's
  dir = await generateClient(made.model, "endpoint-servers", {
    baseUrl: `${main.baseUrl}/v1`,
  });
  client = await importClient<{
    createClient: (config: object) => Record<string, Fn>;
  }>(dir);
  api = client.createClient({});
});
afterAll(async () => {
  await main?.close();
  await other?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("an endpoint with servers of its own", () => {
  it("is called at its server: on the API's origin relative to baseUrl, on another origin as written", async () => {
    for (const name of [
      "getVaults",
      "getHeartbeat",
      "getServerHealth",
      "getPrometheusMetrics",
      "getFiles",
    ])
      expect((await api[name]!()).ok, name).toBe(true);
    expect(main.received.map((r) => r.url)).toEqual([
      "/v1/vaults",
      "/heartbeat",
      "/health",
      "/metrics",
    ]);
    expect(other.received.map((r) => r.url)).toEqual(["/u/files"]);
  });

  // a client pointed elsewhere (a proxy, a mock, another installation) takes every endpoint
  // with it: no call, and no credential, goes to an origin the user did not choose
  it("follows a base URL moved elsewhere, the endpoint on another origin too", async () => {
    const moved = client.createClient({ baseUrl: `${other.baseUrl}/v1` });
    const before = other.received.length;
    for (const name of ["getVaults", "getHeartbeat", "getFiles"])
      expect((await moved[name]!()).ok, name).toBe(true);
    expect(other.received.slice(before).map((r) => r.url)).toEqual([
      "/v1/vaults",
      "/heartbeat",
      "/v1/files",
    ]);
  });

  it("keeps them in the merged OpenAPI document, where they were", () => {
    const document = JSON.parse(
      made.files.find((f) => f.path === "openapi.json")!.contents,
    ) as {
      servers: { url: string }[];
      paths: Record<string, Record<string, { servers?: { url: string }[] }>>;
    };
    expect(document.servers).toEqual([{ url: "http://localhost:8080/v1" }]);
    expect(document.paths["/heartbeat"]!.get!.servers).toEqual([
      { url: "http://localhost:8080/" },
    ]);
    expect(document.paths["/health"]!.get!.servers).toEqual([
      { url: "http://localhost:8080" },
    ]);
    expect(document.paths["/vaults"]!.get!.servers).toBeUndefined();
  });

  it("shows them in the docs, beside the endpoint", () => {
    const page = made.files
      .filter((f) => f.path.startsWith("docs/") && f.path.endsWith(".md"))
      .map((f) => f.contents)
      .join("\n");
    expect(page).toContain("http://localhost:8080/");
    expect(page).toContain(`${other.baseUrl}/u`);
  });

  it("is no longer an ignored server", () => {
    expect(made.diagnostics.map((d) => d.code)).not.toContain(
      "openapi3/servers-ignored",
    );
  });
});

describe("the generated server, beside the generated client", () => {
  // the API at the root of its origin (the server's default), one endpoint at /v2 of it
  const text = `openapi: 3.0.2
info: { title: Things, version: "1" }
servers: [{ url: "https://api.things.io" }]
paths:
  /things:
    get: { operationId: listThings, responses: { "200": { description: ok } } }
  /stats:
    get:
      operationId: getStats
      servers: [{ url: "https://api.things.io/v2" }]
      responses: { "200": { description: ok } }
  /uploads:
    get:
      operationId: getUploads
      servers: [{ url: "https://files.things.io/u" }]
      responses: { "200": { description: ok } }
`;
  const handlers = {
    listThings: () => ({ status: 200, body: "things" }),
    getStats: () => ({ status: 200, body: "stats" }),
    getUploads: () => ({ status: 200, body: "uploads" }),
  };

  it("mounts an endpoint at its own server's path, where the client calls it", async () => {
    const dir = outDir("endpoint-servers");
    const { files } = await generate([{ file: "things.yaml", text }], {
      artifacts: ["client", "server"],
    });
    writeFiles(dir, files);
    const server = (await import(
      pathToFileURL(join(dir, "server/index.ts")).href
    )) as {
      createRequestListener(h: object): Parameters<typeof listen>[0];
    };
    const client = await importClient<{
      createClient: (config: object) => Record<string, Fn>;
    }>(dir);
    const running = await listen(server.createRequestListener(handlers));
    try {
      const api = client.createClient({ baseUrl: running.baseUrl });
      expect(await api.listThings!()).toMatchObject({ status: 200 });
      expect(await api.getStats!()).toMatchObject({ status: 200 });
      expect((await fetch(`${running.baseUrl}/v2/stats`)).status).toBe(200);
      expect((await fetch(`${running.baseUrl}/stats`)).status).toBe(404);
      // one on another origin is another deployment: a client given this server's URL calls it
      // at its path there (ReadMe's server-variables.json: `/operation` on httpbin.com was
      // served at /anything/demo/operation, a 404 for every call of the generated client)
      expect(await api.getUploads!()).toMatchObject({ status: 200 });
    } finally {
      await running.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("says where a base path keeps it from serving an endpoint at its own server", async () => {
    const { diagnostics } = await generate([{ file: "things.yaml", text }], {
      artifacts: ["server"],
      baseUrl: "/api",
    });
    const found = diagnostics.filter(
      (d) => d.code === "server/endpoint-server-under-base-path",
    );
    expect(found.map((d) => [d.file, d.line])).toEqual([["things.yaml", 10]]);
    expect(found[0]!.message).toContain("/api/v2/stats");
  });
});
