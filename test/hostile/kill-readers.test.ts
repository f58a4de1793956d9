import { execFileSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
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
 * `kill -9` at a counted point of a write, then a command that reads the output folder
 * (`generate --check`, `inspect`, `diff`): a run killed after its commit point is rolled forward
 * by that command first, so what it reads (and what is left) is one run's output whole, the old
 * or the new, never a mix. A run killed before its commit point left the old output whole.
 */
let cli: string;
const dirs: string[] = [];
const CONFIG = { inputs: ["pets.yaml"], out: "out", lock: false };
const GENERATE = ["generate"];

/** The output folder without apiloom's bookkeeping. */
const files = (dir: string) => {
  const all = snapshotTree(join(dir, "out"));
  for (const path of Object.keys(all))
    if (path.startsWith(".apiloom-")) delete all[path];
  return all;
};

let template: string;
let before: Record<string, string>;
let after: Record<string, string>;
let written = 0;

function copyOfTemplate(): string {
  const dir = mkdtempSync(join(tmpdir(), "apiloom-kill-read-"));
  dirs.push(dir);
  cpSync(template, dir, { recursive: true });
  cpSync(join(BOOKKEEPING, "pets-v2.yaml"), join(dir, "pets.yaml"));
  return dir;
}

beforeAll(async () => {
  cli = await buildCli();
  template = mkdtempSync(join(tmpdir(), "apiloom-kill-read-template-"));
  dirs.push(template);
  cpSync(join(BOOKKEEPING, "pets.yaml"), join(template, "pets.yaml"));
  writeFileSync(join(template, "package.json"), "{}\n");
  writeFileSync(join(template, "apiloom.config.json"), JSON.stringify(CONFIG));
  const first = await runCli(cli, GENERATE, { cwd: template, fake: false });
  expect(first.code, first.stderr).toBe(0);
  // diff --base compares with the inputs as committed
  const git = (...args: string[]) =>
    execFileSync("git", args, { cwd: template, stdio: "ignore" });
  git("init", "-q");
  git("add", "pets.yaml", "apiloom.config.json");
  git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "v1");
  before = files(template);
  const reference = copyOfTemplate();
  const whole = await runCli(cli, GENERATE, { cwd: reference, fake: false });
  expect(whole.code, whole.stderr).toBe(0);
  written = Number(/(\d+) written/.exec(whole.stderr)![1]);
  after = files(reference);
  expect(after).not.toEqual(before);
}, 120_000);

afterAll(() => {
  dirs.forEach(removeDir);
  if (cli) removeDir(dirname(cli));
});

const READERS: Record<string, string[]> = {
  "--check": ["generate", "--check"],
  inspect: ["inspect", "--config", "apiloom.config.json"],
  diff: ["diff", "--base", "HEAD"],
};

/** Each point once, the readers taking turns: MID stands for half the files written. */
const CASES: [string, string][] = [
  ["stage:1", "--check"],
  ["commit:1", "inspect"],
  ["apply:1", "--check"],
  ["apply:1", "diff"],
  ["apply:MID", "inspect"],
  ["remove:1", "--check"],
  ["manifest:1", "diff"],
];

for (const [point, reader] of CASES)
  it(`killed at ${point}, then ${reader}: the folder is one run's output whole`, async () => {
    const at = point.replace("MID", String(Math.ceil(written / 2)));
    const dir = copyOfTemplate();
    const run = startCli(cli, GENERATE, {
      cwd: dir,
      fake: false,
      env: { APILOOM_TEST_PAUSE: at },
    });
    await waitFor(
      () => run.output().includes(`apiloom-test-paused ${at}`),
      `the writer to pause at ${at}`,
    );
    run.child.kill("SIGKILL");
    expect((await run.done).signal).toBe("SIGKILL");
    const committed = existsSync(join(dir, "out/.apiloom-journal.json"));
    // the commit point is the journal's rename: before it nothing is committed
    expect(committed).toBe(!point.startsWith("stage"));

    const read = await runCli(cli, READERS[reader]!, { cwd: dir, fake: false });
    expect(read.stderr).not.toMatch(/internal error|\n\s+at /);
    const now = files(dir);
    if (committed) {
      expect(now).toEqual(after);
      expect(existsSync(join(dir, "out/.apiloom-journal.json"))).toBe(false);
      const manifest = JSON.parse(
        readFileSync(join(dir, "out/.apiloom-manifest.json"), "utf8"),
      ) as { files: Record<string, string> };
      expect(Object.keys(manifest.files).sort()).toEqual(
        Object.keys(after).sort(),
      );
    } else expect(now).toEqual(before);
    // --check passes on the new output whole, and says the old one is stale
    if (reader === "--check")
      expect(read.code, read.stderr).toBe(committed ? 0 : 1);
  });
