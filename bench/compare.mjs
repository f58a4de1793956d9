#!/usr/bin/env node
// node bench/compare.mjs [label=folder ...]: apiloom builds against each other on GitHub's REST
// description (all artifacts), alternated round after round in one run so that a load that
// comes and goes hits each alike; openapi-typescript (types) alternated with them, for the
// ratio issue 44's speed check is stated in. Each folder is an apiloom checkout with dist/
// built (npm run build); without arguments, this checkout alone. Prints the load at start and
// end, then the medians of wall time, CPU time (user + system of the whole process) and peak
// RSS, and each build's ratio to the first and to openapi-typescript. Needs the bench's cache
// (npm run bench installs it: APILOOM_BENCH_CACHE, default ~/.cache/apiloom-bench).
//
// BENCH_RUNS=n counted rounds (default 7) after BENCH_WARMUP=n uncounted ones (default 1);
// BENCH_PEERS=0 leaves openapi-typescript out; BENCH_SPEC=file times another description.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { benchCache } from "./cache.mjs";
import { loadLines, median, ratio } from "./report.mjs";

const BENCH = dirname(fileURLToPath(import.meta.url));
const CACHE = benchCache();
const MODULES = join(CACHE, "node_modules");
const SPEC =
  process.env.BENCH_SPEC ??
  join(MODULES, "@octokit/openapi/generated/api.github.com.json");
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1);
const PEERS = process.env.BENCH_PEERS !== "0";
const NODE_FLAGS = ["--max-old-space-size=8192"];

/** One timed child process: wall, CPU (maxrss.mjs reports it at exit), peak RSS, exit code. */
function timed(args, cwd) {
  const usageFile = join(tmpdir(), `apiloom-compare-usage-${process.pid}`);
  rmSync(usageFile, { force: true });
  const preload = pathToFileURL(join(BENCH, "maxrss.mjs")).href;
  const start = process.hrtime.bigint();
  const run = spawnSync(
    process.execPath,
    [...NODE_FLAGS, "--import", preload, ...args],
    {
      cwd,
      encoding: "utf8",
      env: { ...process.env, APILOOM_BENCH_RSS_FILE: usageFile, NO_COLOR: "1" },
      maxBuffer: 1 << 30,
    },
  );
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const usage = existsSync(usageFile)
    ? JSON.parse(readFileSync(usageFile, "utf8"))
    : { maxRSS: NaN, cpuMs: NaN };
  rmSync(usageFile, { force: true });
  if (run.status !== 0)
    throw new Error(
      `${args.join(" ")} failed (exit ${run.status}): ${(run.stderr ?? "").slice(-400)}`,
    );
  return { ms, cpuMs: usage.cpuMs, rssMb: usage.maxRSS / 1024 };
}

function main() {
  if (!existsSync(SPEC))
    throw new Error(`${SPEC} is missing: run npm run bench once to install it`);
  const given = process.argv.slice(2).map((arg) => {
    const at = arg.indexOf("=");
    return at === -1
      ? { label: arg, dir: resolve(arg) }
      : { label: arg.slice(0, at), dir: resolve(arg.slice(at + 1)) };
  });
  const builds =
    given.length > 0 ? given : [{ label: "this", dir: dirname(BENCH) }];
  const work = mkdtempSync(join(tmpdir(), "apiloom-compare-"));
  const cases = builds.map(({ label, dir }, k) => ({
    label,
    run: (i) =>
      timed(
        [
          join(dir, "bin/apiloom.js"),
          "generate",
          SPEC,
          "--out",
          join(work, `b${k}-${i}`),
          "--no-config",
          "--no-lock",
          "--max-diagnostics",
          "0",
        ],
        work,
      ),
  }));
  const ots = join(MODULES, "openapi-typescript");
  if (PEERS && existsSync(ots))
    cases.push({
      label: "openapi-typescript (types)",
      peer: true,
      run: (i) =>
        timed(
          [
            join(ots, "bin/cli.js"),
            SPEC,
            "--output",
            join(work, `ots-${i}.d.ts`),
          ],
          work,
        ),
    });
  const cores = availableParallelism();
  for (const line of loadLines("start", loadavg(), cores)) console.log(line);
  for (let w = 0; w < WARMUP; w++) for (const c of cases) c.run(`w${w}`);
  const results = cases.map(() => []);
  for (let i = 0; i < RUNS; i++)
    cases.forEach((c, k) => results[k].push(c.run(i)));
  const endLoad = loadLines("end", loadavg(), cores);
  rmSync(work, { recursive: true, force: true });
  const rows = cases.map((c, k) => ({
    label: c.label,
    peer: c.peer,
    ms: median(results[k].map((r) => r.ms)),
    cpuMs: median(results[k].map((r) => r.cpuMs)),
    rssMb: median(results[k].map((r) => r.rssMb)),
  }));
  const first = rows[0];
  const peer = rows.find((r) => r.peer);
  const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
  console.log(
    `\n| build | wall | CPU | peak RSS | to ${first.label}: wall, CPU, RSS | to openapi-typescript: wall, CPU |`,
  );
  console.log("| --- | ---: | ---: | ---: | --- | --- |");
  for (const r of rows)
    console.log(
      `| ${r.label} | ${s(r.ms)} | ${s(r.cpuMs)} | ${r.rssMb.toFixed(0)} MiB | ${
        r.peer
          ? ""
          : `${ratio(r.ms, first.ms)}, ${ratio(r.cpuMs, first.cpuMs)}, ${ratio(r.rssMb, first.rssMb)}`
      } | ${peer && !r.peer ? `${ratio(r.ms, peer.ms)}, ${ratio(r.cpuMs, peer.cpuMs)}` : ""} |`,
    );
  console.log(
    `\nmedians of ${RUNS} alternated rounds after ${WARMUP} warm-up; node ${process.version}, ${cores} cores; ${SPEC}`,
  );
  for (const line of endLoad) console.log(line);
}

main();
