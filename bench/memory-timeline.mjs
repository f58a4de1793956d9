#!/usr/bin/env node
// Where a run's peak memory happens: runs `apiloom generate <spec> --out <fresh dir> --no-config
// --no-lock` once under --trace-gc and prints one timeline of the stages the CLI reports (its
// progress line), every full collection (heap used before -> after, committed), and the
// process's RSS sampled every few ms from a worker thread (the main thread is busy in
// synchronous work, where a timer would not fire), with the peak and when it came.
// A diagnostic, not a benchmark: the worker and the tracing change the run a little, and full
// collections land at different moments from run to run, so run it a few times.
//
//   node bench/memory-timeline.mjs <spec> [rss sample every N ms, default 5]
//
// The same file is the preload of the process it starts (APILOOM_TIMELINE set).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

if (process.env.APILOOM_TIMELINE) preload(Number(process.env.APILOOM_TIMELINE));
else if (process.argv[1] === fileURLToPath(import.meta.url)) run();

function run() {
  const [spec, every = "5"] = process.argv.slice(2);
  if (!spec) {
    console.error("usage: node bench/memory-timeline.mjs <spec> [sample ms]");
    process.exit(2);
  }
  const root = dirname(dirname(fileURLToPath(import.meta.url)));
  const out = mkdtempSync(join(tmpdir(), "apiloom-timeline-"));
  const child = spawnSync(
    process.execPath,
    [
      "--trace-gc",
      "--import",
      fileURLToPath(import.meta.url),
      join(root, "bin/apiloom.js"),
      "generate",
      spec,
      "--out",
      join(out, "out"),
      "--no-config",
      "--no-lock",
    ],
    {
      encoding: "utf8",
      env: { ...process.env, APILOOM_TIMELINE: every },
      maxBuffer: 1 << 28,
    },
  );
  rmSync(out, { recursive: true, force: true });
  const rows = [];
  // the main isolate's lines only (a worker's isolate traces its own, at another address)
  let main;
  for (const line of child.stdout.split("\n")) {
    const gc =
      /^\[\d+:(0x[0-9a-f]+)\]\s+(\d+) ms: Mark-Compact ([\d.]+) \(([\d.]+)\) -> ([\d.]+) \(([\d.]+)\) MB/.exec(
        line,
      );
    if (gc) {
      main ??= gc[1];
      if (gc[1] === main)
        rows.push([
          Number(gc[2]),
          `full GC  ${gc[3]} -> ${gc[5]} MB used (${gc[4]} -> ${gc[6]} MB committed)`,
        ]);
    }
  }
  const report = /TIMELINE (.*)$/m.exec(child.stderr);
  if (!report) {
    console.error(child.stderr);
    process.exit(1);
  }
  const { stages, samples, peak } = JSON.parse(report[1]);
  // the progress line appears 1 s into a run: the stage drawn first may have begun before
  stages.forEach(([t, message, rss], i) =>
    rows.push([
      t,
      `stage    ${message} (RSS ${rss} MiB)${i === 0 ? " (first line drawn: began at or before)" : ""}`,
    ]),
  );
  rows.sort((a, b) => a[0] - b[0]);
  for (const [t, text] of rows)
    console.log(`${String(Math.round(t)).padStart(6)} ms  ${text}`);
  console.log(`peak RSS ${peak[1]} MiB at ${peak[0]} ms`);
  console.log(
    "RSS every ~100 ms: " +
      samples
        .filter((_, i) => i % Math.max(1, Math.round(100 / every)) === 0)
        .map(([t, rss]) => `${t}:${rss}`)
        .join(" "),
  );
}

/** In the CLI's process: the progress line's stages, and RSS from a worker. */
async function preload(every) {
  const { Worker } = await import("node:worker_threads");
  const start = performance.timeOrigin;
  const sampler = new Worker(
    `const { parentPort, workerData } = require("node:worker_threads");
     const samples = [];
     const timer = setInterval(() => samples.push([Math.round(Date.now() - workerData.start), process.memoryUsage.rss() >> 20]), workerData.every);
     parentPort.once("message", () => { clearInterval(timer); parentPort.postMessage(samples); });`,
    { eval: true, workerData: { every, start } },
  );
  // unref'd: the run ends as it would without it (beforeExit below then asks for the samples)
  sampler.unref();
  const stages = [];
  // the CLI draws its progress line on a terminal only, and from 1 s into the run
  process.stderr.isTTY = true;
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = (text, ...rest) => {
    const m = /^\r\x1b\[K(.+)…$/.exec(String(text));
    if (m) {
      stages.push([performance.now(), m[1], process.memoryUsage.rss() >> 20]);
      return true;
    }
    if (String(text) === "\r\x1b[K") return true;
    return write(text, ...rest);
  };
  let done = false;
  process.on("beforeExit", () => {
    if (done) return;
    done = true;
    sampler.once("message", (samples) => {
      let peak = [0, 0];
      for (const s of samples) if (s[1] > peak[1]) peak = s;
      write(`TIMELINE ${JSON.stringify({ stages, samples, peak })}\n`);
      sampler.terminate();
    });
    sampler.postMessage("stop");
  });
}
