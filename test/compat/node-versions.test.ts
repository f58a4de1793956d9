import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "../cli/run.js";
import { NODE_BINARIES, nodeBinariesProblem } from "./node-binaries.js";

/*
 * Node 22 and 24 are first-class (issue 46): the CLI runs on each (through its launcher, with
 * its code cache and V8 flags) and makes the same bytes as on Node 20. `generate --check --force`
 * parses, merges and emits Stride afresh and compares every file with generated/, which Node 20
 * made. The generated client and server run on them in runtimes.test.ts.
 */
const CLI = join(REPO, "bin/apiloom.js");

describe("the CLI on Node 22 and 24", () => {
  it("has both binaries", () => {
    expect(nodeBinariesProblem()).toBeUndefined();
  });

  it.each(Object.entries(NODE_BINARIES))(
    "%s: makes generated/ byte for byte as Node 20 did",
    (name, node) => {
      const version = spawnSync(node, ["--version"], { encoding: "utf8" });
      expect(version.stdout).toMatch(
        new RegExp(`^v${name.slice("node".length)}\\.`),
      );
      const run = spawnSync(node, [CLI, "generate", "--check", "--force"], {
        cwd: REPO,
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "1" },
      });
      expect(run.status, run.stderr + run.stdout).toBe(0);
      expect(run.stderr).toMatch(
        /^apiloom: generated\/ is up to date: 49 endpoints, \d+ files/m,
      );
      expect(run.stdout).toBe("");
    },
    120_000,
  );
});
