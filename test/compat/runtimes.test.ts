import { execFile } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";

const run = promisify(execFile);

/*
 * The generated Stride client runs, not only compiles, on Node, Deno and Bun (issue 9): each
 * runtime runs test/compat/stride-calls.ts against the example Stride server (the example's own
 * handlers over the generated node:http listener) on 127.0.0.1, and the server sees its calls.
 */
const REPO = resolve(import.meta.dirname, "../..");
const EXAMPLE = join(REPO, "examples/stride-server");
const BIN = join(REPO, "node_modules/.bin");
// inside the repository (git-ignored), laid out like it: generated/, examples/, test/compat/
const ROOT = join(REPO, "test/compat/out/runtimes");
const SCRIPT = "test/compat/stride-calls.ts";

/** How each runtime runs the script: Node 20 runs no TypeScript, so tsc compiles it first. */
const RUNTIMES: Record<string, (url: string, token: string) => string[]> = {
  node: (url, token) => [
    process.execPath,
    join(ROOT, "dist", SCRIPT.replace(/\.ts$/, ".js")),
    url,
    token,
  ],
  deno: (url, token) => [
    join(BIN, "deno"),
    "run",
    "--no-config",
    "--no-lock",
    // the generated files import each other as `./x.js`, as tsc wants; Deno maps them to .ts
    "--sloppy-imports",
    `--allow-net=${new URL(url).host}`,
    join(ROOT, SCRIPT),
    url,
    token,
  ],
  bun: (url, token) => [join(BIN, "bun"), join(ROOT, SCRIPT), url, token],
};

describe("the generated Stride client on Node, Deno and Bun", () => {
  let server: Server;
  let url: string;
  /** The Authorization header of every request the server received. */
  const seen: (string | undefined)[] = [];

  beforeAll(async () => {
    rmSync(ROOT, { recursive: true, force: true });
    const specs = readdirSync(join(REPO, "specs"))
      .sort()
      .map((file) => `specs/${file}`);
    const { files } = await generate(specs, {
      cwd: REPO,
      artifacts: ["client", "server"],
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
    cpSync(join(REPO, SCRIPT), join(ROOT, SCRIPT));
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
        files: [SCRIPT],
      }),
    );
    await run(join(BIN, "tsc"), ["-p", ROOT]);

    const main = await import(
      pathToFileURL(join(ROOT, "examples/stride-server/main.ts")).href
    );
    ({ server, url } = await main.startStrideServer());
    server.on("request", (request) => seen.push(request.headers.authorization));
  });
  afterAll(async () => {
    if (server) {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    }
    rmSync(ROOT, { recursive: true, force: true });
  });

  it.each(Object.keys(RUNTIMES))(
    "%s: every call reaches the server and comes back typed",
    async (runtime) => {
      const token = `token-for-${runtime}`;
      const [command, ...args] = RUNTIMES[runtime]!(url, token);
      const { stdout } = await run(command!, args, {
        cwd: ROOT,
        env: {
          ...process.env,
          DENO_DIR: join(ROOT, ".deno"),
          DENO_NO_UPDATE_CHECK: "1",
          NO_COLOR: "1",
        },
        timeout: 60_000,
      });
      const calls = JSON.parse(stdout);

      expect(calls.sites).toEqual({
        ok: true,
        status: 200,
        body: { values: [{ id: "site-1", name: "Example Site" }] },
      });
      expect(calls.conversations).toMatchObject({
        ok: true,
        body: { size: 1, cursor: "1" },
      });
      expect(calls.created).toMatchObject({
        ok: true,
        body: { type: "group" },
      });
      expect(calls.read).toEqual({ ...calls.created, status: 200 });
      expect(calls.sent).toMatchObject({
        ok: true,
        body: { conversationId: "conv-1" },
      });
      expect(calls.message.body).toEqual(calls.sent.body);
      expect(calls.downloaded).toEqual({
        ok: true,
        status: 200,
        body: "contents of notes.txt",
        disposition: 'attachment; filename="notes.txt"',
      });
      expect(calls.missing).toEqual({
        ok: false,
        status: 404,
        body: { error: "no conversation nope" },
      });
      expect(calls.aborted).toBe("AbortError");
      // nine calls went out (the aborted one never does), each with the runtime's token
      expect(seen.filter((a) => a === `Bearer ${token}`)).toHaveLength(9);
    },
    90_000,
  );
});
