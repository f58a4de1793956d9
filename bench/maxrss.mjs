// Preloaded into each timed process (node --import): reports its peak memory and CPU time when
// it exits, as JSON.
import { writeFileSync } from "node:fs";

const target = process.env.APILOOM_BENCH_RSS_FILE;
if (target)
  process.on("exit", () => {
    const usage = process.resourceUsage();
    writeFileSync(
      target,
      JSON.stringify({
        // kilobytes
        maxRSS: usage.maxRSS,
        // microseconds → milliseconds
        cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
        userMs: usage.userCPUTime / 1000,
      }),
    );
  });
