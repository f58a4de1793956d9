// The generated server at run time against the frameworks its users would otherwise write by hand
// (issue 58): GitHub's `GET /repos/{owner}/{repo}/issues` with 9 query parameters and its `POST`
// with a 2 KB body, request validation on everywhere. Contenders: apiloom's node:http listener
// (the API's 2 routes, and all 1,223 of GitHub's), Fastify 5 by hand (its own ajv) and apiloom's
// Fastify adapter, Express 5 by hand (express.json() and ajv, compiled as Fastify's) and apiloom's
// Express adapter, Hono by hand (ajv) and apiloom's Hono adapter (its routes registered on the
// app, and as one middleware). Each serves from its own child process on 127.0.0.1; this process
// sends the requests (keep-alive, CONCURRENCY at a time) and each child reports the CPU time it
// spent (user + system) and its memory. Contenders are alternated round after round; the table
// shows medians of CPU µs per request, wall, RSS and each ratio to the framework by hand.
// `BENCH_ONLY=server` (npm run bench) runs it alone, or `node bench/server.mjs`.
// BENCH_SERVER_REQUESTS=n requests per route and round (default 4000), BENCH_SERVER_RUNS=n rounds
// (default 5); BENCH_SERVER_ONLY=<regular expression> picks contenders by label,
// BENCH_SERVER_PROFILE=<folder> writes each one's CPU profile there. A benchmark, not a test.
import { execFileSync, fork } from "node:child_process";
import {
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { request as httpRequest, Agent } from "node:http";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { benchCache } from "./cache.mjs";
import { loadLines, median, ratio } from "./report.mjs";

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(BENCH);
const REQUESTS = Number(process.env.BENCH_SERVER_REQUESTS ?? 4000);
const RUNS = Number(process.env.BENCH_SERVER_RUNS ?? 5);
const CONCURRENCY = 8;
const PATH = "/repos/{owner}/{repo}/issues";

/** GitHub's description from the bench's cache (npm run bench installs it). */
export function githubSpec() {
  return join(
    benchCache(),
    "node_modules/@octokit/openapi/generated/api.github.com.json",
  );
}

// 9 query parameters, each valid
const QUERY =
  "milestone=*&state=open&assignee=octocat&creator=octocat&mentioned=hubot&labels=bug%2Cui&sort=updated&direction=desc&per_page=30";
// a valid issue of 2 KB
const ISSUE = JSON.stringify({
  title: "Found a bug",
  body: `I'm having a problem with this. ${"The quick brown fox jumps over the lazy dog. ".repeat(42)}`,
  assignees: ["octocat"],
  labels: ["bug", { name: "ui" }],
});
const ISSUES = `[{"id":1,"number":1347,"title":"Found a bug","state":"open"}]`;
const CREATED = `{"id":1,"number":1347,"title":"Found a bug","state":"open"}`;

/** The handlers every apiloom contender is given (the answers the hand-written apps send). */
const APILOOM_HANDLERS = `
const ISSUES = JSON.parse(${JSON.stringify(ISSUES)});
const CREATED = JSON.parse(${JSON.stringify(CREATED)});
const handlers = {
  issuesListForRepo: () => ({ status: 200, body: ISSUES }),
  issuesCreate: (request) => ({ status: 201, body: { ...CREATED, title: String(request.body.title) } }),
};`;

/** What every child does once it listens: tells its port, then answers "cpu" with its usage. */
const REPORT = `
function ready(server) {
  process.send({ port: server.address().port });
  process.on("SIGINT", () => process.exit(0));
  process.on("message", (m) => {
    if (m === "cpu") {
      const u = process.cpuUsage();
      process.send({ cpuUs: u.user + u.system, rss: process.memoryUsage().rss, maxRss: process.resourceUsage().maxRSS * 1024 });
    }
  });
}`;

/** ajv as Fastify 5 compiles request schemas by default (@fastify/ajv-compiler). */
const AJV = `
import Ajv from "ajv";
import addFormats from "ajv-formats";
const ajv = new Ajv({ coerceTypes: "array", useDefaults: true, removeAdditional: true, allErrors: false, strict: false });
addFormats(ajv);
`;

/** The contenders' child programs (TypeScript or JavaScript, bundled by esbuild). */
function programs(schemas) {
  const fastifyRoutes = `
app.get("/repos/:owner/:repo/issues", { schema: { params: SCHEMAS.params, querystring: SCHEMAS.query } }, async () => ISSUES_VALUE);
app.post("/repos/:owner/:repo/issues", { schema: { params: SCHEMAS.params, body: SCHEMAS.body } }, async (request, reply) => { reply.code(201); return { ...CREATED_VALUE, title: String(request.body.title) }; });`;
  const values = `
const SCHEMAS = ${JSON.stringify(schemas)};
const ISSUES_VALUE = JSON.parse(${JSON.stringify(ISSUES)});
const CREATED_VALUE = JSON.parse(${JSON.stringify(CREATED)});`;
  return {
    "fastify (by hand)": `
import Fastify from "fastify";
${REPORT}${values}
const app = Fastify();
${fastifyRoutes}
await app.listen({ port: 0, host: "127.0.0.1" });
ready(app.server);`,
    "apiloom fastify adapter": `
import Fastify from "fastify";
import { apiRoutes } from "./server/fastify.js";
${REPORT}${APILOOM_HANDLERS}
const app = Fastify();
await app.register(apiRoutes, { handlers });
await app.listen({ port: 0, host: "127.0.0.1" });
ready(app.server);`,
    "apiloom listener": `
import { createServer } from "node:http";
import { createRequestListener } from "./server/index.js";
${REPORT}${APILOOM_HANDLERS}
const server = createServer(createRequestListener(handlers));
server.listen(0, "127.0.0.1", () => ready(server));`,
    "express (by hand)": `
import express from "express";
${AJV}${REPORT}${values}
const params = ajv.compile(SCHEMAS.params), query = ajv.compile(SCHEMAS.query), body = ajv.compile(SCHEMAS.body);
const app = express();
const bad = (res, errors) => res.status(400).json({ error: ajv.errorsText(errors) });
app.get("/repos/:owner/:repo/issues", (req, res) => {
  const q = { ...req.query };
  if (!params(req.params)) return bad(res, params.errors);
  if (!query(q)) return bad(res, query.errors);
  res.json(ISSUES_VALUE);
});
app.post("/repos/:owner/:repo/issues", express.json({ limit: "1mb" }), (req, res) => {
  if (!params(req.params)) return bad(res, params.errors);
  if (!body(req.body)) return bad(res, body.errors);
  res.status(201).json({ ...CREATED_VALUE, title: String(req.body.title) });
});
const server = app.listen(0, "127.0.0.1", () => ready(server));`,
    "apiloom express adapter": `
import express from "express";
import { apiRoutes } from "./server/express.js";
${REPORT}${APILOOM_HANDLERS}
const app = express();
app.use(apiRoutes({ handlers }));
const server = app.listen(0, "127.0.0.1", () => ready(server));`,
    "hono (by hand)": `
import { serve } from "@hono/node-server";
import { Hono } from "hono";
${AJV}${REPORT}${values}
const params = ajv.compile(SCHEMAS.params), query = ajv.compile(SCHEMAS.query), body = ajv.compile(SCHEMAS.body);
const app = new Hono();
const bad = (c, errors) => c.json({ error: ajv.errorsText(errors) }, 400);
app.get("/repos/:owner/:repo/issues", (c) => {
  if (!params(c.req.param())) return bad(c, params.errors);
  if (!query(c.req.query())) return bad(c, query.errors);
  return c.json(ISSUES_VALUE);
});
app.post("/repos/:owner/:repo/issues", async (c) => {
  if (!params(c.req.param())) return bad(c, params.errors);
  let value;
  try { value = await c.req.json(); } catch { return c.json({ error: "not JSON" }, 400); }
  if (!body(value)) return bad(c, body.errors);
  return c.json({ ...CREATED_VALUE, title: String(value.title) }, 201);
});
const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => ready(server));`,
    "apiloom hono adapter": `
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { apiRoutes } from "./server/hono.js";
${REPORT}${APILOOM_HANDLERS}
const app = new Hono();
apiRoutes(app, { handlers });
const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => ready(server));`,
    "apiloom hono middleware": `
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { apiRoutes } from "./server/hono.js";
${REPORT}${APILOOM_HANDLERS}
const app = new Hono();
app.use(apiRoutes({ handlers }));
const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => ready(server));`,
  };
}

/** The JSON Schemas of the two routes' parameters and body, as the hand-written apps declare them. */
function handSchemas(spec) {
  const deref = JSON.parse(
    readFileSync(spec.replace(/\.json$/, ".deref.json"), "utf8"),
  );
  const item = deref.paths[PATH];
  const query = { type: "object", properties: {} };
  const params = { type: "object", properties: {}, required: [] };
  for (const p of item.get.parameters) {
    if (p.in === "query") query.properties[p.name] = p.schema;
    if (p.in === "path") {
      params.properties[p.name] = p.schema;
      params.required.push(p.name);
    }
  }
  return jsonSchema({
    params,
    query,
    body: item.post.requestBody.content["application/json"].schema,
  });
}

/** An OpenAPI 3.0 schema as JSON Schema for ajv: `nullable` as a type, its own keywords left out. */
function jsonSchema(schema) {
  if (Array.isArray(schema)) return schema.map(jsonSchema);
  if (typeof schema !== "object" || schema === null) return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (
      [
        "example",
        "nullable",
        "discriminator",
        "xml",
        "externalDocs",
        "deprecated",
      ].includes(key) ||
      key.startsWith("x-")
    )
      continue;
    out[key] =
      key === "properties"
        ? Object.fromEntries(
            Object.entries(value).map(([k, v]) => [k, jsonSchema(v)]),
          )
        : jsonSchema(value);
  }
  if (schema.nullable === true && typeof out.type === "string")
    out.type = [out.type, "null"];
  return out;
}

