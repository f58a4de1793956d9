import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildCli,
  makeProject,
  removeDir,
  runCli,
} from "../workflow/harness.js";

/*
 * `apiloom generate` with the real emitters: a server adapter is written only while the config or
 * --server-adapters lists it (issue 9), and one the user adds as a template is copied.
 */
let cli: string;
const projects: string[] = [];
beforeAll(async () => {
  cli = await buildCli();
});
afterAll(() => {
  projects.forEach(removeDir);
  if (cli) removeDir(dirname(cli));
});

const GEN = ["generate", "-a", "server"];
const real = (dir: string) => ({ cwd: dir, fake: false });

describe("server adapters through the command line and the config", () => {
  it("writes fastify.ts while it is listed, removes it once it is not, and never by default", async () => {
    const dir = makeProject(
      ["pets.yaml"],
      JSON.stringify({ inputs: ["specs/pets.yaml"], out: "out" }),
    );
    projects.push(dir);
    const adapter = join(dir, "out/server/fastify.ts");

    expect((await runCli(cli, GEN, real(dir))).code).toBe(0);
    expect(existsSync(join(dir, "out/server/listener.ts"))).toBe(true);
    expect(existsSync(adapter)).toBe(false);

    const listed = await runCli(
      cli,
      [...GEN, "--server-adapters", "fastify"],
      real(dir),
    );
    expect(listed.code).toBe(0);
    expect(readFileSync(adapter, "utf8")).toMatch(/from "fastify"/);

    // the flag is gone: the config lists no adapter, so the one the last run wrote goes
    const dropped = await runCli(cli, GEN, real(dir));
    expect(dropped.stderr).toMatch(/1 removed/);
    expect(existsSync(adapter)).toBe(false);

    writeFileSync(
      join(dir, "apiloom.config.json"),
      JSON.stringify({
        inputs: ["specs/pets.yaml"],
        out: "out",
        server: { adapters: ["fastify"] },
      }),
    );
    expect((await runCli(cli, GEN, real(dir))).code).toBe(0);
    expect(existsSync(adapter)).toBe(true);
  });

  it("copies the user's own adapter template, and refuses a name with no template (exit 2)", async () => {
    const dir = makeProject(["pets.yaml"]);
    projects.push(dir);
    mkdirSync(join(dir, "tpl/server"), { recursive: true });
    const koa = '// my koa adapter\nimport { routes } from "./routes.js";\n';
    writeFileSync(join(dir, "tpl/server/koa.ts"), koa);
    const args = [...GEN, "specs/pets.yaml", "--out", "out"];

    const own = await runCli(
      cli,
      [...args, "--templates", "tpl", "--server-adapters", "koa"],
      real(dir),
    );
    expect(own.code).toBe(0);
    expect(readFileSync(join(dir, "out/server/koa.ts"), "utf8")).toBe(koa);

    const unknown = await runCli(
      cli,
      [...args, "--server-adapters", "koa"],
      real(dir),
    );
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(
      '--server-adapters: unknown server adapter "koa": apiloom has express, fastify, hono; for another, put server/koa.ts in your templates folder',
    );
    expect(unknown.stderr).not.toMatch(/\n\s+at /);
  });

  it("--help lists --server-adapters", async () => {
    const dir = makeProject([]);
    projects.push(dir);
    const help = await runCli(cli, ["generate", "--help"], { cwd: dir });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^\s+--server-adapters <list>\s+\S/m);
  });
});
