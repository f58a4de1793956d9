import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import { outDir, writeFiles } from "./generated.js";
import { listen, type RunningServer } from "./http.js";
import { apiloom, outDir as cliOutDir } from "../cli/run.js";

// Swagger's basePath is the path of the server URL the client defaults to; the server serves at
// its root unless `baseUrl` (or the listener's `basePath`) asks for a path
const SPEC = JSON.stringify({
  swagger: "2.0",
  info: { title: "Pets", version: "1" },
  host: "petstore.swagger.io",
  basePath: "/v2",
  schemes: ["https"],
  paths: {
    "/pet/{petId}": {
      get: {
        operationId: "getPetById",
        produces: ["application/json"],
        parameters: [
          { name: "petId", in: "path", required: true, type: "integer" },
        ],
        responses: { 200: { description: "OK" } },
      },
    },
  },
});

type Listener = Parameters<typeof listen>[0];
interface ServerModule {
  BASE_PATH: string;
  createRequestListener(handlers: object, options?: object): Listener;
}
interface ClientModule {
  DEFAULT_BASE_URL: string;
  createClient(config: object): {
    getPetById(args: object): Promise<{ status: number; data?: unknown }>;
  };
}

describe("the generated server serves at the root unless a base path is asked for (issue 46)", () => {
  let server: ServerModule;
  let client: ClientModule;
  let running: RunningServer;
  let dir: string;
  const handlers = {
    getPetById: ({ path }: { path: { petId: number } }) => ({
      status: 200,
      body: { id: path.petId },
    }),
  };

  beforeAll(async () => {
    dir = outDir("base-path");
    const { files } = await generate([{ file: "pets.json", text: SPEC }], {
      artifacts: ["client", "server"],
      server: { adapters: ["fastify"] },
    });
    writeFiles(dir, files);
    server = await import(pathToFileURL(join(dir, "server/index.ts")).href);
    client = await import(pathToFileURL(join(dir, "client/index.ts")).href);
    running = await listen(server.createRequestListener(handlers));
  });
  afterAll(() => running?.close());

  it("defaults to the root, whatever path the client's default base URL has", () => {
    expect(client.DEFAULT_BASE_URL).toBe("https://petstore.swagger.io/v2");
    expect(server.BASE_PATH).toBe("");
  });

  it("answers a client pointed at the server's origin, as Express and Fastify users expect", async () => {
    const api = client.createClient({ baseUrl: running.baseUrl });
    const result = await api.getPetById({ path: { petId: 7 } });
    expect(result).toMatchObject({ status: 200, data: { id: 7 } });
    expect((await fetch(`${running.baseUrl}/v2/pet/7`)).status).toBe(404);
  });

  it("serves under basePath when one is given, and its 404 names it and the option", async () => {
    const based = await listen(
      server.createRequestListener(handlers, { basePath: "/v2" }),
    );
    try {
      const api = client.createClient({ baseUrl: `${based.baseUrl}/v2` });
      expect(await api.getPetById({ path: { petId: 8 } })).toMatchObject({
        status: 200,
        data: { id: 8 },
      });
      for (const path of ["/pet/8", "/v2x/pet/8"]) {
        const outside = await fetch(`${based.baseUrl}${path}`);
        expect(outside.status).toBe(404);
        const { error } = (await outside.json()) as { error: string };
        expect(error).toBe(
          `no route for ${path}: it is outside the base path /v2 (the basePath option; "" serves at the root)`,
        );
      }
    } finally {
      await based.close();
    }
  });

  it("registers the Fastify routes at the root of the plugin's prefix", async () => {
    const { apiRoutes } = await import(
      pathToFileURL(join(dir, "server/fastify.ts")).href
    );
    const app = Fastify();
    await app.register(apiRoutes, { handlers, prefix: "/api" });
    const url = await app.listen({ host: "127.0.0.1", port: 0 });
    try {
      expect(await (await fetch(`${url}/api/pet/9`)).json()).toEqual({
        id: 9,
      });
      expect((await fetch(`${url}/api/v2/pet/9`)).status).toBe(404);
    } finally {
      await app.close();
    }
  });
});

describe("the server's BASE_PATH follows baseUrl when one is given (issue 27)", () => {
  it("takes the path of the config's baseUrl, as the client takes the URL", async () => {
    const { files } = await generate([{ file: "pets.json", text: SPEC }], {
      artifacts: ["client", "server"],
      baseUrl: "https://gateway.example.com/pets/v3/",
    });
    const settings = files.find((f) => f.path === "server/settings.ts")!;
    expect(settings.contents).toContain('BASE_PATH: string = "/pets/v3";');
    const client = files.find((f) => f.path === "client/index.ts")!;
    expect(client.contents).toContain("https://gateway.example.com/pets/v3");
  });

  it("--base-url sets it for a server-only run, without calling the flag ignored", () => {
    const dir = cliOutDir("server-base-url");
    writeFileSync(join(dir, "pets.json"), SPEC);
    const run = apiloom(
      [
        "generate",
        "pets.json",
        "--no-config",
        "--out",
        "out",
        "--artifacts",
        "server",
        "--base-url",
        "/api",
      ],
      dir,
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr + run.stdout).not.toMatch(/ignored/);
    expect(readFileSync(join(dir, "out/server/settings.ts"), "utf8")).toContain(
      'BASE_PATH: string = "/api";',
    );
  });
});
