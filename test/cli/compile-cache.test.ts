import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { NODE_BINARIES } from "../compat/node-binaries.js";
import { PETSTORE, REPO } from "./run.js";

/**
 * On Node 22.1+ the CLI keeps V8's compiled code of the packages a run loads (ts-morph's
 * TypeScript, for the handlers file) in the project's cache, node_modules/.cache/apiloom/compiled/
 * (src/cli/main.ts; docs/benchmark.md), and creates nothing in a project without node_modules.
 */
function generateWithHandlers(project: string) {
  copyFileSync(PETSTORE, join(project, "pets.json"));
  writeFileSync(join(project, "package.json"), '{ "private": true }\n');
  const run = spawnSync(
    NODE_BINARIES.node24,
    [
      join(REPO, "bin/apiloom.js"),
      "generate",
      "pets.json",
      "--out",
      "api",
      "-a",
      "server",
      "--server-handlers",
      "handlers.ts",
      "--no-config",
      "-q",
    ],
    { cwd: project, encoding: "utf8" },
  );
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
}

describe("the compile cache of a run's packages", () => {
  it("is kept in the project's node_modules/.cache/apiloom/compiled/", () => {
    const project = mkdtempSync(join(tmpdir(), "apiloom-compile-cache-"));
    mkdirSync(join(project, "node_modules"));
    generateWithHandlers(project);
    const kept = join(project, "node_modules/.cache/apiloom/compiled");
    expect(existsSync(kept)).toBe(true);
    // Node keeps a folder per version of itself, with an entry per module compiled
    const [version] = readdirSync(kept);
    expect(readdirSync(join(kept, version!)).length).toBeGreaterThan(0);
  });

  it("is not made in a project without node_modules", () => {
    const project = mkdtempSync(join(tmpdir(), "apiloom-compile-cache-"));
    generateWithHandlers(project);
    expect(readdirSync(project).sort()).toEqual([
      "api",
      "handlers.ts",
      "package.json",
      "pets.json",
    ]);
  });
});
