import { existsSync, readdirSync } from "node:fs";
import { cpSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  FIXTURES,
  buildCli,
  makeProject,
  removeDir,
  runCli,
  snapshotTree,
  startCli,
  waitFor,
} from "./harness.js";

let cli: string;
const projects: string[] = [];

beforeAll(async () => {
  cli = await buildCli();
});
afterAll(() => {
  projects.forEach(removeDir);
  removeDir(dirname(cli));
});

const ARGS = ["generate", "specs/*", "--out", "out"];

/** A project generated from pets.yaml alone, then given store.json so the next run changes files. */
async function projectWithPendingChange(): Promise<{
  dir: string;
  before: Record<string, string>;
}> {
  const dir = makeProject(["pets.yaml"]);
  projects.push(dir);
  expect((await runCli(cli, ARGS, { cwd: dir })).code).toBe(0);
  const before = snapshotTree(join(dir, "out"));
  cpSync(join(FIXTURES, "store.json"), join(dir, "specs/store.json"));
  return { dir, before };
}

async function killAt(dir: string, pause: string): Promise<void> {
  const run = startCli(cli, ARGS, {
    cwd: dir,
    env: { APILOOM_TEST_PAUSE: pause },
  });
  await waitFor(
    () => run.output().includes(`apiloom-test-paused ${pause}`),
    `the writer to pause at ${pause}`,
  );
  run.child.kill("SIGKILL");
  const result = await run.done;
  expect(result.signal).toBe("SIGKILL");
}

describe("killing the generator mid-write", () => {
  it("while staging new files leaves the previous output intact", async () => {
    const { dir, before } = await projectWithPendingChange();
    await killAt(dir, "stage:2");

    const after = snapshotTree(join(dir, "out"));
    const staged = Object.keys(after).filter((p) =>
      p.startsWith(".apiloom-staging/"),
    );
    expect(staged.length).toBe(2); // the kill really happened mid-write
    for (const path of staged) delete after[path];
    // the dead writer's lock is left too; the next run sees its pid is gone and takes over
    expect(after[".apiloom-busy"]).toMatch(/^\d+$/);
    delete after[".apiloom-busy"];
    expect(after).toEqual(before);

    // the next run discards the leftovers and completes
    expect((await runCli(cli, ARGS, { cwd: dir })).code).toBe(0);
    expect(readdirSync(join(dir, "out"))).not.toContain(".apiloom-staging");
    expect(
      snapshotTree(join(dir, "out"))["client/endpoints/getInventory.ts"],
    ).toBeDefined();
    expect((await runCli(cli, [...ARGS, "--check"], { cwd: dir })).code).toBe(
      0,
    );
  });

  it("while renaming into place is finished by the next run from the journal", async () => {
    const { dir, before } = await projectWithPendingChange();
    await killAt(dir, "apply:1");

    // every file is whole (old or new, never torn); --check, as every command that reads the
    // folder, first finishes the killed run from its journal, and finds only the name lock
    // (written after the folder) stale
    const middle = snapshotTree(join(dir, "out"));
    expect(middle[".apiloom-journal.json"]).toBeDefined();
    const check = await runCli(cli, [...ARGS, "--check"], { cwd: dir });
    expect(check.code).toBe(1);
    expect(check.stderr).toContain("M apiloom.lock.json");
    expect(
      snapshotTree(join(dir, "out"))[".apiloom-journal.json"],
    ).toBeUndefined();

    const finish = await runCli(cli, ARGS, { cwd: dir });
    expect(finish.code).toBe(0);
    const after = snapshotTree(join(dir, "out"));
    expect(Object.keys(after).filter((p) => p.startsWith(".apiloom-"))).toEqual(
      [".apiloom-manifest.json"],
    );
    expect(after["client/endpoints/getInventory.ts"]).toBeDefined();
    expect(after).not.toEqual(before);
    expect((await runCli(cli, [...ARGS, "--check"], { cwd: dir })).code).toBe(
      0,
    );
    expect(existsSync(join(dir, "out/.apiloom-manifest.json"))).toBe(true);
  });
});
