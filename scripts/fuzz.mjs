// `npm run fuzz`: the fuzz properties of test/fuzz, long. FUZZ_RUNS (default 1000) runs per
// property, FUZZ_TYPECHECK (default 40) accepted outputs type-checked at the end, FUZZ_SEED to
// replay the seed a failure printed. `npm test` runs the same file with 25 runs.
import { spawnSync } from "node:child_process";

const env = {
  ...process.env,
  FUZZ_RUNS: process.env.FUZZ_RUNS ?? "1000",
  FUZZ_TYPECHECK: process.env.FUZZ_TYPECHECK ?? "40",
};
const started = Date.now();
const result = spawnSync(
  process.execPath,
  [
    "node_modules/vitest/vitest.mjs",
    "run",
    "test/fuzz",
    ...process.argv.slice(2),
  ],
  { env, stdio: "inherit" },
);
process.stdout.write(
  `fuzz: ${env.FUZZ_RUNS} runs per property in ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
);
process.exit(result.status ?? 1);
