import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCli, makeProject, removeDir, runCli } from "./harness.js";

/*
 * Without a config, the name lock is the output folder's project's (docs/configuration.md), so
 * two one-off runs into two output folders of one project met in one lock: the second API's
 * functions took the first's locked names where their `METHOD /path` agreed (its
 * `GET /users: getMembers` became `listAccounts`), silently. The lock now records its run's
 * output folder, and a run into another one is refused before anything is written.
 */
let cli: string;
let dir: string;
beforeAll(async () => {
  cli = await buildCli();
  dir = makeProject(["pets.yaml", "store.json"]);
});
afterAll(() => {
  removeDir(dir);
  removeDir(dirname(cli));
});

const run = (...args: string[]) =>
  runCli(cli, ["generate", ...args, "-q"], { cwd: dir });
const lock = () => readFileSync(join(dir, "apiloom.lock.json"), "utf8");

describe("a run without a config and the project's name lock", () => {
  it("records its output folder, and another output folder's run is refused", async () => {
    expect((await run("specs/pets.yaml", "-o", "gen/pets")).code).toBe(0);
    expect(JSON.parse(lock()).out).toBe("gen/pets");
    const before = lock();
    // the same output folder again: the same lock
    expect((await run("specs/pets.yaml", "-o", "gen/pets")).code).toBe(0);
    expect(lock()).toBe(before);

    const other = await run("specs/store.json", "-o", "gen/store");
    expect(other.code).toBe(2);
    expect(other.stderr).toContain(
      'apiloom.lock.json holds the names of another output folder, "gen/pets" (its "out"), and this run writes "gen/store"',
    );
    expect(other.stderr).toContain("--lock <file>");
    expect(existsSync(join(dir, "gen/store"))).toBe(false);
    expect(lock()).toBe(before);

    // a lock of its own, as the message says
    const own = await run(
      "specs/store.json",
      "-o",
      "gen/store",
      "--lock",
      "store.lock.json",
    );
    expect(own.code).toBe(0);
    expect(
      JSON.parse(readFileSync(join(dir, "store.lock.json"), "utf8")).out,
    ).toBe("gen/store");
  });

  it("takes a lock that records no folder, and records its own", async () => {
    const names = { "GET /pets": "listThePets" };
    writeFileSync(
      join(dir, "old.lock.json"),
      JSON.stringify({ lockfileVersion: 1, names }),
    );
    const result = await run(
      "specs/pets.yaml",
      "-o",
      "gen/old",
      "--lock",
      "old.lock.json",
    );
    expect(result.code).toBe(0);
    const written = JSON.parse(
      readFileSync(join(dir, "old.lock.json"), "utf8"),
    );
    expect(written.out).toBe("gen/old");
    expect(written.names["GET /pets"]).toBe("listThePets");
  });

  it("shows a recorded folder as data: a lock's escape sequence never reaches the terminal", async () => {
    writeFileSync(
      join(dir, "planted.lock.json"),
      JSON.stringify({ lockfileVersion: 1, out: "x\u001b[2J", names: {} }),
    );
    const result = await run(
      "specs/pets.yaml",
      "-o",
      "gen/planted",
      "--lock",
      "planted.lock.json",
    );
    expect(result.code).toBe(2);
    expect(result.stderr).not.toContain("\u001b[2J");
    expect(result.stderr).toContain('"x\\u001b[2J"');
  });

  it("a lock that is no JSON: the parser's quote of it is escaped too, for generate and diff", async () => {
    writeFileSync(
      join(dir, "broken.lock.json"),
      '{"lockfileVersion": 1, "names": \u001b[31mRED',
    );
    const lockArgs = ["--lock", "broken.lock.json"];
    const generated = await run(
      "specs/pets.yaml",
      "-o",
      "gen/broken",
      ...lockArgs,
    );
    const diffed = await runCli(
      cli,
      ["diff", "specs/pets.yaml", "--to", "specs/pets.yaml", ...lockArgs],
      { cwd: dir },
    );
    for (const result of [generated, diffed]) {
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("broken.lock.json is not valid JSON");
      expect(result.stderr).not.toContain("\u001b[31m");
      expect(result.stderr).toContain("\\x1b[31mRED");
    }
  });
});
