#!/usr/bin/env node
// EXPERIMENT (issue 29), not apiloom's code path: making the artifacts in worker threads.
// The emitters only read the model, so apiloom's own plugins could run on several threads, one
// worker per group of artifacts. This script times it against the serial run on one spec, using
// the built dist/ (npm run build first):
//
//   node bench/parallel-emit.mjs <spec> --jobs <n> [--transfer clone|serialize|reread]
//     [--artifacts client,docs]
//
// --jobs 1 is today's serial emit. With more, this thread keeps one group and each worker makes
// another (longest first, to the least loaded thread). How a worker gets its model:
// - clone (default): the model is structured-cloned once into each worker (workerData);
// - serialize: the model is serialized once (v8.serialize, what structured cloning does in two
//   steps) and the bytes handed to each worker, which deserializes them itself (in parallel);
// - reread: each worker reads and merges the inputs itself, started before this thread's read.
// V8's flags are the CLI's (bin/load-cli.js setRunFlags). It prints one JSON line: wall and CPU time (the whole process, and each thread's own CPU from
// /proc/thread-self/stat), peak RSS, and a hash of the files and diagnostics, which must be the
// same for every --jobs and --transfer (output byte-identical, diagnostics in the same order).
// docs/benchmark.md has the numbers measured with it and why it is not wired in.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import {
  isMainThread,
  parentPort,
  Worker,
  workerData,
} from "node:worker_threads";

const { setRunFlags } = await import("../bin/load-cli.js");
if (isMainThread) setRunFlags();
const DIST = join(dirname(dirname(fileURLToPath(import.meta.url))), "dist");
const dist = (path) => import(join(DIST, path));
const { BUILT_IN_PLUGINS, withNeeds } = await dist("emit/registry.js");
const { Reporter } = await dist("model/reporter.js");
const { importCollector } = await dist("emit/import-collector.js");
const { createTypeIndex } = await dist("emit/type-index/type-index.js");
const { loadModel } = await dist("pipeline.js");

