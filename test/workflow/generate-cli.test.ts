import { existsSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildCli,
  makeProject,
  mtimes,
  removeDir,
  runCli,
  snapshotTree,
} from "./harness.js";

let cli: string;
const projects: string[] = [];
const project = (specs: string[], config?: string) => {
  const dir = makeProject(specs, config);
  projects.push(dir);
  return dir;
};

beforeAll(async () => {
  cli = await buildCli();
});
afterAll(() => {
  projects.forEach(removeDir);
  removeDir(dirname(cli));
});

const GEN = ["generate", "specs/pets.yaml", "--out", "out"];

describe("apiloom generate (child process, fake emitters)", () => {
  it("--check passes right after generate and fails with a diff after a generated file is edited", async () => {
    const dir = project(["pets.yaml"]);
    const first = await runCli(cli, GEN, { cwd: dir });
    expect(first.stderr).toMatch(
      /4 endpoints → out\/: \d+ written, 0 unchanged, 0 removed/,
    );
    expect(first.code).toBe(0);

    const clean = await runCli(cli, [...GEN, "--check"], { cwd: dir });
    expect(clean.stderr).toContain("out/ is up to date");
    expect(clean.code).toBe(0);

    const target = join(dir, "out/client/endpoints/getPet.ts");
    writeFileSync(
      target,
      readFileSync(target, "utf8").replace('"get"', '"put"'),
    );
    const stale = await runCli(cli, [...GEN, "--check"], { cwd: dir });
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain("M client/endpoints/getPet.ts");
    expect(stale.stdout).toContain(
      "--- a/out/client/endpoints/getPet.ts\n+++ b/out/client/endpoints/getPet.ts\n",
    );
    expect(stale.stdout).toMatch(/^-export const getPet = \{ method: "put"/m);
    expect(stale.stdout).toMatch(/^\+export const getPet = \{ method: "get"/m);
    // --check wrote nothing
    expect(readFileSync(target, "utf8")).toContain('"put"');
  });

  it("a second generate writes no file and keeps every mtime", async () => {
    const dir = project(["pets.yaml", "store.json"]);
    const args = ["generate", "specs/*", "--out", "out"];
    expect((await runCli(cli, args, { cwd: dir })).code).toBe(0);
    const files = Object.keys(snapshotTree(join(dir, "out")));
    const before = mtimes(join(dir, "out"), files);
    await new Promise((r) => setTimeout(r, 20));
    const second = await runCli(cli, args, { cwd: dir });
    expect(second.code).toBe(0);
    expect(second.stderr).toContain(
      `0 written, ${files.length - 1} unchanged, 0 removed`,
    );
    expect(mtimes(join(dir, "out"), files)).toEqual(before);
  });

  it("removes the files of a removed endpoint and keeps hand-made files", async () => {
    const dir = project(["pets.yaml"]);
    expect((await runCli(cli, GEN, { cwd: dir })).code).toBe(0);
    expect(existsSync(join(dir, "out/client/endpoints/deletePet.ts"))).toBe(
      true,
    );
    writeFileSync(join(dir, "out/NOTES.md"), "mine\n");
    writeFileSync(join(dir, "out/client/endpoints/custom.ts"), "// mine too\n");

    const spec = join(dir, "specs/pets.yaml");
    const text = readFileSync(spec, "utf8");
    writeFileSync(spec, text.slice(0, text.indexOf("    delete:")));
    const run = await runCli(cli, GEN, { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("1 removed");
    expect(existsSync(join(dir, "out/client/endpoints/deletePet.ts"))).toBe(
      false,
    );
    expect(
      readFileSync(join(dir, "out/client/index.ts"), "utf8"),
    ).not.toContain("deletePet");
    expect(readFileSync(join(dir, "out/NOTES.md"), "utf8")).toBe("mine\n");
    expect(
      readFileSync(join(dir, "out/client/endpoints/custom.ts"), "utf8"),
    ).toBe("// mine too\n");
  });

  it("never reads its own output or lock back as inputs", async () => {
    const dir = project(["pets.yaml"]);
    const args = [
      "generate",
      "specs/**/*",
      "--out",
      "specs/gen",
      "--lock",
      "specs/names.lock.json",
    ];
    expect((await runCli(cli, args, { cwd: dir })).code).toBe(0);
    expect(existsSync(join(dir, "specs/gen/openapi.json"))).toBe(true);
    expect(existsSync(join(dir, "specs/names.lock.json"))).toBe(true);
    const second = await runCli(cli, args, { cwd: dir });
    expect(second.stderr).toMatch(
      /^apiloom: 4 endpoints → specs\/gen\/: 0 written, \d+ unchanged, 0 removed; 0 errors, 0 warnings/,
    );
    expect(second.code).toBe(0);
  });

  it("can write into the folder its inputs are in", async () => {
    const dir = project(["pets.yaml"]);
    const args = ["generate", "*", "--out", "."];
    const first = await runCli(cli, args, { cwd: join(dir, "specs") });
    expect(first.stderr).toMatch(/4 endpoints → \.\/: \d+ written/);
    expect(existsSync(join(dir, "specs/openapi.json"))).toBe(true);
    const second = await runCli(cli, args, { cwd: join(dir, "specs") });
    expect(second.stderr).toMatch(/4 endpoints → \.\/: 0 written/);
    expect(second.code).toBe(0);
  });

  it("reads apiloom.config.ts (importing defineConfig) from a subfolder of the project", async () => {
    const config = [
      'import { defineConfig } from "apiloom-gen/config";',
      "",
      'export default defineConfig({ inputs: ["specs/*.yaml"], out: "gen" });',
      "",
    ].join("\n");
    const dir = project(["pets.yaml", "store.json"]);
    writeFileSync(join(dir, "apiloom.config.ts"), config);
    const run = await runCli(cli, ["generate"], { cwd: join(dir, "specs") });
    expect(run.stderr).toMatch(/4 endpoints → \.\.\/gen\/: \d+ written/);
    expect(run.code).toBe(0);
    expect(existsSync(join(dir, "gen/client/endpoints/getPet.ts"))).toBe(true);
    expect(existsSync(join(dir, "apiloom.lock.json"))).toBe(true);
  });

  it("refuses to overwrite a file it did not make", async () => {
    const dir = project(["pets.yaml"]);
    mkdirSync(join(dir, "out/client"), { recursive: true });
    writeFileSync(join(dir, "out/client/index.ts"), "// hand-written\n");
    const run = await runCli(cli, GEN, { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      "client/index.ts: a file apiloom did not make is in the way",
    );
    expect(readFileSync(join(dir, "out/client/index.ts"), "utf8")).toBe(
      "// hand-written\n",
    );
    expect(existsSync(join(dir, "out/client/endpoints"))).toBe(false);
  });

  it("reports errors as file:line:col with a code frame, writes nothing and exits 1", async () => {
    const dir = project(["pets.yaml", "broken.json"]);
    const run = await runCli(cli, ["generate", "specs/*", "-o", "out"], {
      cwd: dir,
    });
    expect(run.code).toBe(1);
    const frame = [
      "specs/broken.json:5:45: error parse/invalid-json invalid JSON: expected ':' after a property name, found \"{\"",
      '  3 |   "info": { "title": "Broken", "version": "1.0.0" },',
      '  4 |   "paths": {',
      '> 5 | \t"/things": { "get": { "responses": { "200" { "description": "x" } } } }',
      // the caret keeps the tab so it lines up under column 45 in any terminal
      `    | \t${" ".repeat(43)}^`,
      "  6 |   }",
      "  7 | }",
    ].join("\n");
    expect(run.stderr).toContain(frame);
    expect(run.stderr).toContain("nothing written because of errors");
    expect(run.stderr).not.toContain("\x1b[");
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  it("colours diagnostics with --color and not under NO_COLOR", async () => {
    const dir = project(["broken.json"]);
    const args = ["generate", "specs/broken.json", "-o", "out"];
    const coloured = await runCli(cli, [...args, "--color"], { cwd: dir });
    expect(coloured.stderr).toContain("\x1b[31m");
    const forced = await runCli(cli, args, {
      cwd: dir,
      env: { NO_COLOR: "1", FORCE_COLOR: "1" },
    });
    expect(forced.stderr).not.toContain("\x1b[");
  });

  it("--strict turns warnings into a failure", async () => {
    const dir = project(["pets.yaml"]);
    const args = [...GEN, "--name", "GET /pets=list pets"];
    const lax = await runCli(cli, [...args, "--verbose"], { cwd: dir });
    expect(lax.code).toBe(0);
    expect(lax.stderr).toMatch(/warning naming\/invalid-override/);
    const strict = await runCli(cli, [...args, "--strict"], { cwd: dir });
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain("--strict treats as errors");
  });

  it("an input glob that matches nothing is an error", async () => {
    const dir = project(["pets.yaml"]);
    const run = await runCli(
      cli,
      ["generate", "specs/*.graphql", "-o", "out"],
      { cwd: dir },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'error input/no-match no file matches the input "specs/*.graphql"',
    );
  });

  it("an --out that is a file is a usage error, not a crash", async () => {
    const dir = project(["pets.yaml"]);
    const run = await runCli(
      cli,
      ["generate", "specs/pets.yaml", "--out", "package.json"],
      { cwd: dir },
    );
    expect(run.stderr).not.toContain("internal error");
    expect(run.stderr).toContain("--out: ");
    expect(run.stderr).toContain("package.json is a file, not a folder");
    expect(run.code).toBe(2);
    expect(readFileSync(join(dir, "package.json"), "utf8")).toBe("{}\n");
  });

  it("--no-config does not rewrite the project's name lock", async () => {
    const dir = project(["pets.yaml", "store.json"]);
    expect((await runCli(cli, GEN, { cwd: dir })).code).toBe(0);
    const lock = readFileSync(join(dir, "apiloom.lock.json"), "utf8");
    const other = await runCli(
      cli,
      ["generate", "specs/store.json", "--out", "other", "--no-config"],
      { cwd: dir },
    );
    expect(other.code).toBe(0);
    expect(readFileSync(join(dir, "apiloom.lock.json"), "utf8")).toBe(lock);
  });

  it("usage errors exit 2 and --help lists every flag", async () => {
    const dir = project(["pets.yaml"]);
    const bad = await runCli(cli, ["generate", "--frobnicate"], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("unknown option --frobnicate");
    const help = await runCli(cli, ["generate", "--help"], { cwd: dir });
    expect(help.code).toBe(0);
    for (const flag of [
      "--out",
      "--artifacts",
      "--templates",
      "--base-url",
      "--name",
      "--allow-external-refs",
      "--server-handlers",
      "--lock",
      "--no-lock",
      "--config",
      "--no-config",
      "--check",
      "--watch",
      "--strict",
      "--max-diagnostics",
      "--color",
      "--no-color",
    ])
      expect(help.stdout).toContain(flag);
  });
});
