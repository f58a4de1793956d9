import {
  copyFileSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
} from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { expect } from "vitest";
import { FIXTURES, outDir, type Run, expectNoCrash } from "./cli.js";

/** The fixtures of the files a person keeps beside the output: the handlers file, the lock. */
export const USER_FILES = join(FIXTURES, "user-files");

/**
 * A project under test/hostile/out/ with the config of user-files/ (inputs specs/*.yaml, out
 * generated/, handlers src/handlers.ts) and the given specs copied into specs/.
 */
export function userProject(name: string, specs: string[]): string {
  const dir = outDir(name);
  copyFileSync(
    join(USER_FILES, "apiloom.config.json"),
    join(dir, "apiloom.config.json"),
  );
  setSpecs(dir, specs);
  return dir;
}

/** Replaces the project's specs/ with copies of the given fixtures. */
export function setSpecs(dir: string, specs: string[]): void {
  const folder = join(dir, "specs");
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  for (const spec of specs)
    copyFileSync(join(USER_FILES, spec), join(folder, spec));
}

/** Every entry under `dir`: files as the sha256 of their bytes, links as `-> target`, folders as `/`. */
export function treeBytes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (sub: string) => {
    for (const name of readdirSync(join(dir, sub))) {
      const rel = sub ? `${sub}/${name}` : name;
      const full = join(dir, rel);
      const stat = lstatSync(full);
      if (stat.isSymbolicLink()) out[rel] = `-> ${readlinkSync(full)}`;
      else if (stat.isDirectory()) {
        out[rel] = "/";
        walk(rel);
      } else if (!stat.isFile())
        out[rel] = "special"; // a FIFO: reading it would never end
      else
        out[rel] = createHash("sha256")
          .update(readFileSync(full))
          .digest("hex");
    }
  };
  walk("");
  return out;
}

/** A refused run: exit 2, the one line `apiloom generate: …` matching `message`, no trace. */
export function expectRefused(run: Run, message: RegExp): void {
  expectNoCrash(run);
  expect(run.code, run.stderr).toBe(2);
  const lines = run.stderr.trimEnd().split("\n");
  const refusals = lines.filter((l) => l.startsWith("apiloom generate: "));
  expect(refusals, run.stderr).toHaveLength(1);
  expect(refusals[0]).toMatch(message);
  // and nothing else (the line naming the config is --verbose's)
  expect(lines.filter((l) => !refusals.includes(l))).toEqual([]);
}
