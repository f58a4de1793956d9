#!/usr/bin/env node
// npm run bench: apiloom against its peers (openapi-typescript for types, oazapfts for a client)
// on GitHub's REST description (OpenAPI 3.0, ~13 MB JSON), Kubernetes' (Swagger 2.0) and a
// synthetic series of 1k, 4k and 16k operations it generates itself. A benchmark, not a test: it
// prints one table. The peers and the real specs are installed by the bench itself, from
// bench/package.json, into a cache folder outside the repository (APILOOM_BENCH_CACHE, default
// $XDG_CACHE_HOME/apiloom-bench or ~/.cache/apiloom-bench); they are never apiloom dependencies.
//
// BENCH_RUNS=n runs per case (default 3); BENCH_ONLY=github,kubernetes,synthetic-1k,... picks
// inputs; BENCH_PEERS=0 skips the peers. It ends with the generated client's bundle sizes
// (bench/bundle.mjs; BENCH_ONLY=bundle prints only those).
import { execFileSync, spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { homedir, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gunzipSync } from "node:zlib";
import { bundleSizes, printBundleSizes } from "./bundle.mjs";
import { syntheticSpec } from "./synthetic.mjs";

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(BENCH);
const CACHE =
  process.env.APILOOM_BENCH_CACHE ??
  join(
    process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"),
    "apiloom-bench",
  );
const MODULES = join(CACHE, "node_modules");
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const PEERS = process.env.BENCH_PEERS !== "0";
const ONLY = process.env.BENCH_ONLY?.split(",").filter(Boolean);
const NODE_FLAGS = ["--max-old-space-size=8192"];
const SYNTHETIC = [1000, 4000, 16000];

/** npm installs the bench's own package.json (pinned by its lock) into the cache folder. */
function installOnce() {
  mkdirSync(CACHE, { recursive: true });
  const wanted = readFileSync(join(BENCH, "package.json"), "utf8");
  const stamp = join(CACHE, "package.json");
  if (
    existsSync(stamp) &&
    readFileSync(stamp, "utf8") === wanted &&
    existsSync(join(MODULES, "oazapfts/package.json"))
  )
    return;
  console.log(`bench: installing the peers and specs into ${CACHE} (npm ci)…`);
  writeFileSync(stamp, wanted);
  copyFileSync(
    join(BENCH, "package-lock.json"),
    join(CACHE, "package-lock.json"),
  );
  execFileSync("npm", ["ci", "--no-audit", "--no-fund"], {
    cwd: CACHE,
    stdio: "inherit",
  });
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
  const all = [];
  const github = join(
    MODULES,
    "@octokit/openapi/generated/api.github.com.json",
  );
  // openapi-typescript 7 refuses Swagger 2.0; 5.x is its last line that reads it
  all.push({
    name: "github",
    file: github,
    ots: "openapi-typescript",
    previous: {
      label: "22.0.0 → 23.0.2",
      file: join(
        MODULES,
        "octokit-openapi-previous/generated/api.github.com.json",
      ),
    },
  });
  const kubernetes = join(CACHE, "specs/kubernetes-1.13.swagger.json");
  if (!existsSync(kubernetes)) {
    mkdirSync(dirname(kubernetes), { recursive: true });
    const gz = join(
      MODULES,
      "kubernetes-client/lib/specs/swagger-1.13.json.gz",
    );
    writeFileSync(kubernetes, gunzipSync(readFileSync(gz)));
  }
  all.push({
    name: "kubernetes",
    file: kubernetes,
    ots: "openapi-typescript-v5",
  });
  for (const operations of SYNTHETIC) {
    const name = `synthetic-${operations / 1000}k`;
    const file = join(CACHE, `specs/${name}.json`);
    if (!existsSync(file)) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(syntheticSpec(operations)));
    }
    all.push({ name, file, ots: "openapi-typescript", operations });
  }
  return all.filter((i) => !ONLY || ONLY.includes(i.name));
}

