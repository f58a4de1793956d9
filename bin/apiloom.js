#!/usr/bin/env node
// Thin launcher: the CLI is compiled from src/ into dist/ by `npm run build` (run on install), and
// its modules joined into one file, dist/cli/bundle.js (scripts/bundle.mjs: loading ~300 ES
// modules one by one was ~70 ms of every run).
import v8 from "node:v8";

// A run is short and its hot code (the emitters' recursive walks over schemas, the doc printer)
// is large and sees many shapes of object. With V8's default tier-up budget (66 KB of bytecode)
// TurboFan optimizes those functions before their type feedback has settled, so they deoptimize
// and are compiled again, several times each: on GitHub's API that compiling was ~30% of the
// run's CPU. A larger budget optimizes only what stays hot, with settled feedback (GitHub: ~4.1 s
// -> ~2.9 s CPU, wall no slower; medium specs ~40% less; 2,000,000 rather than 1,000,000 since
// the emitters got leaner: GitHub ~7% less CPU, docs/benchmark.md). It changes when code is
// optimized, never what it computes. Set here, in the CLI's own process, before the CLI is
// loaded; the library (generate()) never sets flags in its caller's process. Only for the V8 it was
// measured on (Node 20's, 11.x): later V8s tier up by invocation counts under other flags, and a
// flag V8 does not know prints an error line on every run.
//
// The heap may grow to 1.7x what a full collection left alive (V8 lets a small heap grow to
// ~4x), so the old generation is collected more often and earlier: a run's peak memory follows
// what is alive, not when V8 happened to collect (GitHub's API: 166-212 MiB -> ~150 MiB, a
// 10,000-operation API ~257-272 -> ~220 MiB, for 5-10% more CPU; docs/benchmark.md).
if (process.versions.v8?.startsWith("11.")) {
  v8.setFlagsFromString("--interrupt-budget=2000000");
  v8.setFlagsFromString("--heap-growing-percent=70");
}

const { main } = await import("../dist/cli/bundle.js");

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(
      `apiloom: internal error: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exitCode = 2;
  },
);
