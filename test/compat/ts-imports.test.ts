import { execFile, spawn, type ChildProcess } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiloom, REPO } from "../cli/run.js";
import { NODE_BINARIES } from "./node-binaries.js";
import { expectStrideSession } from "./stride-session.js";

const run = promisify(execFile);

/*
 * `importExtension: ".ts"` (`--import-extension .ts`): the generated files import each other as
 * `./x.ts`, so Node's type stripping (22.18+, 24) and Deno run them unbuilt, and tsc compiles them
 * with `rewriteRelativeImportExtensions`. The Stride client and server, with the example's
 * handlers and the compat session (their imports written `.ts` as such a project writes them),
 * run on Node 22 and 24 and Deno with no build step and no `--sloppy-imports`.
 */
const ROOT = join(REPO, "test/compat/out/ts-imports");
const BIN = join(REPO, "node_modules/.bin");
const CALLS = "test/compat/stride-calls.ts";
const SERVE = "test/compat/stride-serve.ts";
const EVERY = "types,client,server,validators,paths,query,mocks,mcp";
const ENV = { ...process.env, DENO_DIR: join(ROOT, ".deno"), NO_COLOR: "1" };

/** Every file below `dir`, relative to it. */
function filesIn(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory()
      ? filesIn(path, base)
      : [path.slice(base.length + 1)];
  });
}

/** A project file's relative `.js` imports written `.ts`, as a project run unbuilt writes them. */
const tsImports = (text: string) =>
  text.replace(/(from "\.\.?\/[^"]*)\.js"/g, '$1.ts"');

beforeAll(() => {
  rmSync(ROOT, { recursive: true, force: true });
  mkdirSync(join(ROOT, "test/compat"), { recursive: true });
  cpSync(join(REPO, "specs"), join(ROOT, "specs"), { recursive: true });
  writeFileSync(join(ROOT, "package.json"), '{ "type": "module" }\n');
  const made = apiloom(
    [
      "generate",
      "--no-config",
      "-q",
      "specs/*",
      "-a",
      EVERY,
      "--import-extension",
      ".ts",
      "--server-handlers",
      "src/handlers.ts",
      "-o",
      "generated",
    ],
    ROOT,
  );
  expect(made.code, made.stderr).toBe(0);
  cpSync(
    join(REPO, "examples/stride-server"),
    join(ROOT, "examples/stride-server"),
    { recursive: true, filter: (p) => !p.endsWith(".json") },
  );
  for (const file of filesIn(join(ROOT, "examples")))
    if (file.endsWith(".ts")) {
      const path = join(ROOT, "examples", file);
      writeFileSync(path, tsImports(readFileSync(path, "utf8")));
    }
  for (const file of [CALLS, SERVE])
    writeFileSync(
      join(ROOT, file),
      tsImports(readFileSync(join(REPO, file), "utf8")),
    );
});
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

describe("generated files that import each other as .ts", () => {
  it("name files the output holds (.d.ts files are tsc's: it maps .js to .ts)", () => {
    const out = join(ROOT, "generated");
    const named: string[] = [];
    for (const file of filesIn(out).filter(
      (f) => /\.m?[jt]s$/.test(f) && !f.endsWith(".d.ts"),
    ))
      for (const [, specifier] of readFileSync(
        join(out, file),
        "utf8",
      ).matchAll(/(?:from |import\(|import )"(\.\.?\/[^"]+)"/g)) {
        named.push(specifier!.endsWith(".ts") ? ".ts" : specifier!);
        expect(
          existsSync(resolve(out, dirname(file), specifier!)),
          `${file}: ${specifier}`,
        ).toBe(true);
      }
    expect(named.filter((ext) => ext === ".ts").length).toBeGreaterThan(100);
    expect(named.filter((ext) => ext !== ".ts")).toEqual([]);
    // the handlers file the run wrote imports the server the same way
    expect(readFileSync(join(ROOT, "src/handlers.ts"), "utf8")).toContain(
      'from "../generated/server/index.ts";',
    );
  });

  it("compile under nodenext with rewriteRelativeImportExtensions, emitting .js imports", async () => {
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
          rewriteRelativeImportExtensions: true,
          outDir: "dist",
          rootDir: ".",
        },
        files: [CALLS, SERVE, "src/handlers.ts"],
      }),
    );
    await run(join(BIN, "tsc"), ["-p", ROOT]);
    expect(
      readFileSync(join(ROOT, "dist/generated/client/index.js"), "utf8"),
    ).toMatch(/from "\.\/runtime\.js"/);
  }, 120_000);

  describe("run unbuilt", () => {
    let child: ChildProcess | undefined;
    let url = "";
    beforeAll(async () => {
      child = spawn(NODE_BINARIES.node24, [SERVE], { cwd: ROOT, env: ENV });
      let err = "";
      child.stderr!.on("data", (chunk: Buffer) => (err += chunk.toString()));
      url = await new Promise<string>((done, fail) => {
        child!.stdout!.once("data", (chunk: Buffer) =>
          done(chunk.toString().trim()),
        );
        child!.once("exit", (code) => fail(new Error(`exit ${code}: ${err}`)));
      });
    }, 60_000);
    afterAll(() => child?.kill());

    it.each([
      ["node22", [NODE_BINARIES.node22, CALLS]],
      ["node24", [NODE_BINARIES.node24, CALLS]],
      [
        "deno",
        [
          join(BIN, "deno"),
          "run",
          "--no-config",
          "--no-lock",
          "--allow-net=127.0.0.1",
          CALLS,
        ],
      ],
    ])(
      "%s: the client calls the server Node 24 runs from its .ts files",
      async (_, [command, ...args]) => {
        const { stdout } = await run(command!, [...args, url, "t"], {
          cwd: ROOT,
          env: ENV,
          timeout: 60_000,
        });
        expectStrideSession(JSON.parse(stdout));
      },
      90_000,
    );
  });
});