/** One timed child process: wall time, CPU time, peak RSS, exit code and its last stderr line. */
function timed(args, cwd) {
  const usageFile = join(tmpdir(), `apiloom-bench-usage-${process.pid}`);
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
  const lines = (run.stderr ?? "").trim().split("\n");
  return {
    ms,
    cpuMs: usage.cpuMs,
    rssMb: usage.maxRSS / 1024,
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
  if (failed.length)
    console.log(
      `bench: ${label} failed (exit ${failed[0].code}): ${failed[0].stderr.trim().split("\n").slice(-3).join(" | ").slice(0, 400)}`,
    );
  const figures = ok.length > 0 ? ok : results;
  return {
    label,
    failed: failed.length === RUNS,
    medianMs: median(figures.map((r) => r.ms)),
    minMs: Math.min(...figures.map((r) => r.ms)),
    cpuMs: median(figures.map((r) => r.cpuMs)),
    peakMb: Math.max(...figures.map((r) => r.rssMb)),
    note: figures[0].last,
  };
}

function benchInput(input) {
  const apiloom = join(ROOT, "bin/apiloom.js");
  const size = (statSync(input.file).size / 1e6).toFixed(1);
  console.log(`bench: ${input.name} (${size} MB), ${RUNS} runs each…`);
  const work = mkdtempSync(join(tmpdir(), `apiloom-bench-${input.name}-`));
  const gen = (out, ...extra) => [
    apiloom,
    "generate",
    input.file,
    "--out",
    out,
    "--no-config",
    "--no-lock",
    "--max-diagnostics",
    "0",
    ...extra,
  ];
  const rows = [];
  const full = measure("apiloom, all artifacts", (i) =>
    timed(gen(join(work, `full-${i}`)), work),
  );
  rows.push(full);
  if (!input.operations) {
    const same = measure("apiloom, nothing changed", () =>
      timed(gen(join(work, "full-0")), work),
    );
    same.peer = full;
    rows.push(same);
    const check = measure("apiloom --check, nothing changed", () =>
      timed(gen(join(work, "full-0"), "--check"), work),
    );
    check.peer = full;
    rows.push(check);
  }
  if (input.previous) {
    // two versions of the spec, each read and merged, then compared: goal ≤ 1.5× one generate
    const diff = measure(`apiloom diff ${input.previous.label}`, () =>
      timed(
        [
          apiloom,
          "diff",
          input.previous.file,
          "--to",
          input.file,
          "--no-config",
          "--format",
          "json",
        ],
        work,
      ),
    );
    diff.peer = full;
    rows.push(diff);
  }
  let types;
  let client;
  if (PEERS && !input.operations) {
    const otsDir = join(MODULES, input.ots);
    const otsVersion = JSON.parse(
      readFileSync(join(otsDir, "package.json"), "utf8"),
    ).version;
    types = measure(`openapi-typescript ${otsVersion} (types)`, (i) =>
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
    const oazVersion = JSON.parse(
      readFileSync(join(MODULES, "oazapfts/package.json"), "utf8"),
    ).version;
    client = measure(`oazapfts ${oazVersion} (client)`, (i) =>
      timed(
        [
          join(MODULES, "oazapfts/dist/cli.js"),
          input.file,
          join(work, `oazapfts-${i}.ts`),
        ],
        work,
      ),
    );
    full.peer = types.failed ? undefined : types;
    const clientOnly = measure("apiloom, client only", (i) =>
      timed(gen(join(work, `client-${i}`), "--artifacts", "client"), work),
    );
    clientOnly.peer = client.failed ? undefined : client;
    rows.push(clientOnly, types, client);
  }
  rmSync(work, { recursive: true, force: true });
  return { input, size, rows, full };
}

const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;

async function main() {
  const sizes = await bundleSizes();
  if (ONLY?.length === 1 && ONLY[0] === "bundle")
    return printBundleSizes(sizes);
  installOnce();
  buildApiloom();
  const results = inputs().map(benchInput);
  console.log("");
  console.log(
    "| spec | tool | median | min | CPU | peak RSS | ratio to peer |",
  );
  console.log("| --- | --- | ---: | ---: | ---: | ---: | --- |");
  for (const { input, size, rows } of results)
    for (const m of rows)
      console.log(
        `| ${input.name} (${size} MB) | ${m.label}${m.failed ? " (failed)" : ""} | ${seconds(m.medianMs)} | ${seconds(m.minMs)} | ${seconds(m.cpuMs)} | ${m.peakMb.toFixed(0)} MiB | ${
          m.peer
            ? `${(m.medianMs / m.peer.medianMs).toFixed(2)}× ${m.peer.label}`
            : ""
        } |`,
      );
  const synthetic = results.filter((r) => r.input.operations);
  if (synthetic.length > 0) {
    console.log("");
    for (const { input, full } of synthetic)
      console.log(
        `${input.name}: ${(full.medianMs / input.operations).toFixed(2)} ms per operation (wall), ${(full.cpuMs / input.operations).toFixed(2)} ms CPU`,
      );
    const first = synthetic.find((r) => r.input.operations === 1000);
    const last = synthetic.find((r) => r.input.operations === 16000);
    if (first && last)
      console.log(
        `16k / 1k: ${(last.full.medianMs / first.full.medianMs).toFixed(1)}× wall, ${(last.full.cpuMs / first.full.cpuMs).toFixed(1)}× CPU (linear would be 16×; goal ≤ 18×)`,
      );
  }
  console.log("");
  for (const { input, full } of results)
    console.log(`${input.name}: ${full.note}`);
  console.log(
    `\nnode ${process.version}, ${RUNS} runs per case; wall time and peak RSS per process, start-up included;` +
      " CPU is user + system time (it includes the garbage collector's threads)." +
      " apiloom makes client, server, docs and openapi unless told otherwise.",
  );
  printBundleSizes(sizes);
}

main();
