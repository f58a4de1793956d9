import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/**
 * bin/apiloom.js raises V8's tier-up budget before it loads the CLI (see the comment in
 * bin/load-cli.js: on a large API, TurboFan compiling functions whose feedback has not settled,
 * again and again, was ~30% of a run's CPU). The flag changes when code is optimized, not what it
 * computes.
 */
describe("the CLI launcher", () => {
  const launcher = readFileSync("bin/apiloom.js", "utf8");
  const source = readFileSync("bin/load-cli.js", "utf8");

  it("sets the interrupt budget and the heap's growing factor in Node 20's V8 only, then loads the CLI (compiled after the flags)", () => {
    const flag = source.search(
      /if \(process\.versions\.v8\?\.startsWith\("11\."\)\) \{\s*v8\.setFlagsFromString\("--interrupt-budget=\d+"\);\s*v8\.setFlagsFromString\("--heap-growing-percent=\d+"\);\s*\}/,
    );
    expect(flag).toBeGreaterThan(-1);
    const set = launcher.indexOf("setRunFlags();");
    const load = launcher.indexOf("loadCli()");
    expect(set).toBeGreaterThan(-1);
    expect(load).toBeGreaterThan(set);
    // the CLI is compiled by loadCli, never imported as a module before the flags are set
    expect(launcher + source).not.toMatch(/\bimport\b[^;]*dist\//);
  });

  it("raises the budget above the default of a V8 that has the flag, and the CLI prints no flag error", () => {
    const budget = Number(/--interrupt-budget=(\d+)/.exec(source)![1]);
    const v8Default = /--interrupt-budget=(\d+)/.exec(
      spawnSync(process.execPath, ["--v8-options"], { encoding: "utf8" })
        .stdout,
    );
    // the launcher sets the flag in V8 11 only: such a V8 must know it (else every run would
    // print "unrecognized flag"), and the budget must be above its default, which is what pays
    if (process.versions.v8.startsWith("11.")) {
      expect(v8Default).not.toBeNull();
      expect(budget).toBeGreaterThan(Number(v8Default![1]));
    }
    // the heap's growing factor (1 + percent/100): V8 11 knows the flag, whose default (0) leaves
    // the factor to V8's heuristics (up to 4x for a small heap); the launcher's must be a real
    // bound, below V8's own minimum factor for a large heap (1.1x would collect too often)
    const percent = Number(/--heap-growing-percent=(\d+)/.exec(source)![1]);
    if (process.versions.v8.startsWith("11."))
      expect(
        spawnSync(process.execPath, ["--v8-options"], { encoding: "utf8" })
          .stdout,
      ).toContain("--heap-growing-percent");
    expect(percent).toBeGreaterThanOrEqual(20);
    expect(percent).toBeLessThanOrEqual(100);
    const run = spawnSync(process.execPath, ["bin/apiloom.js", "--version"], {
      encoding: "utf8",
    });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout).not.toMatch(/flag/i);
  });
});
