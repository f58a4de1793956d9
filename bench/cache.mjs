// Where `npm run bench` installs the peers and specs it measures against: outside the
// repository, never as apiloom dependencies.
import { homedir } from "node:os";
import { join } from "node:path";

/** APILOOM_BENCH_CACHE, else $XDG_CACHE_HOME/apiloom-bench, else ~/.cache/apiloom-bench. */
export function benchCache() {
  return (
    process.env.APILOOM_BENCH_CACHE ??
    join(
      process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"),
      "apiloom-bench",
    )
  );
}
