import { spawnSync } from "node:child_process";
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";

/**
 * Runs the real command line (bin/apiloom.js, built into dist/ by the global setup) on hostile
 * inputs, the way a user would meet them.
 */
export const REPO = fileURLToPath(new URL("../..", import.meta.url));
export const FIXTURES = join(REPO, "test/fixtures/hostile");

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Wall time in milliseconds (reported, never asserted against a speed target). */
  ms: number;
}

/** A hang guard only: a run that takes this long is stuck, not slow. */
const HANG_GUARD_MS = 60_000;

export function apiloom(
  args: readonly string[],
  cwd = REPO,
  env: Record<string, string> = {},
): Run {
  const started = performance.now();
  const result = spawnSync(
    process.execPath,
    [join(REPO, "bin/apiloom.js"), ...args],
    {
      cwd,
      encoding: "utf8",
      timeout: HANG_GUARD_MS,
      env: { ...process.env, NO_COLOR: "1", ...env },
    },
  );
  return {
    code: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    ms: performance.now() - started,
  };
}

/** A fresh folder under test/hostile/out/ (git-ignored; inside the repo so `fastify` resolves). */
export function outDir(name: string): string {
  const dir = join(REPO, "test/hostile/out", name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * `generate` of `inputs` into `out`, with no config file and no name lock; `--verbose`, since the
 * tests read every warning (a default run prints only new ones).
 */
export function generateInto(out: string, ...inputs: string[]): Run {
  return apiloom([
    "generate",
    "--verbose",
    "--no-config",
    "--no-lock",
    "-o",
    out,
    ...inputs,
  ]);
}

/** No stack trace, no "internal error": what a user sees is a diagnostic. */
export function expectNoCrash(run: Run): void {
  expect(run.code, `stderr:\n${run.stderr}`).not.toBeNull();
  expect(run.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(run.stderr).not.toMatch(/internal error|RangeError|TypeError/);
}

/**
 * Asserts a rejected run: exit 1, the diagnostic `code` at `file:line` (and column when given),
 * and the output folder exactly as it was (a marker file put there before stays, nothing added).
 */
export function expectRejected(
  run: Run,
  out: string,
  where: { file: string; line: number; column?: number; code: string },
): void {
  expectNoCrash(run);
  expect(run.code, run.stderr).toBe(1);
  const place = `${where.file}:${where.line}:${where.column ?? ""}`;
  const lines = run.stderr.split("\n");
  const hit = lines.find(
    (l) => l.startsWith(place) && l.includes(` ${where.code} `),
  );
  expect(hit, `no "${place} … ${where.code}" in:\n${run.stderr}`).toBeDefined();
  expect(listTree(out)).toEqual([MARKER]);
  expect(readFileSync(join(out, MARKER), "utf8")).toBe("before\n");
}

const MARKER = "marker.txt";

/** An output folder holding one file, to show that a rejected run leaves it as it was. */
export function markedOutDir(name: string): string {
  const dir = outDir(name);
  writeFileSync(join(dir, MARKER), "before\n");
  return dir;
}

function listTree(dir: string, prefix = ""): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory()
      ? listTree(path, `${prefix}${entry}/`)
      : [`${prefix}${entry}`];
  });
}

/**
 * Node's arguments that make a child write its own peak RSS (KiB) to `file` as it exits: a
 * memory ceiling a test can read, not a timing.
 */
export function recordPeakArgs(file: string): string[] {
  const record = `import { writeFileSync } from "node:fs"; process.on("exit", () => writeFileSync(${JSON.stringify(file)}, String(process.resourceUsage().maxRSS)));`;
  return ["--import", `data:text/javascript,${encodeURIComponent(record)}`];
}
