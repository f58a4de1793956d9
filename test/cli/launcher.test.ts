import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/**
 * bin/apiloom.js raises V8's tier-up budget before it loads the CLI (see the comment there: on a
 * large API, TurboFan compiling functions whose feedback has not settled, again and again, was
 * ~30% of a run's CPU). The flag changes when code is optimized, not what it computes.
 */
describe("the CLI launcher", () => {
  const source = readFileSync("bin/apiloom.js", "utf8");

  it("sets the interrupt budget, then loads the CLI (a dynamic import: after the flag)", () => {
    const flag = source.search(
      /setFlagsFromString\?\.\("--interrupt-budget=\d+"\)/,
    );
    const load = source.indexOf('await import("../dist/cli/main.js")');
    expect(flag).toBeGreaterThan(-1);
    expect(load).toBeGreaterThan(flag);
    expect(source).not.toMatch(/^import .* from "\.\.\/dist\//m);
  });

  it("raises the budget above V8's default, which is what pays", () => {
    const budget = Number(/--interrupt-budget=(\d+)/.exec(source)![1]);
    const v8Default = /--interrupt-budget=(\d+)/.exec(
      spawnSync(process.execPath, ["--v8-options"], { encoding: "utf8" })
        .stdout,
    );
    // a V8 that no longer lists the flag keeps its defaults (the launcher's call is guarded)
    if (v8Default) expect(budget).toBeGreaterThan(Number(v8Default[1]));
  });
});