/** This thread's CPU time so far, in ms (Linux; 10 ms ticks). */
function threadCpuMs() {
  const fields = readFileSync("/proc/thread-self/stat", "utf8")
    .split(") ")[1]
    .split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Relative cost of each emitter on GitHub's description (one profile); only the split uses it. */
const WEIGHT = {
  types: 3.5,
  client: 0.8,
  server: 1.7,
  validators: 5.2,
  docs: 2.3,
  openapi: 1.6,
};

/** Thread of each plugin name (0 = this one): longest first, each to the least loaded thread. */
function planThreads(names, jobs) {
  const load = Array.from({ length: jobs }, (_, i) => (i === 0 ? 0 : 1));
  const plan = new Map();
  const order = [...names].sort(
    (a, b) =>
      (WEIGHT[b] ?? 1) - (WEIGHT[a] ?? 1) ||
      names.indexOf(a) - names.indexOf(b),
  );
  for (const name of order) {
    let best = 0;
    for (let i = 1; i < load.length; i++) if (load[i] < load[best]) best = i;
    plan.set(name, best);
    load[best] += WEIGHT[name] ?? 1;
  }
  return plan;
}

/** Runs plugins by name in registry order, as src/emit/run.ts does; stops at the first error. */
async function emitGroup(model, names, emit) {
  const reporter = new Reporter();
  let types;
  const outcomes = [];
  for (const name of names) {
    const plugin = BUILT_IN_PLUGINS.find((p) => p.name === name);
    const before = reporter.diagnostics.length;
    try {
      const files = await plugin.emit({
        model,
        options: emit.options[name] ?? {},
        templatesDir: emit.templatesDir,
        layout: emit.layout,
        paths: emit.paths,
        get types() {
          return (types ??= createTypeIndex(model));
        },
        reporter,
        imports: importCollector,
      });
      outcomes.push({
        name,
        files,
        diagnostics: reporter.diagnostics.slice(before),
      });
    } catch (error) {
      outcomes.push({
        name,
        error: {
          className: error?.constructor?.name,
          message: String(error?.message ?? error),
          stack: error?.stack,
        },
      });
      break;
    }
  }
  return outcomes;
}

if (!isMainThread) {
  const { names, emit, model, serialized, reread } = workerData;
  const started = threadCpuMs();
  const own = reread
    ? loadModel([reread.spec], reread.load)
    : serialized
      ? v8.deserialize(serialized)
      : model;
  const received = threadCpuMs() - started;
  const outcomes = await emitGroup(own, names, emit);
  parentPort.postMessage({
    outcomes,
    cpuMs: threadCpuMs(),
    receivedMs: received,
  });
} else {
  const args = process.argv.slice(2);
  const flag = (name, fallback) => {
    const i = args.indexOf(name);
    return i < 0 ? fallback : args[i + 1];
  };
  const spec = args[0];
  const jobs = Number(flag("--jobs", "1"));
  const transfer = flag("--transfer", "clone");
  const artifacts = flag("--artifacts", undefined);
  const { resolveOptions } = await dist("workflow/settings.js");
  const { validateConfig } = await dist("workflow/config-validate.js");
  const { DEFAULT_LAYOUT } = await dist("emit/layout.js");
  const cwd = process.cwd();
  const t0 = performance.now();
  const resolved = resolveOptions(
    validateConfig(
      artifacts ? { artifacts: artifacts.split(",") } : {},
      "bench",
    ),
    {},
    {
      cwd,
      baseDir: cwd,
      file: "bench",
      layout: DEFAULT_LAYOUT,
    },
  );
  // what a worker is told: the resolved emit settings but the plugins (functions), and each
  // artifact's path; a worker finds apiloom's own plugins in its registry
  const { plugins, ...plain } = resolved.emit;
  const emit = {
    ...plain,
    paths: Object.fromEntries(plugins.map((p) => [p.name, p.path])),
  };
  const names = withNeeds(resolved.emit.artifacts, plugins);
  const plan = planThreads(names, jobs);
  const groups = Array.from({ length: jobs }, (_, i) =>
    names.filter((n) => plan.get(n) === i),
  );
  const load = { ...resolved.model, cwd };
  const workers = [];
  const start = (data, transferList = []) =>
    new Promise((resolve, reject) => {
      const worker = new Worker(fileURLToPath(import.meta.url), {
        workerData: { ...data, emit },
        transferList,
      });
      worker.once("message", resolve);
      worker.once("error", reject);
      worker.once("exit", (code) =>
        reject(new Error(`worker exited ${code} before answering`)),
      );
    });
  if (transfer === "reread")
    for (const group of groups.slice(1))
      workers.push(start({ names: group, reread: { spec, load } }));
  const model = loadModel([spec], load);
  const loadedAt = performance.now();
  const cpuBeforeClone = threadCpuMs();
  if (transfer === "clone")
    for (const group of groups.slice(1))
      workers.push(start({ names: group, model }));
  if (transfer === "serialize") {
    const bytes = v8.serialize(model);
    for (const group of groups.slice(1)) {
      const copy = new Uint8Array(bytes); // each worker is handed its own bytes
      workers.push(start({ names: group, serialized: copy }, [copy.buffer]));
    }
  }
  const cloneMs = threadCpuMs() - cpuBeforeClone;
  const mine = await emitGroup(model, groups[0], emit);
  const waitFrom = threadCpuMs();
  const answers = await Promise.all(workers);
  const receiveMs = threadCpuMs() - waitFrom;
  const byName = new Map(
    [...mine, ...answers.flatMap((a) => a.outcomes)].map((o) => [o.name, o]),
  );
  const joined = new Reporter();
  const hash = createHash("sha256");
  for (const name of names) {
    const outcome = byName.get(name);
    if (!outcome) continue;
    if (outcome.error) throw new Error(`${name}: ${outcome.error.message}`);
    joined.add(outcome.diagnostics);
    for (const file of outcome.files)
      hash.update(`${file.path}\0${file.contents}\0`);
  }
  hash.update(JSON.stringify(joined.diagnostics));
  const usage = process.resourceUsage();
  console.log(
    JSON.stringify({
      jobs,
      transfer: jobs > 1 ? transfer : "none",
      groups,
      wallMs: Math.round(performance.now() - t0),
      loadMs: Math.round(loadedAt - t0),
      processCpuMs: Math.round(
        (usage.userCPUTime + usage.systemCPUTime) / 1000,
      ),
      mainThreadCpuMs: threadCpuMs(),
      mainCloneCpuMs: cloneMs,
      mainReceiveCpuMs: receiveMs,
      workerThreadCpuMs: answers.map((a) => a.cpuMs),
      workerModelCpuMs: answers.map((a) => a.receivedMs),
      peakRssMiB: Math.round(usage.maxRSS / 1024),
      output: hash.digest("hex").slice(0, 16),
      diagnostics: joined.diagnostics.length,
    }),
  );
}
