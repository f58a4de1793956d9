import { cpSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  FIXTURES,
  buildCli,
  makeProject,
  removeDir,
  runCli,
} from "./harness.js";

let cli: string;
const projects: string[] = [];
const project = (specs: string[]) => {
  const dir = makeProject(specs);
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

const ARGS = ["generate", "specs/*", "--out", "out"];
const readJson = (file: string) => JSON.parse(readFileSync(file, "utf8"));
const endpointPath = (dir: string, name: string) =>
  readFileSync(join(dir, `out/client/endpoints/${name}.ts`), "utf8").match(
    /path: "([^"]+)"/,
  )?.[1];

describe("the name lock", () => {
  it("keeps an existing function's name when a new endpoint would take it", async () => {
    const dir = project(["pets.yaml"]);
    expect((await runCli(cli, ARGS, { cwd: dir })).code).toBe(0);
    const lock = readJson(join(dir, "apiloom.lock.json"));
    expect(lock).toEqual({
      lockfileVersion: 1,
      // without a config, the output folder whose names these are
      out: "out",
      names: {
        "DELETE /pets/{id}": "deletePet",
        "GET /pets": "listPets",
        "GET /pets/{id}": "getPet",
        "POST /pets": "createPet",
      },
    });

    // /animals/{id} also says operationId getPet and sorts first: unlocked, it would win the name
    cpSync(join(FIXTURES, "animals.yaml"), join(dir, "specs/animals.yaml"));
    expect((await runCli(cli, ARGS, { cwd: dir })).code).toBe(0);
    expect(endpointPath(dir, "getPet")).toBe("/pets/{id}");
    const after = readJson(join(dir, "apiloom.lock.json")).names;
    expect(after["GET /pets/{id}"]).toBe("getPet");
    expect(after["GET /animals/{id}"]).not.toBe("getPet");
    expect(endpointPath(dir, after["GET /animals/{id}"])).toBe("/animals/{id}");
  });

  it("a one-off run with other inputs leaves the config's lock alone", async () => {
    const dir = project(["pets.yaml"]);
    writeFileSync(
      join(dir, "apiloom.config.json"),
      JSON.stringify({ inputs: ["specs/*"], out: "out" }),
    );
    expect((await runCli(cli, ["generate"], { cwd: dir })).code).toBe(0);
    const before = readFileSync(join(dir, "apiloom.lock.json"), "utf8");
    cpSync(join(FIXTURES, "animals.yaml"), join(dir, "animals.yaml"));
    expect(
      (
        await runCli(cli, ["generate", "animals.yaml", "--out", "one-off"], {
          cwd: dir,
        })
      ).code,
    ).toBe(0);
    expect(readFileSync(join(dir, "apiloom.lock.json"), "utf8")).toBe(before);
    // asked for explicitly, a lock is still written
    expect(
      (
        await runCli(
          cli,
          [
            "generate",
            "animals.yaml",
            "--out",
            "one-off",
            "--lock",
            "one-off.lock.json",
          ],
          { cwd: dir },
        )
      ).code,
    ).toBe(0);
    expect(
      readJson(join(dir, "one-off.lock.json")).names["GET /animals/{id}"],
    ).toBeDefined();
  });

  it("without a lock the same change renames the existing function (what the lock prevents)", async () => {
    const dir = project(["pets.yaml"]);
    expect((await runCli(cli, [...ARGS, "--no-lock"], { cwd: dir })).code).toBe(
      0,
    );
    expect(endpointPath(dir, "getPet")).toBe("/pets/{id}");
    cpSync(join(FIXTURES, "animals.yaml"), join(dir, "specs/animals.yaml"));
    expect((await runCli(cli, [...ARGS, "--no-lock"], { cwd: dir })).code).toBe(
      0,
    );
    expect(endpointPath(dir, "getPet")).toBe("/animals/{id}");
  });

  it("--check fails when the lock on disk is not the one the run would write", async () => {
    const dir = project(["pets.yaml"]);
    expect((await runCli(cli, ARGS, { cwd: dir })).code).toBe(0);
    cpSync(join(FIXTURES, "store.json"), join(dir, "specs/store.json"));
    const check = await runCli(cli, [...ARGS, "--check"], { cwd: dir });
    expect(check.code).toBe(1);
    expect(check.stderr).toContain("M apiloom.lock.json");
    // the lock is a record: its diff is shown with --verbose, beside the generated code's
    const verbose = await runCli(cli, [...ARGS, "--check", "--verbose"], {
      cwd: dir,
    });
    expect(verbose.code).toBe(1);
    expect(verbose.stdout).toContain(
      '+    "GET /store/inventory": "getInventory"',
    );
  });

  it("a damaged lock stops the run with exit 2 instead of renaming everything", async () => {
    const dir = project(["pets.yaml"]);
    cpSync(join(FIXTURES, "pets.yaml"), join(dir, "apiloom.lock.json"));
    const run = await runCli(cli, ARGS, { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("apiloom.lock.json is not valid JSON");
  });
});

describe("the server handlers file", () => {
  it("is created once, left alone when nothing changed, and given stubs for new endpoints", async () => {
    const dir = project(["pets.yaml"]);
    const args = [...ARGS, "--server-handlers", "src/handlers.ts"];
    const first = await runCli(cli, args, { cwd: dir, fake: false });
    expect(first.code).toBe(0);
    expect(first.stderr).toContain(
      "created src/handlers.ts with 4 handler stubs",
    );
    const file = join(dir, "src/handlers.ts");
    const created = readFileSync(file, "utf8");
    expect(created).toContain("../out/server/index.js");
    for (const name of ["listPets", "createPet", "getPet", "deletePet"])
      expect(created).toContain(name);

    const mtime = statSync(file).mtimeMs;
    expect((await runCli(cli, args, { cwd: dir, fake: false })).code).toBe(0);
    expect(statSync(file).mtimeMs).toBe(mtime);

    cpSync(join(FIXTURES, "store.json"), join(dir, "specs/store.json"));
    const check = await runCli(cli, [...args, "--check"], {
      cwd: dir,
      fake: false,
    });
    expect(check.code).toBe(1);
    expect(check.stderr).toContain("M src/handlers.ts");
    const third = await runCli(cli, args, { cwd: dir, fake: false });
    expect(third.code).toBe(0);
    expect(third.stderr).toMatch(
      /added 1 handler stub to src\/handlers\.ts: getInventory/,
    );
    expect(readFileSync(file, "utf8").startsWith(created.slice(0, 40))).toBe(
      true,
    );
    expect(readFileSync(file, "utf8")).toContain("getInventory");
  });
});
