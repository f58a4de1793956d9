import { cpSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  FIXTURES,
  buildCli,
  makeProject,
  removeDir,
  startCli,
  waitFor,
} from "./harness.js";

let cli: string;
let dir: string;

beforeAll(async () => {
  cli = await buildCli();
  dir = makeProject(["pets.yaml"]);
});
afterAll(() => {
  removeDir(dir);
  removeDir(dirname(cli));
});

const count = (text: string, needle: string) => text.split(needle).length - 1;

it("--watch regenerates on spec and template changes and stops cleanly on SIGINT", async () => {
  mkdirSync(join(dir, "tpl/client"), { recursive: true });
  writeFileSync(join(dir, "tpl/client/note.txt"), "v1\n");
  const run = startCli(
    cli,
    ["generate", "specs/*", "--out", "out", "--templates", "tpl", "--watch"],
    { cwd: dir },
  );
  const watching = "apiloom: watching for changes";
  await waitFor(() => count(run.output(), watching) === 1, "the first run");
  expect(run.output()).toMatch(/4 endpoints → out\/: \d+ written/);

  cpSync(join(FIXTURES, "store.json"), join(dir, "specs/store.json"));
  await waitFor(
    () => count(run.output(), watching) === 2,
    "a run after the spec change",
  );
  expect(run.output()).toContain("apiloom: changed specs/store.json");
  expect(existsSync(join(dir, "out/endpoints/getInventory.ts"))).toBe(true);

  writeFileSync(join(dir, "tpl/client/note.txt"), "v2\n");
  await waitFor(
    () => count(run.output(), watching) === 3,
    "a run after the template change",
  );
  expect(run.output()).toContain("apiloom: changed tpl/client/note.txt");
  expect(run.output()).toMatch(/→ out\/: 0 written, \d+ unchanged, 0 removed/);

  run.child.kill("SIGINT");
  const result = await run.done;
  expect(result.code).toBe(0);
  expect(result.stderr).toContain("apiloom: stopped watching");
  // the lock and the output were written by the runs, and never set the watcher off again
  expect(count(run.output(), "apiloom: changed")).toBe(2);
});
