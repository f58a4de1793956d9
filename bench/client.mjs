// The generated client at run time against openapi-fetch (issue 58): GitHub's
// `GET /repos/{owner}/{repo}/issues` with 9 query parameters, answered by a node:http server of
// this process with a small JSON body, called CALLS times one after the other. Each contender
// runs in a child process of its own per round (after WARMUP uncounted calls), with its defaults
// (apiloom's retries and timeouts on; a third contender, apiloom without the two time limits,
// shows what they cost), and reports its CPU time (user + system) and wall time; the rounds
// alternate the contenders. `BENCH_ONLY=client` (npm run bench) runs it alone, or
// `node bench/client.mjs`. BENCH_CLIENT_CALLS=n (default 20000), BENCH_CLIENT_RUNS=n rounds
// (default 5), BENCH_CLIENT_PROFILE=<folder> writes each child's CPU profile there. A benchmark,
// not a test.
import { fork } from "node:child_process";
import {
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:http";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadLines, median, ratio } from "./report.mjs";
import { bundle, generate, githubSpec } from "./server.mjs";

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(BENCH);
const CALLS = Number(process.env.BENCH_CLIENT_CALLS ?? 20000);
const WARMUP = Math.min(CALLS, 2000);
const RUNS = Number(process.env.BENCH_CLIENT_RUNS ?? 5);
const PATH = "/repos/{owner}/{repo}/issues";
const ANSWER = `[{"id":1,"number":1347,"title":"Found a bug","state":"open","labels":["bug"]}]`;

const QUERY = `{
  milestone: "*", state: "open", assignee: "octocat", creator: "octocat", mentioned: "hubot",
  labels: "bug,ui", sort: "updated", direction: "desc", per_page: 30,
}`;

/** Times `call` CALLS times after WARMUP, in a child of its own; prints its figures as JSON. */
const TIMER = `
async function timed(call) {
  for (let i = 0; i < ${WARMUP}; i++) await call();
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < ${CALLS}; i++) await call();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  process.send({ cpuUs: (used.user + used.system) / ${CALLS}, wallUs: (ms * 1000) / ${CALLS}, rss: process.memoryUsage().rss });
}
const baseUrl = process.argv[2];`;

/** apiloom's program, its client made with `options` (code). */
function apiloom(options) {
  return `
import { createClient } from "./client/index.js";
${TIMER}
const client = createClient(${options});
await timed(async () => {
  const result = await client.issuesListForRepo({
    path: { owner: "octocat", repo: "hello-world" },
    query: ${QUERY},
  });
  if (!result.ok || result.data.length !== 1) throw new Error("apiloom: " + result.status);
});`;
}

const PROGRAMS = {
  "openapi-fetch": `
import createClient from "openapi-fetch";
${TIMER}
const client = createClient({ baseUrl });
await timed(async () => {
  const { data, error } = await client.GET("${PATH}", {
    params: { path: { owner: "octocat", repo: "hello-world" }, query: ${QUERY} },
  });
  if (error !== undefined || data.length !== 1) throw new Error("openapi-fetch: " + JSON.stringify(error));
});`,
  "apiloom client": apiloom("{ baseUrl }"),
  // the same without the two default time limits: neither a signal nor a dispatcher goes to fetch
  "apiloom client, no limits": apiloom(
    "{ baseUrl, timeout: Infinity, totalTimeout: Infinity }",
  ),
};

function run(file, baseUrl) {
  const profile = process.env.BENCH_CLIENT_PROFILE;
  const child = fork(file, [baseUrl], {
    stdio: ["ignore", "ignore", "inherit", "ipc"],
    execArgv: profile
      ? ["--cpu-prof", "--cpu-prof-interval", "100", "--cpu-prof-dir", profile]
      : [],
  });
  return new Promise((resolve, reject) => {
    child.once("message", (m) => {
      child.disconnect();
      resolve(m);
    });
    child.once("exit", (code) => {
      if (code !== 0) reject(new Error(`${file} exited ${code}`));
    });
  });
}

export async function clientTimes() {
  const work = mkdtempSync(join(tmpdir(), "apiloom-client-bench-"));
  symlinkSync(join(ROOT, "node_modules"), join(work, "node_modules"));
  // the API, in this process: a small JSON answer to every request
  const server = createServer((req, res) => {
    req.resume();
    res.writeHead(200, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(ANSWER),
    });
    res.end(ANSWER);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const baseUrl = `http://127.0.0.1:${server.address().port}`;
  try {
    const spec = JSON.parse(readFileSync(githubSpec(), "utf8"));
    const cut = { ...spec, paths: { [PATH]: spec.paths[PATH] } };
    delete cut.webhooks;
    const file = join(work, "github-issues.json");
    writeFileSync(file, JSON.stringify(cut));
    generate(file, work, "--artifacts", "client");
    const contenders = [];
    for (const [label, source] of Object.entries(PROGRAMS))
      contenders.push({
        label,
        file: await bundle(work, label.replaceAll(/[ ,]+/g, "-"), source),
        rounds: [],
      });
    for (let round = 0; round < RUNS; round++)
      for (const c of contenders) c.rounds.push(await run(c.file, baseUrl));
    return contenders.map(({ label, rounds }) => ({
      label,
      cpuUs: median(rounds.map((r) => r.cpuUs)),
      wallUs: median(rounds.map((r) => r.wallUs)),
      rssMiB: median(rounds.map((r) => r.rss)) / 2 ** 20,
    }));
  } finally {
    server.close();
    server.closeAllConnections();
    rmSync(work, { recursive: true, force: true });
  }
}

export function printClientTimes(rows) {
  const peer = rows.find((r) => r.label === "openapi-fetch");
  console.log(
    `\nClient, GitHub GET ${PATH} (9 query parameters), a small JSON answer from 127.0.0.1: ${CALLS} calls one after the other after ${WARMUP} uncounted, in a process per contender and round, median of ${RUNS} rounds, contenders alternated; CPU is the client process's user + system time per call (the server's is not counted)`,
  );
  console.log(
    "| client | CPU per call | wall per call | RSS | to openapi-fetch: CPU, wall |",
  );
  console.log("| --- | ---: | ---: | ---: | --- |");
  for (const r of rows)
    console.log(
      `| ${r.label} | ${r.cpuUs.toFixed(1)} µs | ${r.wallUs.toFixed(1)} µs | ${r.rssMiB.toFixed(0)} MiB | ${
        r === peer
          ? ""
          : `${ratio(r.cpuUs, peer.cpuUs)}, ${ratio(r.wallUs, peer.wallUs)}`
      } |`,
    );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const cores = availableParallelism();
  for (const line of loadLines("start", loadavg(), cores)) console.log(line);
  printClientTimes(await clientTimes());
  for (const line of loadLines("end", loadavg(), cores)) console.log(line);
}
