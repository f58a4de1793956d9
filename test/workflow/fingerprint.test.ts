import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { spawnSync } from "node:child_process";
import { basename, dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  REPO,
  buildCli,
  makeProject,
  mtimes,
  removeDir,
  runCli,
  snapshotTree,
  type RunResult,
} from "./harness.js";

// Real apiloom runs (real stages, real emitters) in child processes, in temp project folders:
// the manifest's fingerprint lets a run in which nothing changed skip parsing and emitting, and
// each kind of change must bring the full run back.

let cli: string;
const projects: string[] = [];

beforeAll(async () => {
  cli = await buildCli();
});
afterAll(() => {
  projects.forEach(removeDir);
  removeDir(dirname(cli));
});

const SKIPPED = "nothing changed since the last run";
const FULL = /\d+ endpoints? → out\/: \d+ written, \d+ unchanged, \d+ removed/;

/** A project whose spec reaches a second file through $ref, with a JSON config. */
function project(config: Record<string, unknown> = {}): string {
  const dir = makeProject(
    ["pets.yaml"],
    JSON.stringify({ inputs: ["specs/*.yaml"], out: "out", ...config }),
  );
  projects.push(dir);
  mkdirSync(join(dir, "specs/shared"));
  writeFileSync(
    join(dir, "specs/shared/owner.json"),
    JSON.stringify({
      type: "object",
      properties: { name: { type: "string" } },
    }),
  );
  writeFileSync(
    join(dir, "specs/owners.yaml"),
    `openapi: 3.0.3
info: { title: Owners, version: 1.0.0 }
paths:
  /owners:
    get:
      operationId: listOwners
      tags: [owners]
      responses:
        "200":
          description: the owners
          content:
            application/json:
              schema:
                $ref: "./shared/owner.json"
`,
  );
  return dir;
}

const generate = (dir: string, ...extra: string[]): Promise<RunResult> =>
  runCli(cli, ["generate", ...extra], { cwd: dir, fake: false });

async function expectSkipped(dir: string, ...extra: string[]) {
  const run = await generate(dir, ...extra);
  expect(run.stderr).toContain(SKIPPED);
  expect(run.stderr).toContain("5 endpoints");
  expect(run.code).toBe(0);
}

async function expectFull(dir: string, ...extra: string[]) {
  const run = await generate(dir, ...extra);
  expect(run.stderr).not.toContain(SKIPPED);
  expect(run.stderr).toMatch(FULL);
  expect(run.code).toBe(0);
  return run;
}

/** The modules a CLI run loads (a module hook preloaded with --import logs each one). */
function loadedModules(dir: string, args: string[]): string[] {
  const hooks = join(dir, "log-modules.mjs");
  writeFileSync(
    hooks,
    `export async function load(url, context, next) {
  process.stderr.write("loaded " + url + "\\n");
  return next(url, context);
}
`,
  );
  const register = join(dir, "register.mjs");
  writeFileSync(
    register,
    `import { register } from "node:module";\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`,
  );
  const run = spawnSync(
    process.execPath,
    ["--import", pathToFileURL(register).href, cli, ...args],
    { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } },
  );
  expect(run.status).toBe(0);
  return [...run.stderr.matchAll(/^loaded (.*)$/gm)].map((m) => m[1]!);
}

