import { spawn, type ChildProcess } from "node:child_process";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadModel } from "../../src/pipeline.js";
import {
  ADAPTERS,
  emitEveryAdapter,
  startAdapter,
  type StartedServer,
} from "./adapter-servers.js";
import {
  REQUEST_TABLE,
  TABLE_BASE,
  TABLE_BODY_LIMIT,
  TABLE_SPEC,
  runTable,
  tableHandlers,
} from "./request-table.js";

/*
 * Issue 27: every adapter answers the one request table (test/server/request-table.ts) as the
 * node:http listener does, over real HTTP on 127.0.0.1; Hono also under Deno and Bun.
 */
const REPO = resolve(import.meta.dirname, "../..");
const BIN = join(REPO, "node_modules/.bin");
let dir: string;
const servers: StartedServer[] = [];
const children: ChildProcess[] = [];

/** What each case should see: no mismatch at all. */
const perfect = Object.fromEntries(REQUEST_TABLE.map((c) => [c.name, []]));

beforeAll(async () => {
  const model = loadModel([TABLE_SPEC], { cwd: REPO });
  dir = await emitEveryAdapter("adapters", model, { baseUrl: TABLE_BASE });
}, 60_000);

afterAll(async () => {
  for (const child of children) child.kill();
  await Promise.all(servers.map((s) => s.close()));
});

const options = { bodyLimit: TABLE_BODY_LIMIT, onError: () => {} };

describe("one request table, every adapter, over HTTP on 127.0.0.1", () => {
  it.each([...ADAPTERS, "hono middleware" as const])(
    "%s on Node",
    async (adapter) => {
      const server = await startAdapter(dir, adapter, tableHandlers, options);
      servers.push(server);
      expect(await runTable(server.url)).toEqual(perfect);
      // a JSON body's `__proto__` member stayed data
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      // Express and Hono pass a path the API has no route for on to the app's own routes
      if (adapter !== "node" && adapter !== "fastify")
        expect(await (await fetch(`${server.url}/own`)).json()).toEqual({
          own: true,
        });
    },
  );

  const RUNTIMES: Record<string, string[]> = {
    deno: [
      join(BIN, "deno"),
      "run",
      "--no-lock",
      "--sloppy-imports",
      "--allow-net=127.0.0.1",
      "--allow-read",
      "--allow-env",
    ],
    bun: [join(BIN, "bun")],
  };

  it.each(Object.keys(RUNTIMES))(
    "Hono on %s",
    async (runtime) => {
      const [command, ...args] = RUNTIMES[runtime]!;
      const child = spawn(
        command!,
        [...args, join(REPO, "test/server/hono-serve.ts"), dir],
        {
          cwd: REPO,
          env: {
            ...process.env,
            DENO_DIR: join(dir, ".deno"),
            DENO_NO_UPDATE_CHECK: "1",
            NO_COLOR: "1",
          },
        },
      );
      children.push(child);
      const url = await new Promise<string>((done, fail) => {
        let out = "";
        let err = "";
        child.stderr!.on("data", (chunk: Buffer) => (err += chunk));
        child.stdout!.on("data", (chunk: Buffer) => {
          out += chunk;
          const line = /^(http:\/\/127\.0\.0\.1:\d+)\n/.exec(out);
          if (line) done(line[1]!);
        });
        child.on("exit", (code) =>
          fail(new Error(`${runtime} exited (${code}): ${err}`)),
        );
      });
      expect(await runTable(url)).toEqual(perfect);
    },
    90_000,
  );
});
