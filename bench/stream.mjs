// The generated client's stream parsing (issue 41): time and memory to read one line of a
// server-sent event stream and of a JSON Lines body as the line grows 4× (4, 16, 64 MiB),
// each size in a fresh process, the body arriving in 64 KiB chunks as a socket would give it.
// Linear parsing means 4× the bytes take about 4× the time (the goal: at most ~5×) and peak
// memory grows with the line, a small multiple of it. `node bench/stream.mjs` alone, or as
// part of `npm run bench` (BENCH_ONLY=stream for it only); BENCH_STREAM_SWEEP=0 skips the sizes
// and measures only the throughput against the peers. A benchmark, not a test.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
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

/**
 * Throughput against the parsers a user would otherwise take (issue 58): 64 MiB of 250-byte
 * server-sent events read by the client's iterator and by eventsource-parser (`createParser`
 * fed decoded text), and as many JSON Lines by the client's and by a plain split (a decoded
 * buffer split at `\n`, each line JSON-parsed), each in a fresh process, alternated.
 */
const PEER_CHILD = `
import { eventStream, jsonLines } from "./stream.mjs";
import { createParser } from "eventsource-parser";
const [how] = process.argv.slice(2);
const events = how.startsWith("events");
const TOTAL = 64 * 1024 * 1024;
const item = (i) => JSON.stringify({ id: i, text: "x".repeat(events ? 208 : 216) });
const record = (i) => (events ? "data: " + item(i) + "\\n\\n" : item(i) + "\\n");
let text = "";
for (let i = 0; text.length < 65536 * 4; i++) text += record(i);
const block = new TextEncoder().encode(text);
const count = Math.round((TOTAL / block.length)) * (text.split(events ? "\\n\\n" : "\\n").length - 1);
const chunks = function* () {
  for (let sent = 0; sent < TOTAL; sent += block.length)
    for (let at = 0; at < block.length; at += 65536) yield block.slice(at, at + 65536);
};
const body = () => {
  const it = chunks();
  return new ReadableStream({ pull(c) { const n = it.next(); n.done ? c.close() : c.enqueue(n.value); } });
};
// every contender starts with the platform's Response loaded, as a client that fetched has it
new Response("");
const cpu = process.cpuUsage();
const start = performance.now();
let seen = 0;
if (how === "events-apiloom") {
  const response = new Response(body(), { headers: { "Content-Type": "text/event-stream" } });
  for await (const event of await eventStream(false)(response, async () => undefined)) seen += event.data.length > 0;
} else if (how === "events-peer") {
  const decoder = new TextDecoder();
  const parser = createParser({ onEvent: (event) => (seen += event.data.length > 0) });
  for await (const chunk of body()) parser.feed(decoder.decode(chunk, { stream: true }));
} else if (how === "lines-apiloom") {
  const response = new Response(body(), { headers: { "Content-Type": "application/x-ndjson" } });
  for await (const value of await jsonLines(response, async () => undefined)) seen += value.id >= 0;
} else {
  const decoder = new TextDecoder();
  let rest = "";
  for await (const chunk of body()) {
    const lines = (rest + decoder.decode(chunk, { stream: true })).split("\\n");
    rest = lines.pop();
    for (const line of lines) if (line !== "") seen += JSON.parse(line).id >= 0;
  }
}
const ms = performance.now() - start;
const used = process.cpuUsage(cpu);
if (seen < 1000) throw new Error(how + " read " + seen);
console.log(JSON.stringify({ ms, cpuMs: (used.user + used.system) / 1000, mib: TOTAL / 1048576, seen }));
`;

/** The template's stream.ts as JavaScript, and the child script, in a temp folder. */
async function prepare() {
  const { transform } = await import("esbuild");
  const { readFileSync } = await import("node:fs");
  const work = mkdtempSync(join(tmpdir(), "apiloom-stream-"));
  const source = readFileSync(
    process.env.BENCH_STREAM_SOURCE ?? join(ROOT, "templates/client/stream.ts"),
    "utf8",
  );
  const { code } = await transform(source, { loader: "ts", format: "esm" });
  writeFileSync(join(work, "stream.mjs"), code);
  writeFileSync(join(work, "child.mjs"), CHILD);
  writeFileSync(join(work, "peer-child.mjs"), PEER_CHILD);
  symlinkSync(join(ROOT, "node_modules"), join(work, "node_modules"));
  return work;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/** Rows of { kind, mib, ms, peakMiB, overMiB } (medians of RUNS fresh processes each). */
export async function streamTimes() {
  const work = await prepare();
  try {
    const rows = [];
    for (const kind of ["events", "lines"])
      for (const mib of process.env.BENCH_STREAM_SWEEP === "0" ? [] : SIZES) {
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
    // throughput against the peers: contenders alternated, RUNS rounds
    const peers = [
      "events-apiloom",
      "events-peer",
      "lines-apiloom",
      "lines-peer",
    ];
    const runs = new Map(peers.map((how) => [how, []]));
    for (let i = 0; i < RUNS; i++)
      for (const how of peers)
        runs
          .get(how)
          .push(
            JSON.parse(
              execFileSync(
                process.execPath,
                [join(work, "peer-child.mjs"), how],
                { cwd: work, encoding: "utf8" },
              ),
            ),
          );
    rows.peers = peers.map((how) => ({
      how,
      ms: median(runs.get(how).map((r) => r.ms)),
      cpuMs: median(runs.get(how).map((r) => r.cpuMs)),
      mib: runs.get(how)[0].mib,
    }));
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
  if (!rows.peers) return;
  const label = {
    "events-apiloom": "server-sent events, the client's iterator",
    "events-peer": "server-sent events, eventsource-parser",
    "lines-apiloom": "JSON Lines, the client's iterator",
    "lines-peer": "JSON Lines, a plain split and JSON.parse",
  };
  console.log(
    `\nThroughput, 64 MiB of 250-byte items in 64 KiB chunks (medians of ${RUNS} fresh processes each, alternated):\n`,
  );
  console.log(
    "| stream | wall | CPU | MiB per CPU second | to the peer's throughput |",
  );
  console.log("| --- | ---: | ---: | ---: | ---: |");
  const by = new Map(rows.peers.map((r) => [r.how, r]));
  for (const r of rows.peers) {
    const peer = r.how.endsWith("-apiloom")
      ? by.get(r.how.replace("-apiloom", "-peer"))
      : undefined;
    console.log(
      `| ${label[r.how]} | ${r.ms.toFixed(0)} ms | ${r.cpuMs.toFixed(0)} ms | ${((r.mib * 1000) / r.cpuMs).toFixed(0)} | ${peer ? (peer.cpuMs / r.cpuMs).toFixed(2) + "×" : ""} |`,
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href)
  printStreamTimes(await streamTimes());
