// Hostile overlays (issue 60): what the overlays an attacker can add to the inputs' folder cost a
// run now that overlay evaluation is bounded (src/ingest/overlay/bounds.ts). Each case is one
// `apiloom generate` in a fresh process (dist/, built), its wall time, CPU and peak RSS the
// medians of BENCH_OVERLAY_RUNS (default 3), alternated with a peer: the same input under a
// harmless one-action overlay. Goal: every case ends (exit 1 with overlay/limit, or 0) within 5 s
// of CPU and 600 MiB. `node bench/overlay-bounds.mjs` alone, or in `npm run bench`
// (BENCH_ONLY=overlay for it only). A benchmark, not a test: the outcomes are asserted in
// test/hostile/overlay-bounds.test.ts.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const RUNS = Number(process.env.BENCH_OVERLAY_RUNS ?? 3);
const GOAL = { cpuMs: 5000, rssMb: 600 };

const chain = (depth, key, leaf) => {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = { [key]: value };
  return value;
};
const api = (extra) => ({
  openapi: "3.1.0",
  info: { title: "t", version: "1" },
  paths: {
    "/a": {
      get: {
        description: "a".repeat(30) + "!",
        responses: { 200: { description: "ok" } },
      },
    },
  },
  ...extra,
});
const overlay = (actions) => ({
  overlay: "1.1.0",
  info: { title: "attack", version: "1" },
  actions,
});

const CASES = [
  {
    name: "a dozen $..[?@.*] actions adding members",
    input: api({}),
    actions: Array.from({ length: 12 }, (_, i) => ({
      target: "$..[?@.*]",
      update: { [`m${i}`]: { a: 1, b: [1, 2], c: { d: 1 } } },
    })),
  },
  {
    name: "$..description on a 60-deep document",
    input: api({ "x-deep": chain(60, "a", { description: "x" }) }),
    actions: [{ target: "$..description", remove: true }],
  },
  {
    name: "$..a..a..a..a..a..a on a 44-deep chain",
    input: api({ "x-chain": chain(44, "a", {}) }),
    actions: [{ target: "$..a..a..a..a..a..a", update: { x: 1 } }],
  },
  {
    name: "match(@.description, '(a+)+') on 31 characters",
    input: api({}),
    actions: [
      { target: "$..[?match(@.description, '(a+)+')]", update: { x: 1 } },
    ],
  },
];

function measure(dir, overlayText) {
  writeFileSync(join(dir, "o.overlay.json"), overlayText);
  const rssFile = join(dir, "rss.json");
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    [
      "--import",
      pathToFileURL(join(ROOT, "bench/maxrss.mjs")).href,
      join(ROOT, "bin/apiloom.js"),
      "generate",
      "api.json",
      "--overlay",
      "o.overlay.json",
      "--no-lock",
      "--out",
      "out",
    ],
    {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1", APILOOM_BENCH_RSS_FILE: rssFile },
    },
  );
  const wallMs = performance.now() - started;
  const { maxRSS, cpuMs } = JSON.parse(readFileSync(rssFile, "utf8"));
  const limit = /overlay\/limit/.test(run.stderr);
  return { wallMs, cpuMs, rssMb: maxRSS / 1024, code: run.status, limit };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export function overlayBounds() {
  const rows = [];
  for (const c of CASES) {
    const dir = mkdtempSync(join(tmpdir(), "apiloom-bench-overlay-"));
    try {
      writeFileSync(join(dir, "api.json"), JSON.stringify(c.input));
      const attack = JSON.stringify(overlay(c.actions));
      const peer = JSON.stringify(
        overlay([{ target: "$.info", update: { summary: "s" } }]),
      );
      const a = [];
      const p = [];
      for (let i = 0; i < RUNS; i++) {
        a.push(measure(dir, attack));
        p.push(measure(dir, peer));
      }
      const m = (runs, key) => median(runs.map((r) => r[key]));
      rows.push({
        name: c.name,
        outcome: a[0].limit
          ? `exit ${a[0].code}, overlay/limit`
          : `exit ${a[0].code}`,
        wallMs: m(a, "wallMs"),
        cpuMs: m(a, "cpuMs"),
        rssMb: m(a, "rssMb"),
        peer: {
          wallMs: m(p, "wallMs"),
          cpuMs: m(p, "cpuMs"),
          rssMb: m(p, "rssMb"),
        },
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return rows;
}

export function printOverlayBounds(rows) {
  console.log("\nHostile overlays (bench/overlay-bounds.mjs):\n");
  console.log(
    "| overlay | outcome | wall | CPU | peak RSS | to a harmless overlay: wall, CPU, RSS | goal |",
  );
  console.log("| --- | --- | ---: | ---: | ---: | --- | --- |");
  for (const r of rows) {
    const met = r.cpuMs <= GOAL.cpuMs && r.rssMb <= GOAL.rssMb;
    console.log(
      `| ${r.name} | ${r.outcome} | ${(r.wallMs / 1000).toFixed(2)} s | ${(r.cpuMs / 1000).toFixed(2)} s | ${r.rssMb.toFixed(0)} MiB | ${(r.wallMs / r.peer.wallMs).toFixed(1)}×, ${(r.cpuMs / r.peer.cpuMs).toFixed(1)}×, ${(r.rssMb / r.peer.rssMb).toFixed(1)}× | ${met ? "met" : "NOT met"} (≤ ${GOAL.cpuMs / 1000} s CPU, ≤ ${GOAL.rssMb} MiB) |`,
    );
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url))
  printOverlayBounds(overlayBounds());