describe("the manifest's fingerprint (real runs)", () => {
  it("skips parsing and emitting when nothing changed, for generate and --check, and writes nothing", async () => {
    const dir = project();
    writeFileSync(join(dir, "NOTES.md"), "mine\n");
    mkdirSync(join(dir, "out"));
    writeFileSync(join(dir, "out/HAND-MADE.md"), "hand-made\n");
    await expectFull(dir);
    const manifest = JSON.parse(
      readFileSync(join(dir, "out/.apiloom-manifest.json"), "utf8"),
    );
    expect(manifest.fingerprint.inputs).toEqual([
      "../specs/owners.yaml",
      "../specs/pets.yaml",
    ]);
    // the file reached by $ref and the name lock are recorded as read
    expect(Object.keys(manifest.fingerprint.reads)).toEqual([
      "../apiloom.lock.json",
      "../specs/owners.yaml",
      "../specs/pets.yaml",
      "../specs/shared/owner.json",
    ]);
    // no absolute path in the manifest
    expect(JSON.stringify(manifest)).not.toContain(dir);

    // the first run wrote the lock, which it had read as missing: the lock is compared by what
    // the run left there, so the next run already has nothing to do
    const before = snapshotTree(join(dir, "out"));
    const files = Object.keys(before);
    const times = mtimes(join(dir, "out"), files);
    await new Promise((r) => setTimeout(r, 20));
    await expectSkipped(dir);
    await expectSkipped(dir, "--check");
    expect(snapshotTree(join(dir, "out"))).toEqual(before);
    expect(mtimes(join(dir, "out"), files)).toEqual(times);
    expect(readFileSync(join(dir, "out/HAND-MADE.md"), "utf8")).toBe(
      "hand-made\n",
    );

    // the skipped run loads no reader, emitter, parser, prettier or ts-morph (only the small
    // modules settings are checked with: the plugin registry and each plugin's definition and
    // option specs (options.js), which import its emitter only when it runs; templates and the
    // import() they load through, the adapter names; the safe file reader, node built-ins only, whose limit settings hold and
    // frames use; the readers' value helpers, reader.js, and the line index, parse/lines.js, which
    // settings are checked and texts decoded with (type imports only); and the layers' diagnostic
    // codes, codes.js, which the settings' reporter reads)
    const root = pathToFileURL(dirname(cli)).href;
    const modules = loadedModules(dir, ["generate"]);
    expect(modules.some((m) => m.endsWith("/up-to-date.js"))).toBe(true);
    const heavy = modules.filter(
      (m) =>
        /\/node_modules\//.test(m) ||
        (m.startsWith(`${root}/src/ingest/`) &&
          !/\/ingest\/(?:read-source|decode-text|utf8-bytes|reader|parse\/lines|(?:[a-z0-9-]+\/)?codes)\.js$/.test(
            m,
          )) ||
        m.startsWith(`${root}/src/model/merge/build`) ||
        (m.startsWith(`${root}/src/emit/`) &&
          !/\/emit\/(?:artifact|codes|templates|import-module|layout|registry|server\/adapters|shared\/server-url|[a-z]+\/options|[a-z]+\/[a-z-]+-option|[a-z]+\/path|[a-z]+\/plugin)\.js$/.test(
            m,
          )),
    );
    expect(heavy).toEqual([]);

    // --force runs everything and finds nothing to write
    const forced = await expectFull(dir, "--force");
    expect(forced.stderr).toMatch(/→ out\/: 0 written/);
  });

  it("a changed input byte, a changed file reached by $ref, and a new input file each force a full run", async () => {
    const dir = project();
    await expectFull(dir);
    await expectSkipped(dir);

    const pets = join(dir, "specs/pets.yaml");
    writeFileSync(pets, readFileSync(pets, "utf8") + "\n");
    await expectFull(dir);
    await expectSkipped(dir);

    const owner = join(dir, "specs/shared/owner.json");
    writeFileSync(
      owner,
      readFileSync(owner, "utf8").replace('"name"', '"nickname"'),
    );
    const check = await generate(dir, "--check");
    expect(check.stderr).not.toContain(SKIPPED);
    expect(check.code).toBe(1);
    await expectFull(dir);
    expect(readFileSync(join(dir, "out/types.ts"), "utf8")).toContain(
      "nickname",
    );
    await expectSkipped(dir);

    copyFileSync(
      join(REPO, "test/fixtures/workflow/animals.yaml"),
      join(dir, "specs/animals.yaml"),
    );
    const grown = await generate(dir);
    expect(grown.stderr).not.toContain(SKIPPED);
    expect(grown.code).toBe(0);
  });

  it("a changed config value or flag forces a full run", async () => {
    const dir = project();
    await expectFull(dir);
    await expectSkipped(dir);
    writeFileSync(
      join(dir, "apiloom.config.json"),
      JSON.stringify({
        inputs: ["specs/*.yaml"],
        out: "out",
        baseUrl: "https://api.example.test",
      }),
    );
    await expectFull(dir);
    expect(readFileSync(join(dir, "out/client/index.ts"), "utf8")).toContain(
      "https://api.example.test",
    );
    await expectSkipped(dir);
    await expectFull(dir, "--artifacts", "client,openapi");
    expect(existsSync(join(dir, "out/docs"))).toBe(false);
  });

  it("a changed template forces a full run", async () => {
    const dir = project({ templates: "tpl" });
    mkdirSync(join(dir, "tpl/client"), { recursive: true });
    const template = join(dir, "tpl/client/endpoint.js");
    copyFileSync(join(REPO, "templates/client/endpoint.js"), template);
    await expectFull(dir);
    await expectSkipped(dir);
    writeFileSync(
      template,
      readFileSync(template, "utf8").replace(
        "return [",
        'return "// from my template\\n" + [',
      ),
    );
    await expectFull(dir);
    expect(readFileSync(join(dir, "out/client/index.ts"), "utf8")).toContain(
      "// from my template",
    );
    await expectSkipped(dir);
  });

  it("an edited or deleted output file forces a full run, which restores it; --check reports it", async () => {
    const dir = project();
    await expectFull(dir);
    const target = join(dir, "out/openapi.json");
    const made = readFileSync(target, "utf8");

    writeFileSync(target, made.replace("listOwners", "listPeople"));
    const check = await generate(dir, "--check");
    expect(check.code).toBe(1);
    expect(check.stderr).toContain("M openapi.json");
    const restored = await expectFull(dir);
    expect(restored.stderr).toMatch(/→ out\/: 1 written/);
    expect(readFileSync(target, "utf8")).toBe(made);
    await expectSkipped(dir);

    const page = join(dir, "out/docs/index.md");
    const text = readFileSync(page, "utf8");
    rmSync(page);
    await expectFull(dir);
    expect(readFileSync(page, "utf8")).toBe(text);
    await expectSkipped(dir);

    // the name lock is read and written by the run: an edit to it counts too
    const lock = join(dir, "apiloom.lock.json");
    writeFileSync(
      lock,
      readFileSync(lock, "utf8").replace("listOwners", "allOwners"),
    );
    await expectFull(dir);
    expect(readFileSync(target, "utf8")).toContain("allOwners");
  });
});

