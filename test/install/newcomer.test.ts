import { execFile, spawnSync } from "node:child_process";
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, it } from "vitest";
import { REPO } from "../cli/run.js";
import { installByReadme, sh } from "./readme-route.js";
import { describeSeeds, SEEDS_DIR, SEEDS_FILES } from "../shared-corpus.js";

/*
 * Issue 46's newcomer, start to finish: a fresh project installs the packed tarball by the
 * README's route, runs `init` on the Stride seeds as shipped (.txt), generates, starts the
 * generated server with its default options, calls it with the generated client at
 * http://127.0.0.1:PORT and gets 200s; then moves to `apis` and is told the old folder is left.
 */
const SEEDS = SEEDS_DIR;
const TSC = join(REPO, "node_modules/typescript/bin/tsc");

// the newcomer's program: the generated server with default options (no basePath), two
// handlers, and the generated client pointed at the server's origin
const MAIN = `import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createClient } from "./api/client/index.js";
import { createRequestListener } from "./api/server/index.js";

const server = createServer(
  createRequestListener({
    getAllHandler: async () => ({ status: 200, body: [{ id: "site-1" }] }),
    conversationGetAllHandler: async ({ path }) => ({
      status: 200,
      body: { values: [{ id: \`conv-of-\${path.cloudId}\` }] },
    }),
  }),
);
await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
const { port } = server.address() as AddressInfo;
const stride = createClient({ baseUrl: \`http://127.0.0.1:\${port}\` });
const sites = await stride.getAllHandler();
const conversations = await stride.conversationGetAllHandler({
  path: { cloudId: "site-1" },
  query: { limit: "10" },
});
console.log(
  JSON.stringify({
    sites: { status: sites.status, data: sites.ok ? sites.data : sites.error },
    conversations: {
      status: conversations.status,
      data: conversations.ok ? conversations.data : conversations.error,
    },
  }),
);
server.close();
`;

