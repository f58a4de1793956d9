import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { NODE_BINARIES } from "../compat/node-binaries.js";

/**
 * bin/apiloom.js sets V8's flags for a run before it loads the CLI (see RUN_FLAGS in
 * bin/load-cli.js): a later tier-up, so that the emitters' walks are optimized once their type
 * feedback has settled, and a bounded heap growth, so that a run's peak follows what is alive.
 * Each V8 has its own knobs (Node 20's V8 11 an interrupt budget, 22's V8 12 and 24's V8 13
 * invocation counts; 24's young generation also grows no further), measured per version in
 * docs/benchmark.md. The flags change when code is optimized and when memory is collected, never
 * what the CLI computes (test/compat/node-versions.test.ts: the same bytes on each Node).
 */
const NODES: Record<string, string> = {
  node20: process.execPath,
  ...NODE_BINARIES,
};

/** The flags the launcher sets under `node`, as that Node's V8 picks them. */
function runFlags(node: string): string[] {
  const loader = pathToFileURL("bin/load-cli.js").href;
  const run = spawnSync(
    node,
    [
      "--input-type=module",
      "-e",
      `const { RUN_FLAGS } = await import(${JSON.stringify(loader)}); console.log(JSON.stringify(RUN_FLAGS[process.versions.v8.split(".")[0]] ?? []));`,
    ],
    { encoding: "utf8" },
  );
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as string[];
}

describe("the CLI launcher", () => {
  it("sets the flags, then loads the CLI (compiled after the flags)", () => {
    const launcher = readFileSync("bin/apiloom.js", "utf8");
    const source = readFileSync("bin/load-cli.js", "utf8");
    const set = launcher.indexOf("setRunFlags();");
    const load = launcher.indexOf("loadCli()");
    expect(set).toBeGreaterThan(-1);
    expect(load).toBeGreaterThan(set);
    // the CLI is compiled by loadCli, never imported as a module before the flags are set
    expect(launcher + source).not.toMatch(/\bimport\b[^;]*dist\//);
  });

  it.each(Object.entries(NODES))(
    "%s: every flag is one its V8 knows, tier-up counts above V8's defaults, and no flag error is printed",
    (name, node) => {
      const flags = runFlags(node);
      // Node 20, 22 and 24 each get a tuning (measured), whatever else runs V8's defaults
      expect(flags.length, name).toBeGreaterThan(0);
      const options = spawnSync(node, ["--v8-options"], {
        encoding: "utf8",
      }).stdout;
      for (const flag of flags) {
        const [option, value] = flag.split("=");
        const known = new RegExp(
          `^\\s+${option}\\b[^\\n]*\\n\\s+type: \\w+\\s+default: ${option}=(\\d+)`,
          "m",
        ).exec(options);
        expect(known, `${name} ${flag}`).not.toBeNull();
        if (/budget|invocation-count/.test(option!))
          expect(Number(value), flag).toBeGreaterThan(Number(known![1]));
        // the heap's growing factor (1 + percent/100): a real bound, not V8's up-to-4x for a
        // small heap, and not so tight that the old generation is collected all the time
        if (option === "--heap-growing-percent") {
          expect(Number(value)).toBeGreaterThanOrEqual(20);
          expect(Number(value)).toBeLessThanOrEqual(100);
        }
      }
      const run = spawnSync(node, ["bin/apiloom.js", "--version"], {
        encoding: "utf8",
      });
      expect(run.status).toBe(0);
      expect(run.stderr).toBe("");
      expect(run.stdout).not.toMatch(/flag/i);
    },
  );

  it("ends a run whose work waits on nothing with exit 2 and says so, never exit 0 in silence", () => {
    // a fetch whose decoder was left waiting once ended a run this way, and --check passed
    const run = (main: string) =>
      spawnSync(
        process.execPath,
        [
          "--input-type=module",
          "-e",
          `const { runCli } = await import(${JSON.stringify(pathToFileURL("bin/load-cli.js").href)}); runCli(${main}, []);`,
        ],
        { encoding: "utf8" },
      );
    const stuck = run("() => new Promise(() => {})");
    expect([stuck.status, stuck.stderr]).toEqual([
      2,
      "apiloom: internal error: the run stopped before it finished, waiting on nothing\n",
    ]);
    const done = run("async () => 3");
    expect([done.status, done.stderr]).toEqual([3, ""]);
    const thrown = run("async () => { throw new Error('boom'); }");
    expect(thrown.status).toBe(2);
    expect(thrown.stderr).toMatch(
      /^apiloom: internal error: Error: boom\n {4}at /,
    );
  });
});