describe("every setting that changes the output is in the fingerprint", () => {
  // Issue 23: the fingerprint once listed by hand which settings it hashed and left these out;
  // a config change to one of them was "nothing changed" and --check passed on stale output.
  it.each([
    [
      "info.title",
      { info: { title: "Renamed API" } },
      "docs/index.md",
      "Renamed API",
    ],
    ["tags", { tags: { owners: "People" } }, "docs/index.md", "People"],
    ["docs.groupBy", { docs: { groupBy: "path" } }, "docs/index.md", ""],
    [
      "server.validateResponses",
      { server: { validateResponses: true } },
      "server/settings.ts",
      "VALIDATE_RESPONSES: boolean = true",
    ],
  ])(
    "changing %s makes --check fail and generate run in full",
    async (_name, change, file, expected) => {
      const dir = project();
      await expectFull(dir);
      await expectSkipped(dir);
      const before = readFileSync(join(dir, "out", file), "utf8");
      writeFileSync(
        join(dir, "apiloom.config.json"),
        JSON.stringify({ inputs: ["specs/*.yaml"], out: "out", ...change }),
      );
      const check = await generate(dir, "--check");
      expect(check.stderr).not.toContain(SKIPPED);
      expect(check.code).toBe(1);
      expect(check.stderr).toContain(`M ${file}`);
      await expectFull(dir);
      const after = readFileSync(join(dir, "out", file), "utf8");
      expect(after).not.toBe(before);
      expect(after).toContain(expected);
      await expectSkipped(dir);
    },
  );
});

