// Preloaded into each timed process (node --import): reports its peak memory when it exits.
import { writeFileSync } from "node:fs";

const target = process.env.APILOOM_BENCH_RSS_FILE;
if (target)
  process.on("exit", () => {
    // resourceUsage().maxRSS is in kilobytes
    writeFileSync(target, String(process.resourceUsage().maxRSS));
  });