/** GitHub's two routes alone (`paths` cut to the one), written beside `work`. */
function twoRoutes(spec, work) {
  const full = JSON.parse(readFileSync(spec, "utf8"));
  const cut = { ...full, paths: { [PATH]: full.paths[PATH] } };
  delete cut.webhooks;
  const file = join(work, "github-issues.json");
  writeFileSync(file, JSON.stringify(cut));
  return file;
}

/** apiloom's output for `spec` in `out`: the artifacts `flags` ask for (`--artifacts …`). */
export function generate(spec, out, ...flags) {
  execFileSync(
    process.execPath,
    [
      join(ROOT, "bin/apiloom.js"),
      "generate",
      spec,
      "--out",
      out,
      "--no-config",
      "--no-lock",
      "--max-diagnostics",
      "0",
      ...flags,
    ],
    { stdio: "pipe" },
  );
}

/** One child program bundled into `dir` (packages stay imports, resolved from the repository). */
export async function bundle(dir, name, source) {
  const { build } = await import("esbuild");
  const entry = join(dir, `${name}.entry.ts`);
  writeFileSync(entry, source);
  const outfile = join(dir, `${name}.mjs`);
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    format: "esm",
    packages: "external",
    outfile,
    logLevel: "error",
  });
  return outfile;
}

