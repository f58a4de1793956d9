import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
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
const extra: string[] = [];
afterAll(() => {
  extra.forEach(removeDir);
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

it("--watch follows the config: new inputs are read and then watched", async () => {
  const project = makeProject(
    ["pets.yaml"],
    JSON.stringify({ inputs: ["specs/pets.yaml"], out: "out" }),
  );
  extra.push(project);
  mkdirSync(join(project, "more"));
  cpSync(join(FIXTURES, "store.json"), join(project, "more/store.json"));
  const run = startCli(cli, ["generate", "--watch"], { cwd: project });
  const watching = "apiloom: watching for changes";
  await waitFor(() => count(run.output(), watching) === 1, "the first run");
  expect(existsSync(join(project, "out/endpoints/getInventory.ts"))).toBe(
    false,
  );

  writeFileSync(
    join(project, "apiloom.config.json"),
    JSON.stringify({ inputs: ["specs/pets.yaml", "more/*.json"], out: "out" }),
  );
  await waitFor(
    () => count(run.output(), watching) === 2,
    "a run after the config change",
  );
  expect(run.output()).toContain("apiloom: changed apiloom.config.json");
  expect(existsSync(join(project, "out/endpoints/getInventory.ts"))).toBe(true);

  const store = join(project, "more/store.json");
  writeFileSync(
    store,
    readFileSync(store, "utf8").replace("/store/inventory", "/store/stock"),
  );
  await waitFor(
    () => count(run.output(), watching) === 3,
    "a run after the new input changed",
  );
  expect(run.output()).toContain("apiloom: changed more/store.json");
  expect(
    readFileSync(join(project, "out/endpoints/getInventory.ts"), "utf8"),
  ).toContain('path: "/store/stock"');

  run.child.kill("SIGINT");
  expect((await run.done).code).toBe(0);
});
