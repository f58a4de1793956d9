import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  buildCli,
  makeProject,
  removeDir,
  startCli,
  waitFor,
} from "./harness.js";

/**
 * A change that comes while `--watch` is still reading the config for the change before it
 * waits for that run (and then runs with both). It used to start a second run beside the first:
 * `running` was set only once the config was read, so a config that takes a while to load (a
 * `.ts` config compiled, a slow disk, a loaded machine) left a window in which two runs wrote
 * the same output folder. Here the config awaits 3 s each time it is loaded, and the spec is
 * saved twice, 0.6 s apart: each `changed` must be followed by its run before the next one.
 */

let cli: string;
let dir: string;

beforeAll(async () => {
  cli = await buildCli();
  dir = makeProject(["pets.yaml"]);
  writeFileSync(
    join(dir, "apiloom.config.mjs"),
    `await new Promise((resolve) => setTimeout(resolve, 3000));
export default { inputs: ["specs/pets.yaml"], out: "out" };
`,
  );
});
afterAll(() => {
  removeDir(dir);
  removeDir(dirname(cli));
});

const count = (text: string, needle: string) => text.split(needle).length - 1;

it(
  "--watch never starts a run while the one before it is reading the config",
  { timeout: 60_000 },
  async () => {
    const run = startCli(cli, ["generate", "--watch"], { cwd: dir });
    const watching = "apiloom: watching for changes";
    try {
      await waitFor(() => count(run.output(), watching) === 1, "the first run");
      const spec = join(dir, "specs/pets.yaml");
      const text = readFileSync(spec, "utf8");
      writeFileSync(spec, `${text}\n# save 1\n`);
      await new Promise((r) => setTimeout(r, 600));
      writeFileSync(spec, `${text}\n# save 2\n`);
      await waitFor(
        () =>
          count(run.output(), watching) >= 2 &&
          count(run.output(), "apiloom: changed") === 2 &&
          count(run.output(), "rebuilt in") === 2,
        `both saves' runs:\n${run.output()}`,
        30_000,
      );
      // each change's run ends (rebuilt) before the next change is taken up
      const events = run
        .output()
        .split("\n")
        .filter((line) => /apiloom: changed|rebuilt in/.test(line))
        .map((line) => (line.includes("rebuilt in") ? "rebuilt" : "changed"));
      expect(events, run.output()).toEqual([
        "changed",
        "rebuilt",
        "changed",
        "rebuilt",
      ]);
      expect(run.output()).not.toMatch(
        /internal error|locked|apiloom generate:/i,
      );
    } finally {
      run.child.kill("SIGINT");
    }
    expect((await run.done).code).toBe(0);
  },
);

it(
  "--watch stopped while a change's config loads ends without that run",
  { timeout: 60_000 },
  async () => {
    const run = startCli(cli, ["generate", "--watch"], { cwd: dir });
    const watching = "apiloom: watching for changes";
    await waitFor(() => count(run.output(), watching) === 1, "the first run");
    const spec = join(dir, "specs/pets.yaml");
    writeFileSync(spec, `${readFileSync(spec, "utf8")}\n# save 3\n`);
    await waitFor(
      () => count(run.output(), "apiloom: changed") === 1,
      "the change",
    );
    run.child.kill("SIGINT");
    const result = await run.done;
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("apiloom: stopped watching");
    expect(count(result.stderr, "rebuilt in")).toBe(0);
  },
);