async function start(file) {
  const profile = process.env.BENCH_SERVER_PROFILE;
  const child = fork(file, [], {
    execArgv: profile
      ? ["--cpu-prof", "--cpu-prof-interval", "100", "--cpu-prof-dir", profile]
      : [],
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  const port = await new Promise((resolve, reject) => {
    child.once("message", (m) => resolve(m.port));
    child.once("exit", (code) => reject(new Error(`${file} exited ${code}`)));
  });
  const usage = () =>
    new Promise((resolve) => {
      child.once("message", resolve);
      child.send("cpu");
    });
  return { child, port, usage };
}

/** Sends `count` requests, CONCURRENCY at a time on kept-alive connections; resolves with their statuses. */
function load(port, agent, count, make) {
  const statuses = new Map();
  let sent = 0;
  let done = 0;
  return new Promise((resolve, reject) => {
    const next = () => {
      if (sent === count) return;
      sent++;
      const { method, path, body } = make();
      const req = httpRequest(
        {
          host: "127.0.0.1",
          port,
          method,
          path,
          agent,
          headers: body
            ? {
                "content-type": "application/json",
                "content-length": Buffer.byteLength(body),
              }
            : {},
        },
        (res) => {
          res.resume();
          res.on("end", () => {
            statuses.set(
              res.statusCode,
              (statuses.get(res.statusCode) ?? 0) + 1,
            );
            if (++done === count) resolve(statuses);
            else next();
          });
        },
      );
      req.on("error", reject);
      req.end(body);
    };
    for (let i = 0; i < CONCURRENCY; i++) next();
  });
}

const ROUTES = {
  GET: () => ({
    method: "GET",
    path: `/repos/octocat/hello-world/issues?${QUERY}`,
  }),
  POST: () => ({
    method: "POST",
    path: "/repos/octocat/hello-world/issues",
    body: ISSUE,
  }),
};
const INVALID = {
  GET: () => ({
    method: "GET",
    path: `/repos/octocat/hello-world/issues?${QUERY.replace("state=open", "state=opened")}`,
  }),
  POST: () => ({
    method: "POST",
    path: "/repos/octocat/hello-world/issues",
    body: JSON.stringify({ body: "no title" }),
  }),
};

export async function serverTimes() {
  const spec = githubSpec();
  const work = mkdtempSync(join(tmpdir(), "apiloom-server-bench-"));
  symlinkSync(join(ROOT, "node_modules"), join(work, "node_modules"));
  try {
    const two = join(work, "two");
    const all = join(work, "all");
    const server = [
      "--artifacts",
      "server,validators",
      "--server-adapters",
      "fastify,express,hono",
    ];
    generate(twoRoutes(spec, work), two, ...server);
    generate(spec, all, ...server);
    const sources = programs(handSchemas(spec));
    const contenders = [];
    for (const [label, source] of Object.entries(sources)) {
      const dir = label.startsWith("apiloom") ? two : work;
      contenders.push({
        label,
        file: await bundle(
          dir,
          label.replaceAll(" ", "-").replace(/[()]/g, ""),
          source,
        ),
      });
    }
    contenders.push({
      label: "apiloom listener, 1,223 routes",
      file: await bundle(all, "listener-all", sources["apiloom listener"]),
    });
    const running = [];
    const only = new RegExp(process.env.BENCH_SERVER_ONLY ?? "");
    for (const c of contenders)
      if (only.test(c.label)) running.push({ ...c, ...(await start(c.file)) });
    try {
      // each answers the same: 200/201 valid, 400 invalid
      for (const r of running)
        for (const method of ["GET", "POST"]) {
          const agent = new Agent({ keepAlive: true, maxSockets: 1 });
          const ok = await load(r.port, agent, 1, ROUTES[method]);
          const bad = await load(r.port, agent, 1, INVALID[method]);
          agent.destroy();
          const want = method === "GET" ? 200 : 201;
          if (!ok.has(want) || !bad.has(400))
            throw new Error(
              `${r.label} ${method}: ${[...ok.keys()]} valid, ${[...bad.keys()]} invalid (want ${want}, 400)`,
            );
        }
      const results = new Map(
        running.map((r) => [
          r.label,
          { GET: [], POST: [], rss: [], maxRss: [] },
        ]),
      );
      for (let round = -1; round < RUNS; round++)
        for (const method of ["GET", "POST"])
          for (const r of running) {
            const agent = new Agent({
              keepAlive: true,
              maxSockets: CONCURRENCY,
            });
            const before = await r.usage();
            const start = process.hrtime.bigint();
            const statuses = await load(
              r.port,
              agent,
              REQUESTS,
              ROUTES[method],
            );
            const ms = Number(process.hrtime.bigint() - start) / 1e6;
            const after = await r.usage();
            agent.destroy();
            if (statuses.size !== 1)
              throw new Error(`${r.label}: ${[...statuses]}`);
            if (round < 0) continue; // warm-up
            const row = results.get(r.label);
            row[method].push({
              cpuUs: (after.cpuUs - before.cpuUs) / REQUESTS,
              wallUs: (ms * 1000) / REQUESTS,
            });
            row.rss.push(after.rss);
            row.maxRss.push(after.maxRss);
          }
      return [...results].map(([label, row]) => ({
        label,
        GET: {
          cpuUs: median(row.GET.map((x) => x.cpuUs)),
          wallUs: median(row.GET.map((x) => x.wallUs)),
        },
        POST: {
          cpuUs: median(row.POST.map((x) => x.cpuUs)),
          wallUs: median(row.POST.map((x) => x.wallUs)),
        },
        rssMiB: median(row.rss) / 2 ** 20,
        maxRssMiB: median(row.maxRss) / 2 ** 20,
      }));
    } finally {
      // SIGINT: a profiled child writes its profile as it exits
      for (const r of running) r.child.kill("SIGINT");
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The framework by hand each apiloom contender is compared with. */
const PEER = {
  "apiloom listener": "fastify (by hand)",
  "apiloom listener, 1,223 routes": "fastify (by hand)",
  "apiloom fastify adapter": "fastify (by hand)",
  "apiloom express adapter": "express (by hand)",
  "apiloom hono adapter": "hono (by hand)",
  "apiloom hono middleware": "hono (by hand)",
};

export function printServerTimes(rows) {
  const by = new Map(rows.map((r) => [r.label, r]));
  console.log(
    `\nServer, GitHub GET ${PATH} (9 query parameters) and POST (2 KB body), validation on: ${REQUESTS} requests per route and round, ${CONCURRENCY} at a time, median of ${RUNS} rounds, contenders alternated; CPU is the server process's user + system time per request`,
  );
  console.log(
    "| server | GET CPU | GET wall | POST CPU | POST wall | RSS (peak) | to peer: GET CPU, POST CPU, RSS |",
  );
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | --- |");
  for (const r of rows) {
    const peer = by.get(PEER[r.label]);
    console.log(
      `| ${r.label} | ${r.GET.cpuUs.toFixed(1)} µs | ${r.GET.wallUs.toFixed(1)} µs | ${r.POST.cpuUs.toFixed(1)} µs | ${r.POST.wallUs.toFixed(1)} µs | ${r.rssMiB.toFixed(0)} MiB (${r.maxRssMiB.toFixed(0)}) | ${
        peer
          ? `${ratio(r.GET.cpuUs, peer.GET.cpuUs)}, ${ratio(r.POST.cpuUs, peer.POST.cpuUs)}, ${ratio(r.rssMiB, peer.rssMiB)} ${peer.label}`
          : ""
      } |`,
    );
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const cores = availableParallelism();
  for (const line of loadLines("start", loadavg(), cores)) console.log(line);
  const rows = await serverTimes();
  printServerTimes(rows);
  for (const line of loadLines("end", loadavg(), cores)) console.log(line);
}
