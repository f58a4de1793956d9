// The generated client's stream parsing (issue 41): time and memory to read one line of a
// server-sent event stream and of a JSON Lines body as the line grows 4× (4, 16, 64 MiB),
// each size in a fresh process, the body arriving in 64 KiB chunks as a socket would give it.
// Linear parsing means 4× the bytes take about 4× the time (the goal: at most ~5×) and peak
// memory grows with the line, a small multiple of it. `node bench/stream.mjs` alone, or as
// part of `npm run bench` (BENCH_ONLY=stream for it only). A benchmark, not a test.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const MiB = 1024 * 1024;
export const SIZES = [4, 16, 64];
const RUNS = Number(process.env.BENCH_STREAM_RUNS ?? 3);

/** One measurement, run in a child process: reads one line of `size` MiB, prints JSON. */
const CHILD = `
import { eventStream, jsonLines } from "./stream.mjs";
const [kind, mib] = process.argv.slice(2);
const size = Number(mib) * 1024 * 1024;
const [head, tail] = kind === "events" ? ["data: ", "\\n\\n"] : ['{"id":"', '"}\\n'];
const encode = (text) => new TextEncoder().encode(text);
let sent = -1;
const body = new ReadableStream({
  pull(c) {
    if (sent < 0) (sent = 0), c.enqueue(encode(head));
    // a fresh 64 KiB of "x" each time, as a socket gives fresh buffers
    else if (sent < size) (sent += 65536), c.enqueue(new Uint8Array(65536).fill(120));
    else c.enqueue(encode(tail)), c.close();
  },
});
const type = kind === "events" ? "text/event-stream" : "application/x-ndjson";
const response = new Response(body, { headers: { "Content-Type": type } });
const options = { maxLineBytes: 2 * size };
const before = process.memoryUsage().rss;
const cpu = process.cpuUsage();
const start = performance.now();
const read = kind === "events" ? eventStream(false) : jsonLines;
const items = await read(response, async () => undefined, options);
let length = 0;
for await (const item of items)
  length = kind === "events" ? item.data.length : item.id.length;
const ms = performance.now() - start;
const used = process.cpuUsage(cpu);
const cpuMs = (used.user + used.system) / 1000;
if (length !== size) throw new Error("read " + length + " of " + size + " bytes");
const peak = process.resourceUsage().maxRSS * 1024;
console.log(JSON.stringify({ ms, cpuMs, before, peak }));
`;

/** The template's stream.ts as JavaScript, and the child script, in a temp folder. */
async function prepare() {
  const { transform } = await import("esbuild");
  const { readFileSync } = await import("node:fs");
  const work = mkdtempSync(join(tmpdir(), "apiloom-stream-"));
  const source = readFileSync(join(ROOT, "templates/client/stream.ts"), "utf8");
  const { code } = await transform(source, { loader: "ts", format: "esm" });
  writeFileSync(join(work, "stream.mjs"), code);
  writeFileSync(join(work, "child.mjs"), CHILD);
  return work;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/** Rows of { kind, mib, ms, peakMiB, overMiB } (medians of RUNS fresh processes each). */
export async function streamTimes() {
  const work = await prepare();
  try {
    const rows = [];
    for (const kind of ["events", "lines"])
      for (const mib of SIZES) {
        const runs = [];
        for (let i = 0; i < RUNS; i++)
          runs.push(
            JSON.parse(
              execFileSync(
                process.execPath,
                [join(work, "child.mjs"), kind, String(mib)],
                { cwd: work, encoding: "utf8" },
              ),
            ),
          );
        rows.push({
          kind,
          mib,
          ms: median(runs.map((r) => r.ms)),
          cpuMs: median(runs.map((r) => r.cpuMs)),
          peakMiB: median(runs.map((r) => r.peak / MiB)),
          overMiB: median(runs.map((r) => (r.peak - r.before) / MiB)),
        });
      }
    return rows;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export function printStreamTimes(rows) {
  console.log(
    "\nStream parsing of the generated client (one line in fresh 64 KiB chunks, templates/client/stream.ts; medians of " +
      `${RUNS} fresh processes per size; CPU is the process's user + system time while reading, the garbage collector's threads included):\n`,
  );
  console.log(
    "| stream | line | wall | CPU | × CPU for 4× bytes | peak RSS over the start | ÷ line |",
  );
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
  const goals = [];
  for (const [i, r] of rows.entries()) {
    const before = rows[i - 1]?.kind === r.kind ? rows[i - 1] : undefined;
    const growth = before ? r.cpuMs / before.cpuMs : undefined;
    if (growth !== undefined)
      goals.push(
        `${r.kind === "events" ? "server-sent events" : "JSON Lines"} ${before.mib} → ${r.mib} MiB: ${growth.toFixed(2)}× the CPU time, ${(r.ms / before.ms).toFixed(2)}× the wall time (goal ≤ ~5×): ${growth <= 5 ? "met" : "NOT met"}`,
      );
    console.log(
      `| ${r.kind === "events" ? "server-sent events" : "JSON Lines"} | ${r.mib} MiB | ${r.ms.toFixed(0)} ms | ${r.cpuMs.toFixed(0)} ms | ${growth === undefined ? "" : growth.toFixed(2) + "×"} | ${r.overMiB.toFixed(0)} MiB | ${(r.overMiB / r.mib).toFixed(1)} |`,
    );
  }
  console.log("");
  for (const line of goals) console.log(`- ${line}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href)
  printStreamTimes(await streamTimes());