let dir: string;
let project: string;
const seeds = [...SEEDS_FILES];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "apiloom-newcomer-"));
  project = join(dir, "my-project");
  mkdirSync(join(project, "specs"), { recursive: true });
  mkdirSync(join(project, "src"));
  writeFileSync(
    join(project, "package.json"),
    '{\n  "name": "my-project",\n  "private": true,\n  "type": "module"\n}\n',
  );
  for (const seed of seeds)
    cpSync(join(SEEDS, seed), join(project, "specs", seed));
  writeFileSync(join(project, "src/main.ts"), MAIN);
  // not tsconfig.json: init then writes a JSON config, which the test rewrites for `apis`
  writeFileSync(
    join(project, "tsconfig.app.json"),
    JSON.stringify({
      compilerOptions: {
        target: "es2022",
        module: "nodenext",
        moduleResolution: "nodenext",
        strict: true,
        lib: ["es2022", "dom"],
        typeRoots: [join(REPO, "node_modules/@types")],
        types: ["node"],
        outDir: "build",
        rootDir: "src",
        skipLibCheck: true,
      },
      include: ["src"],
    }),
  );
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeSeeds("a newcomer's first hour (issue 46)", () => {
  it("installs by the README, inits on .txt seeds, generates, and a local client and server agree", async () => {
    expect(seeds.length).toBe(5);
    installByReadme(dir);

    const init = sh("npx", ["--no", "apiloom", "init"], project);
    expect(init.code, init.out).toBe(0);
    expect(init.stdout).toMatch(/^apiloom: found 5 API descriptions: specs\//m);
    const config = JSON.parse(
      readFileSync(join(project, "apiloom.config.json"), "utf8"),
    ) as { inputs: string[]; out: string };
    expect(config).toEqual({
      inputs: seeds.map((s) => `specs/${s}`),
      out: "src/api",
    });

    const generate = sh("npm", ["run", "--silent", "generate:api"], project);
    expect(generate.code, generate.out).toBe(0);
    expect(generate.out).toMatch(/49 endpoints → src\/api\//);
    // a first run lists its warnings, one line per code, and says how to see them in full
    expect(generate.out).toMatch(/: warning \S+ ×\d+, the first: /);
    expect(generate.out).toMatch(
      /warnings \((\d+) new, above\): apiloom inspect, or --verbose/,
    );
    expect(generate.out.trimEnd().split("\n").length).toBeLessThanOrEqual(15);

    const tsc = spawnSync(process.execPath, [TSC, "-p", "tsconfig.app.json"], {
      cwd: project,
      encoding: "utf8",
    });
    expect(tsc.status, tsc.stdout + tsc.stderr).toBe(0);
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [join(project, "build/main.js")],
      { cwd: project, timeout: 30_000 },
    );
    expect(JSON.parse(stdout)).toEqual({
      sites: { status: 200, data: [{ id: "site-1" }] },
      conversations: {
        status: 200,
        data: { values: [{ id: "conv-of-site-1" }] },
      },
    });
  }, 300_000);

  it("sees a change: --check leads with its verdict, an overlay is read, diff names what broke", () => {
    const apiloom = (...args: string[]) =>
      sh("npx", ["--no", "apiloom", ...args], project);
    // up to date: the run after the first has nothing to do, and --check agrees
    const same = apiloom("generate");
    expect(same.code, same.out).toBe(0);
    expect(same.out).toMatch(/^apiloom: nothing changed since the last run/);
    expect(apiloom("generate", "--check").code).toBe(0);

    // an overlay renames the API: --check says stale first, in the user's terms, then a short
    // diff of generated code; the docs' diffs wait for --verbose
    writeFileSync(
      join(project, "rename.yaml"),
      'overlay: 1.0.0\ninfo: { title: rename, version: "1" }\nactions:\n  - target: $.info\n    update: { title: Stride renamed }\n',
    );
    const stale = apiloom("generate", "--check", "--overlay", "rename.yaml");
    expect(stale.code, stale.out).toBe(1);
    const verdict = stale.out.slice(stale.stdout.length).split("\n");
    expect(verdict[0]).toMatch(/^apiloom: src\/api\/ is stale: /);
    expect(verdict).toContain("    M client/index.ts");
    expect(verdict.some((l) => l.startsWith("next: apiloom generate"))).toBe(
      true,
    );
    expect(stale.stdout).not.toContain("docs/index.html");
    expect(stale.out.trimEnd().split("\n").length).toBeLessThanOrEqual(60);
    const applied = apiloom("generate", "--overlay", "rename.yaml");
    expect(applied.code, applied.out).toBe(0);
    expect(
      readFileSync(join(project, "src/api/openapi.json"), "utf8"),
    ).toContain('"title": "Stride renamed"');

    // a change that removes an endpoint: diff names it breaking, at its place, with the code
    // that uses it
    const before = JSON.parse(
      readFileSync(join(project, "src/api/openapi.json"), "utf8"),
    ) as { paths: Record<string, unknown> };
    const removed = Object.keys(before.paths)[0]!;
    delete before.paths[removed];
    writeFileSync(join(project, "next.json"), JSON.stringify(before, null, 2));
    const diff = apiloom("diff", "src/api/openapi.json", "--to", "next.json");
    expect(diff.code, diff.out).toBe(0);
    expect(diff.out).toMatch(
      /^src\/api\/openapi\.json:\d+:\d+: breaking operation-removed /m,
    );
    expect(diff.out).toContain(removed);
    expect(diff.out).toMatch(/in your code: client \w+\(\)/);
  }, 120_000);

  it("moves to apis and is told which old folder and lock are left, and how to remove them", () => {
    writeFileSync(
      join(project, "apiloom.config.json"),
      JSON.stringify({
        apis: [
          {
            name: "stride",
            inputs: seeds.map((s) => `specs/${s}`),
            out: "src/api/stride",
          },
          // a second API beside it
          {
            name: "messages",
            inputs: [`specs/${seeds[0]}`],
            out: "src/messages",
          },
        ],
      }),
    );
    const moved = sh("npm", ["run", "--silent", "generate:api"], project);
    expect(moved.code, moved.out).toBe(0);
    expect(moved.out).toMatch(/^apiloom: 2 APIs done/m);
    expect(
      readFileSync(join(project, "src/messages/client/index.ts"), "utf8"),
    ).toContain("export function createClient");
    expect(moved.out).toMatch(
      /^apiloom\.config\.json:1:1: warning output\/left-behind src\/api\/ is no longer an output folder of this config, but apiloom's manifest marks it as its own and its name lock apiloom\.lock\.json: .* Remove them: rm -r -- src\/api\/client .*src\/api\/\.apiloom-manifest\.json apiloom\.lock\.json$/m,
    );
  }, 120_000);
});