describe("the committed manifest", () => {
  // Issue 23: the manifest embedded a hash of the apiloom build that ran (dist/ with a developer's
  // stale files differs from a clean build), so a fresh clone's first run rewrote it. It now
  // names apiloom by version; which code made it is this machine's record (up-to-date.ts).
  it("is byte-identical from another build of the same version, so a fresh clone's first run writes nothing; a changed apiloom is still checked against fresh bytes", async () => {
    const dir = project();
    await expectFull(dir);
    const manifest = readFileSync(join(dir, "out/.apiloom-manifest.json"));
    expect(JSON.parse(manifest.toString()).fingerprint.apiloom).toBe(
      JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")).version,
    );

    // another checkout: the same sources, plus a stale file in its build folder
    const other = await buildCli();
    writeFileSync(join(dirname(other), "src/emit/stale-leftover.js"), "1;\n");
    const clone = join(dirname(dir), `${basename(dir)}-clone`);
    cpSync(dir, clone, { recursive: true });
    projects.push(clone, dirname(other));
    const first = await runCli(other, ["generate"], {
      cwd: clone,
      fake: false,
    });
    expect(first.code).toBe(0);
    // this build never vouched for the output: a full run, which finds nothing to write
    expect(first.stderr).not.toContain(SKIPPED);
    expect(first.stderr).toMatch(/→ out\/: 0 written/);
    expect(readFileSync(join(clone, "out/.apiloom-manifest.json"))).toEqual(
      manifest,
    );
    const second = await runCli(other, ["generate"], {
      cwd: clone,
      fake: false,
    });
    expect(second.stderr).toContain(SKIPPED);

    // a build whose code makes other output: --check compares fresh bytes and fails
    const changed = await buildCli();
    projects.push(dirname(changed));
    const server = join(dirname(changed), "src/emit/server/index.js");
    writeFileSync(
      server,
      readFileSync(server, "utf8").replace(
        "rewritten on every run, do not edit.",
        "rewritten on every run; do not edit.",
      ),
    );
    const check = await runCli(changed, ["generate", "--check"], {
      cwd: clone,
      fake: false,
    });
    expect(check.stderr).not.toContain(SKIPPED);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain("M server/settings.ts");
  });
});

describe("the handlers file", () => {
  it("the run after the one that created it is skipped; an edit to it, or its deletion, forces a full run", async () => {
    const dir = project({ server: { handlers: "src/handlers.ts" } });
    await expectFull(dir);
    await expectSkipped(dir);
    // the QA's sequence: output and handlers gone, the lock kept
    rmSync(join(dir, "out"), { recursive: true });
    rmSync(join(dir, "src"), { recursive: true });
    await expectFull(dir);
    const handlers = join(dir, "src/handlers.ts");
    const scaffold = readFileSync(handlers, "utf8");
    await expectSkipped(dir);
    await expectSkipped(dir);

    // a stub taken out: the full run puts it back, and the next one is skipped
    const stub = /\n\s*listOwners\b/.exec(scaffold);
    expect(stub).not.toBeNull();
    writeFileSync(handlers, scaffold.replace(/listOwners/g, "listPeople"));
    const edited = await expectFull(dir);
    expect(readFileSync(handlers, "utf8")).toMatch(/\blistOwners\b/);
    await expectSkipped(dir);
    expect(edited.code).toBe(0);

    // deleted: the full run creates it again
    rmSync(handlers);
    await expectFull(dir);
    expect(readFileSync(handlers, "utf8")).toBe(scaffold);
    await expectSkipped(dir);
  });
});

describe("a TypeScript config", () => {
  it("is transpiled once: later runs take its JavaScript from node_modules/.cache/apiloom and load no compiler; an edit is seen", async () => {
    const dir = makeProject(["pets.yaml"]);
    projects.push(dir);
    mkdirSync(join(dir, "node_modules"));
    const config = (out: string) =>
      `import { defineConfig } from "apiloom-gen/config";
const out: string = ${JSON.stringify(out)};
export default defineConfig({ inputs: ["specs/*.yaml"], out });
`;
    writeFileSync(join(dir, "apiloom.config.ts"), config("out"));
    await expectFull(dir);
    const cache = join(dir, "node_modules/.cache/apiloom");
    const configs = () =>
      readdirSync(cache).filter((name) => name.startsWith("config-"));
    expect(configs()).toHaveLength(1);
    const modules = loadedModules(dir, ["generate"]);
    expect(modules.filter((m) => /ts-morph|typescript/.test(m))).toEqual([]);
    expect((await generate(dir)).stderr).toContain(SKIPPED);

    writeFileSync(join(dir, "apiloom.config.ts"), config("elsewhere"));
    const moved = await generate(dir);
    expect(moved.code).toBe(0);
    expect(existsSync(join(dir, "elsewhere/openapi.json"))).toBe(true);
    expect(configs()).toHaveLength(2);
  });
});
