#!/usr/bin/env node
// npm run bench: apiloom against openapi-typescript on GitHub's REST description (OpenAPI 3.0,
// ~13 MB JSON) and Kubernetes' (Swagger 2.0). A benchmark, not a test: it prints figures.
// BENCH_RUNS=n sets the runs per case (default 3); BENCH_ONLY=github|kubernetes picks one input.
import { execFileSync, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gunzipSync } from "node:zlib";

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(BENCH);
const MODULES = join(BENCH, "node_modules");
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const NODE_FLAGS = ["--max-old-space-size=8192"];

function installOnce() {
  if (existsSync(join(MODULES, "openapi-typescript/package.json"))) return;
  console.log(
    "bench: installing its own dependencies (npm --prefix bench install)…",
  );
  execFileSync(
    "npm",
    ["--prefix", BENCH, "install", "--no-audit", "--no-fund"],
    {
      stdio: "inherit",
    },
  );
}

function buildApiloom() {
  console.log("bench: building apiloom (tsc -p tsconfig.build.json)…");
  const tsc = spawnSync("npx", ["tsc", "-p", "tsconfig.build.json"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (!existsSync(join(ROOT, "dist/cli/main.js"))) {
    process.stderr.write(tsc.stdout + tsc.stderr);
    throw new Error("apiloom did not build");
  }
  if (tsc.status !== 0)
    console.log(
      "bench: tsc reported type errors; timing the JavaScript it emitted anyway",
    );
}

function inputs() {
  const github = join(
    MODULES,
    "@octokit/openapi/generated/api.github.com.json",
  );
  const cache = join(MODULES, ".cache/apiloom-bench");
  const kubernetes = join(cache, "kubernetes-1.13.swagger.json");
  if (!existsSync(kubernetes)) {
    mkdirSync(cache, { recursive: true });
    const gz = join(
      MODULES,
      "kubernetes-client/lib/specs/swagger-1.13.json.gz",
    );
    writeFileSync(kubernetes, gunzipSync(readFileSync(gz)));
  }
  // openapi-typescript 7 refuses Swagger 2.0; 5.x is its last line that reads it
  const all = [
    { name: "github", file: github, ots: "openapi-typescript" },
    { name: "kubernetes", file: kubernetes, ots: "openapi-typescript-v5" },
  ];
  return all.filter(
    (i) => !process.env.BENCH_ONLY || i.name === process.env.BENCH_ONLY,
  );
}

/** One timed child process: wall time, peak RSS, exit code and its last stderr line. */
function timed(args, cwd) {
  const rssFile = join(tmpdir(), `apiloom-bench-rss-${process.pid}`);
  rmSync(rssFile, { force: true });
  const preload = pathToFileURL(join(BENCH, "maxrss.mjs")).href;
  const start = process.hrtime.bigint();
  const run = spawnSync(
    process.execPath,
    [...NODE_FLAGS, "--import", preload, ...args],
    {
      cwd,
      encoding: "utf8",
      env: { ...process.env, APILOOM_BENCH_RSS_FILE: rssFile, NO_COLOR: "1" },
      maxBuffer: 1 << 30,
    },
  );
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const rssKb = existsSync(rssFile)
    ? Number(readFileSync(rssFile, "utf8"))
    : NaN;
  rmSync(rssFile, { force: true });
  const lines = (run.stderr ?? "").trim().split("\n");
  return {
    ms,
    rssMb: rssKb / 1024,
    code: run.status,
    stderr: run.stderr ?? "",
    last: lines[lines.length - 1] ?? "",
  };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs a case RUNS times; figures come from successful runs only, failures are reported. */
function measure(label, runOnce) {
  const results = [];
  for (let i = 0; i < RUNS; i++) results.push(runOnce(i));
  const ok = results.filter((r) => r.code === 0);
  const failed = results.filter((r) => r.code !== 0);
  for (const f of failed)
    console.log(
      `bench: ${label} failed (exit ${f.code}):\n${f.stderr.slice(-2000)}`,
    );
  const figures = ok.length > 0 ? ok : results;
  return {
    label: failed.length
      ? `${label} (${failed.length}/${RUNS} runs failed)`
      : label,
    medianMs: median(figures.map((r) => r.ms)),
    minMs: Math.min(...figures.map((r) => r.ms)),
    peakMb: Math.max(...figures.map((r) => r.rssMb)),
    note: figures[0].last,
  };
}

function main() {
  installOnce();
  buildApiloom();
  const apiloom = join(ROOT, "bin/apiloom.js");
  const rows = [];
  for (const input of inputs()) {
    const size = (statSync(input.file).size / 1e6).toFixed(1);
    console.log(`bench: ${input.name} (${size} MB), ${RUNS} runs each…`);
    const work = mkdtempSync(join(tmpdir(), `apiloom-bench-${input.name}-`));
    const gen = (out) => [
      apiloom,
      "generate",
      input.file,
      "--out",
      out,
      "--no-config",
      "--no-lock",
      "--max-diagnostics",
      "0",
    ];
    const cold = measure("apiloom generate", (i) => {
      const out = join(work, `cold-${i}`);
      return timed(gen(out), work);
    });
    const warm = measure("apiloom generate, nothing changed", () =>
      timed(gen(join(work, "cold-0")), work),
    );
    const otsDir = join(MODULES, input.ots);
    const otsVersion = JSON.parse(
      readFileSync(join(otsDir, "package.json"), "utf8"),
    ).version;
    const types = measure(`openapi-typescript ${otsVersion}`, (i) =>
      timed(
        [
          join(otsDir, "bin/cli.js"),
          input.file,
          "--output",
          join(work, `ots-${i}.d.ts`),
        ],
        work,
      ),
    );
    rows.push({ input: `${input.name} (${size} MB)`, cold, warm, types });
    rmSync(work, { recursive: true, force: true });
  }
  console.log("");
  console.log(
    "| input | tool | median | fastest | peak RSS | apiloom / openapi-typescript |",
  );
  console.log("| --- | --- | ---: | ---: | ---: | ---: |");
  for (const { input, cold, warm, types } of rows)
    for (const m of [cold, warm, types])
      console.log(
        `| ${input} | ${m.label} | ${(m.medianMs / 1000).toFixed(2)} s | ${(m.minMs / 1000).toFixed(2)} s | ${m.peakMb.toFixed(0)} MB | ${
          m === types ? "" : (m.medianMs / types.medianMs).toFixed(2)
        } |`,
      );
  console.log("");
  for (const { input, cold, types } of rows)
    console.log(
      `${input}:\n  apiloom: ${cold.note}\n  openapi-typescript: ${types.note}`,
    );
  console.log(
    `\nnode ${process.version}, ${RUNS} runs per case, wall time per process (start-up included);` +
      " apiloom makes client, server, docs and openapi, openapi-typescript makes one .d.ts.",
  );
}

main();
