import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";

/** Runs the real command line (bin/apiloom.js, built into dist/ by the global setup). */
export const REPO = fileURLToPath(new URL("../..", import.meta.url));
/** A small Swagger 2.0 pet shop written for these tests (see its README for what it holds). */
export const PETSTORE = join(
  REPO,
  "test/fixtures/pet-store-cli/pets.swagger.json",
);

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function apiloom(args: readonly string[], cwd = REPO): Run {
  const result = spawnSync(
    process.execPath,
    [join(REPO, "bin/apiloom.js"), ...args],
    { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh folder under test/cli/out/ (git-ignored). */
export function outDir(name: string): string {
  const dir = join(REPO, "test/cli/out", name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** No stack trace, no "internal error": what a user sees is a message. */
export function expectNoCrash(run: Run): void {
  expect(run.code, `stderr:\n${run.stderr}`).not.toBeNull();
  expect(run.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(run.stderr).not.toMatch(/internal error/);
}
