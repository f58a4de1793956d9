import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildCli,
  removeDir,
  runCli,
  snapshotTree,
  startCli,
  waitFor,
} from "../workflow/harness.js";
import { BOOKKEEPING } from "./sandbox.js";

/**
 * Issue 22, class 9: `kill -9` at any moment of a run over an existing output. The real CLI
 * (src/ transpiled by the workflow harness, real stages) is stopped at a counted point of the
 * write (APILOOM_TEST_PAUSE=phase:n: after the n-th file staged, the commit, the n-th rename
 * into place, a removal, the manifest, the end of the output write before the handlers file) and
 * killed with SIGKILL there. Then every file is whole (the old run's bytes or the new run's),
 * the handlers file is the user's or the user's plus the new stub, `--check` never passes on a
 * folder that is not the new output, and the next run ends with exactly the new output.
 * Points are chosen by counting, never by time. The same is done with every text staged as it
 * is made (APILOOM_TEST_EARLY_MIN=0, src/workflow/output/early-stage.ts), killed while the plugins still
 * run (early:n) and at the writer's points.
 */

let cli: string;
const dirs: string[] = [];
beforeAll(async () => {
  cli = await buildCli();
});
afterAll(() => {
  dirs.forEach(removeDir);
  if (cli) removeDir(dirname(cli));
});

const ARGS = [
  "generate",
  "--no-config",
  "--no-lock",
  "--server-handlers",
  "src/handlers.ts",
  "-o",
  "out",
  "pets.yaml",
];
const USER_CODE = "\n// the user's own line, which no run may lose\n";

/** The output folder without apiloom's bookkeeping, and the manifest's file list. */
function state(dir: string): {
  files: Record<string, string>;
  listed: Record<string, string> | undefined;
  handlers: string;
} {
  const files = snapshotTree(join(dir, "out"));
  const manifest = files[".apiloom-manifest.json"];
  for (const path of Object.keys(files))
    if (path.startsWith(".apiloom-")) delete files[path];
  return {
    files,
    listed: manifest ? JSON.parse(manifest).files : undefined,
    handlers: readFileSync(join(dir, "src/handlers.ts"), "utf8"),
  };
}

/** A project with pets.yaml generated and a handlers file the user has edited. */
let template: string;
let before: ReturnType<typeof state>;
let after: ReturnType<typeof state>;
let written = 0;
let removed = 0;

function copyOfTemplate(): string {
  const dir = mkdtempSync(join(tmpdir(), "apiloom-kill-"));
  dirs.push(dir);
  cpSync(template, dir, { recursive: true });
  cpSync(join(BOOKKEEPING, "pets-v2.yaml"), join(dir, "pets.yaml"));
  return dir;
}

beforeAll(async () => {
  template = mkdtempSync(join(tmpdir(), "apiloom-kill-template-"));
  dirs.push(template);
  cpSync(join(BOOKKEEPING, "pets.yaml"), join(template, "pets.yaml"));
  writeFileSync(join(template, "package.json"), "{}\n");
  const first = await runCli(cli, ARGS, { cwd: template, fake: false });
  expect(first.code, first.stderr).toBe(0);
  const handlers = join(template, "src/handlers.ts");
  writeFileSync(handlers, readFileSync(handlers, "utf8") + USER_CODE);
  before = state(template);

  // the run the killed ones are interrupted in, run to its end
  const reference = copyOfTemplate();
  const whole = await runCli(cli, ARGS, { cwd: reference, fake: false });
  expect(whole.code, whole.stderr).toBe(0);
  const counts = /(\d+) written, \d+ unchanged, (\d+) removed/.exec(
    whole.stderr,
  );
  written = Number(counts![1]);
  removed = Number(counts![2]);
  after = state(reference);
  expect(after.handlers).toContain(USER_CODE);
  expect(after.handlers).toContain("listOwners");
});

/** LAST and MID stand for the counts of the run under test, known once the reference ran. */
const POINTS = [
  "stage:1",
  "stage:LAST",
  "commit:1",
  "apply:1",
  "apply:MID",
  "remove:1",
  "manifest:1",
  "done:1",
];

/** The points of a run that stages every text early: while it does so, and in the writer. */
const EARLY_POINTS = [
  "early:1",
  "early:LAST",
  "stage:1",
  "commit:1",
  "apply:1",
];

describe("kill -9 during a run over an existing output", () => {
  it("the change under test writes and removes files, so every phase has points", () => {
    expect(written).toBeGreaterThan(2);
    expect(removed).toBeGreaterThan(0);
  });

  // one test per point: each is a killed run, a check and a full run
  const cases = [
    ...POINTS.map((point) => ({ point, early: undefined })),
    ...EARLY_POINTS.map((point) => ({ point, early: "0" })),
  ];
  for (const { point, early } of cases)
    it(`killed at ${point}${early ? " (texts staged early)" : ""}: old-or-new files whole, --check honest, the next run ends with the new output`, async () => {
      const at = point
        .replace("LAST", String(written))
        .replace("MID", String(Math.ceil(written / 2)));
      const dir = copyOfTemplate();
      const run = startCli(cli, ARGS, {
        cwd: dir,
        fake: false,
        env: { APILOOM_TEST_PAUSE: at, APILOOM_TEST_EARLY_MIN: early },
      });
      await waitFor(
        () => run.output().includes(`apiloom-test-paused ${at}`),
        `the writer to pause at ${at}`,
      );
      run.child.kill("SIGKILL");
      expect((await run.done).signal).toBe("SIGKILL");

      // every file whole: the old run's bytes or the new run's, never a mix or a torn file
      const killed = state(dir);
      for (const [path, text] of Object.entries(killed.files))
        expect(
          text === before.files[path] || text === after.files[path],
          `${path} is neither the old nor the new file`,
        ).toBe(true);
      expect([before.handlers, after.handlers]).toContain(killed.handlers);

      // --check rolls a committed run forward first (so it reads one run's output whole),
      // touches nothing else, and passes only on the whole new output
      const committed = existsSync(join(dir, "out/.apiloom-journal.json"));
      const check = await runCli(cli, [...ARGS, "--check"], {
        cwd: dir,
        fake: false,
      });
      expect(check.stderr).not.toMatch(/internal error|\n\s+at /);
      const read = committed
        ? { ...killed, files: after.files, listed: after.listed }
        : killed;
      const isNew =
        JSON.stringify(read.files) === JSON.stringify(after.files) &&
        read.handlers === after.handlers;
      expect(check.code, check.stderr).toBe(isNew ? 0 : 1);
      expect(state(dir)).toEqual(read);

      // the next run ends with exactly what the uninterrupted run made
      const next = await runCli(cli, ARGS, { cwd: dir, fake: false });
      expect(next.code, next.stderr).toBe(0);
      expect(next.stderr).not.toContain("output/unsafe-journal");
      expect(state(dir)).toEqual(after);
      expect(
        Object.keys(snapshotTree(join(dir, "out"))).filter((p) =>
          p.startsWith(".apiloom-"),
        ),
      ).toEqual([".apiloom-manifest.json"]);
    });
});

describe("kill -9 while the handlers file is written (after the output)", () => {
  it("the temp copy a killed run left beside it is removed by the next run; a running one's stays", async () => {
    const dir = copyOfTemplate();
    // what a run killed between writing its temp copy and renaming it leaves: a pid now gone
    const dead = spawnSync(process.execPath, ["-e", ""]).pid!;
    const left = join(dir, `src/handlers.ts.${dead}.apiloom-tmp`);
    writeFileSync(left, before.handlers.slice(0, 40));
    // a run still writing (this test's pid stands for it) keeps its own
    const running = join(dir, `src/handlers.ts.${process.pid}.apiloom-tmp`);
    writeFileSync(running, "");
    const next = await runCli(cli, ARGS, { cwd: dir, fake: false });
    expect(next.code, next.stderr).toBe(0);
    expect(state(dir)).toEqual(after);
    expect(existsSync(left)).toBe(false);
    expect(existsSync(running)).toBe(true);
  });
});

describe("kill -9 while a run that staged early still holds the folder's lock", () => {
  it("the lock left with a whole output does not outlive the next runs (nothing-changed runs included)", async () => {
    const dir = copyOfTemplate();
    const args = ARGS.filter((a) => !/handlers/.test(a));
    const env = { APILOOM_TEST_PAUSE: "done:1", APILOOM_TEST_EARLY_MIN: "0" };
    const run = startCli(cli, args, { cwd: dir, fake: false, env });
    await waitFor(
      () => run.output().includes("apiloom-test-paused done:1"),
      "the writer to pause at done:1",
    );
    run.child.kill("SIGKILL");
    await run.done;
    // the output is whole and new; the early staging's lock is left behind
    const busy = join(dir, "out/.apiloom-busy");
    expect(existsSync(busy)).toBe(true);
    // --check finds the files as a run makes them (and records so); the next run then skips
    const check = await runCli(cli, [...args, "--check"], {
      cwd: dir,
      fake: false,
    });
    expect(check.code, check.stderr).toBe(0);
    const next = await runCli(cli, args, { cwd: dir, fake: false });
    expect(next.code, next.stderr).toBe(0);
    expect(existsSync(busy)).toBe(false);
  });
});
