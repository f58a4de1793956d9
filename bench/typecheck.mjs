#!/usr/bin/env node
// BENCH_ONLY=typecheck npm run bench (or node bench/typecheck.mjs): what a generated client costs
// the user's compiler and editor (issue 45). One program makes three calls through each tool's
// client, on GitHub's description (get a repository, list its issues, create an issue), on
// Docker Engine's (Swagger 2.0) and on TransferWise's Postman collection (bench/typecheck-programs.mjs;
// those two from ../shared/corpus, the peers given the OpenAPI 3.1 document apiloom merges):
//
// - apiloom `generate -a client`, the output folder exactly as it is left (tsconfig includes it);
// - apiloom with the default artifacts, likewise;
// - openapi-typescript 7 types + openapi-fetch 0.17;
// - @hey-api/openapi-ts 0.99 (its fetch client, the default).
//
// Each is checked by `tsc --noEmit --extendedDiagnostics` under `strict` + `skipLibCheck`, by
// TypeScript 5.9 (the bench cache's `typescript5`) and 7 (the repository's native `typescript`),
// all cases alternated round after round so that the load hits them alike. Wall time, CPU time
// (user + system: what the ratios compare, the load inflates wall time) and peak RSS come from
// GNU time (/usr/bin/time), types and instantiations from --extendedDiagnostics. The language
// server: the time from starting TypeScript 5.9's tsserver (its own protocol) and 7's
// `tsc --lsp --stdio` (LSP) to the first completion list after `client.` in the program, the
// server's CPU time and peak RSS then. The peers are installed from bench/typecheck/package.json (pinned by its
// lock) into <bench cache>/typecheck, never as apiloom dependencies. It runs apiloom as built
// (dist/: npm run build first), and only when asked (it takes minutes): BENCH_ONLY=typecheck.
//
// BENCH_RUNS (default 3) counted rounds after BENCH_WARMUP (default 1); TYPECHECK_CASES picks cases
// by label prefix (apiloom-client,apiloom-default,openapi-fetch,hey-api,apiloom-before);
// TYPECHECK_TS=5,7; TYPECHECK_INPUTS=github,docker,transferwise. TYPECHECK_BEFORE=<folder>[,<folder>]
// adds the cases `apiloom-before` (and `apiloom-before-default`): output folders an earlier
// apiloom made for GitHub's description with `-a client` (and the default artifacts), checked
// with the same program, so that a change is measured before and after in one run.
// TYPECHECK_COMPLETIONS_7 (default 5): TypeScript 7's completions per case and round (each takes
// ~0.4 s, and one is read in 10 ms ticks of CPU time, ~10% apart from run to run); TypeScript 5.9's
// server is asked once a round.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { benchCache } from "./cache.mjs";
import { loadLines, median, ratio } from "./report.mjs";
import { lspCompletion, tsserverCompletion } from "./typecheck-editor.mjs";
import { pickInputs } from "./typecheck-programs.mjs";

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(BENCH);
const CACHE = join(benchCache(), "typecheck");
export const MODULES = join(CACHE, "node_modules");
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1);
const COMPLETIONS_7 = Number(process.env.TYPECHECK_COMPLETIONS_7 ?? 5);
const PICK = process.env.TYPECHECK_CASES?.split(",").filter(Boolean);
const INPUT_NAMES = process.env.TYPECHECK_INPUTS?.split(",").filter(Boolean);
const TS = (process.env.TYPECHECK_TS ?? "5,7").split(",");
const TSC5 = join(MODULES, "typescript5/lib/tsc.js");
export const TSSERVER5 = join(MODULES, "typescript5/lib/tsserver.js");
const require = (await import("node:module")).createRequire(
  join(ROOT, "package.json"),
);
/** TypeScript 7's native executable (its bin/tsc is a Node script that execs it). */
export const TSC7 = pathToFileURL(
  join(
    dirname(require.resolve("typescript/package.json")),
    "lib/getExePath.js",
  ),
);
/** hey-api 0.99 wants Node ≥ 22.18; the repository installs Node 22 and 24 for its tests. */
const NODE24 = join(
  ROOT,
  "test/compat/node-versions/node_modules/node24/bin/node",
);

export function installOnce() {
  mkdirSync(CACHE, { recursive: true });
  const wanted = readFileSync(join(BENCH, "typecheck/package.json"), "utf8");
  const stamp = join(CACHE, "package.json");
  if (
    existsSync(stamp) &&
    readFileSync(stamp, "utf8") === wanted &&
    existsSync(join(MODULES, "openapi-fetch/package.json"))
  )
    return;
  console.log(`typecheck: installing the peers into ${CACHE} (npm ci)…`);
  writeFileSync(stamp, wanted);
  copyFileSync(
    join(BENCH, "typecheck/package-lock.json"),
    join(CACHE, "package-lock.json"),
  );
  execFileSync("npm", ["ci", "--no-audit", "--no-fund"], {
    cwd: CACHE,
    stdio: "inherit",
  });
}

/** The user's tsconfig: strict, skipLibCheck, Node's types, the output folder included (the usual setup). */
const TSCONFIG = JSON.stringify(
  {
    compilerOptions: {
      strict: true,
      skipLibCheck: true,
      noEmit: true,
      target: "es2022",
      module: "esnext",
      moduleResolution: "bundler",
      lib: ["es2022", "dom", "dom.iterable"],
      types: ["node"],
    },
    include: ["main.ts", "out"],
  },
  null,
  2,
);

export function project(name, program) {
  const dir = join(CACHE, "work", name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "main.ts"), program);
  writeFileSync(join(dir, "tsconfig.json"), TSCONFIG);
  return dir;
}

export function run(command, args, cwd) {
  const out = spawnSync(command, args, {
    cwd,
    encoding: "utf8",
    maxBuffer: 1 << 28,
  });
  if (out.status !== 0)
    throw new Error(
      `${command} ${args.join(" ")} failed: ${(out.stdout + out.stderr).slice(-2000)}`,
    );
  return out;
}

/** The projects of one input, generated once per bench run (generation is timed by run.mjs). */
function projects(input) {
  const spec = input.spec(MODULES);
  const apiloom = join(ROOT, "bin/apiloom.js");
  const gen = (source, out, ...extra) =>
    run(
      process.execPath,
      [
        apiloom,
        "generate",
        source,
        "--out",
        out,
        "--no-config",
        "--no-lock",
        "--max-diagnostics",
        "0",
        ...extra,
      ],
      dirname(out),
    );
  // what the peers read: the description, or the OpenAPI 3.1 document apiloom merges from it
  let peerSpec = spec;
  if (!input.peersReadSpec) {
    const out = join(CACHE, "work", `${input.name}-openapi`);
    rmSync(out, { recursive: true, force: true });
    gen(spec, out, "--artifacts", "openapi");
    peerSpec = join(out, "openapi.json");
  }
  const at = (label, tool) =>
    project(`${input.name}-${label}`, input.programs[tool]);
  const all = [
    {
      label: "apiloom-client",
      title: "apiloom `-a client`",
      make() {
        const dir = at(this.label, "apiloom");
        gen(spec, join(dir, "out"), "--artifacts", "client");
        return dir;
      },
    },
    {
      label: "apiloom-default",
      title: "apiloom, default artifacts",
      make() {
        const dir = at(this.label, "apiloom");
        gen(spec, join(dir, "out"));
        return dir;
      },
    },
    {
      label: "openapi-fetch",
      title: "openapi-typescript 7 + openapi-fetch 0.17",
      make() {
        const dir = at(this.label, "openapi-fetch");
        run(
          process.execPath,
          [
            join(MODULES, "openapi-typescript/bin/cli.js"),
            peerSpec,
            "--output",
            join(dir, "out/schema.d.ts"),
          ],
          dir,
        );
        return dir;
      },
    },
    {
      label: "hey-api",
      title: "@hey-api/openapi-ts 0.99 (fetch)",
      make() {
        const dir = at(this.label, "hey-api");
        run(
          existsSync(NODE24) ? NODE24 : process.execPath,
          [
            join(MODULES, "@hey-api/openapi-ts/bin/run.js"),
            "-i",
            peerSpec,
            "-o",
            join(dir, "out"),
          ],
          dir,
        );
        return dir;
      },
    },
  ];
  // output folders an earlier apiloom made for GitHub's description: `-a client`, default
  const before = process.env.TYPECHECK_BEFORE?.split(",") ?? [];
  if (input.name === "github")
    before.forEach((folder, k) =>
      all.push({
        label: k === 0 ? "apiloom-before" : "apiloom-before-default",
        title: `apiloom, before (${k === 0 ? "`-a client`" : "default artifacts"}: ${folder})`,
        make() {
          const dir = at(this.label, "apiloom");
          cpSync(folder, join(dir, "out"), { recursive: true });
          return dir;
        },
      }),
    );
  return all
    .filter((c) => !PICK || PICK.some((p) => c.label.startsWith(p.trim())))
    .map((c) => ({ ...c, input: input.name, inputTitle: input.title }));
}

/** One `tsc -p dir --extendedDiagnostics` under GNU time: wall, peak RSS, the counts. */
export function check(ts, dir, tsc7) {
  const [command, args] =
    ts === "5"
      ? [process.execPath, [TSC5, "-p", dir, "--extendedDiagnostics"]]
      : [tsc7, ["-p", dir, "--extendedDiagnostics"]];
  const out = spawnSync(
    "/usr/bin/time",
    ["-f", "@@time %e %M %U %S", command, ...args],
    { cwd: dir, encoding: "utf8", maxBuffer: 1 << 28 },
  );
  const text = out.stdout + out.stderr;
  const timeLine = /@@time ([\d.]+) (\d+) ([\d.]+) ([\d.]+)/.exec(text);
  const count = (name) => {
    const m = new RegExp(`^${name}:\\s+([\\d,]+)`, "m").exec(text);
    return m ? Number(m[1].replaceAll(",", "")) : NaN;
  };
  const errors = text
    .split("\n")
    .filter((line) => /error TS\d+/.test(line))
    .slice(0, 3);
  return {
    ok: out.status === 0 && errors.length === 0,
    errors,
    ms: timeLine ? Number(timeLine[1]) * 1000 : NaN,
    rssMb: timeLine ? Number(timeLine[2]) / 1024 : NaN,
    // user + system: what the check costs, whatever else the machine runs meanwhile
    cpuMs: timeLine ? (Number(timeLine[3]) + Number(timeLine[4])) * 1000 : NaN,
    types: count("Types"),
    instantiations: count("Instantiations"),
  };
}

const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;

export async function typecheckBench() {
  const cores = availableParallelism();
  for (const line of loadLines("start", loadavg(), cores)) console.log(line);
  installOnce();
  const tsc7 = (await import(TSC7.href)).default();
  const inputs = pickInputs(INPUT_NAMES);
  console.log(
    `typecheck: generating the projects (${inputs.map((i) => i.name).join(", ")})…`,
  );
  const cases = inputs.flatMap((input) =>
    projects(input).map((c) => ({ ...c, dir: c.make() })),
  );
  const checks = cases.flatMap((c) => TS.map((ts) => ({ c, ts })));
  const results = checks.map(() => []);
  const editorResults = checks.map(() => []);
  for (let round = -WARMUP; round < RUNS; round++) {
    console.log(
      `typecheck: round ${round < 0 ? "warm-up" : round + 1}, load ${loadavg()[0].toFixed(2)}`,
    );
    for (const [k, { c, ts }] of checks.entries()) {
      const r = check(ts, c.dir, tsc7);
      if (!r.ok && round === -WARMUP)
        console.log(
          `typecheck: ${c.input} ${c.label} on ${ts} failed: ${r.errors.join(" | ")}`,
        );
      if (round >= 0) results[k].push(r);
      const main = join(c.dir, "main.ts");
      for (let n = 0; n < (ts === "5" ? 1 : COMPLETIONS_7); n++) {
        const e =
          ts === "5"
            ? await tsserverCompletion(TSSERVER5, main)
            : await lspCompletion(tsc7, main);
        if (round >= 0) editorResults[k].push(e);
      }
    }
  }
  const endLoad = loadLines("end", loadavg(), cores);
  const rows = checks.map(({ c, ts }, k) => {
    const rs = results[k];
    const e = editorResults[k];
    return {
      input: c.input,
      inputTitle: c.inputTitle,
      label: c.label,
      title: c.title,
      ts,
      ok: rs.every((r) => r.ok),
      ms: median(rs.map((r) => r.ms)),
      cpuMs: median(rs.map((r) => r.cpuMs)),
      rssMb: median(rs.map((r) => r.rssMb)),
      types: median(rs.map((r) => r.types)),
      instantiations: median(rs.map((r) => r.instantiations)),
      completionMs: median(e.map((r) => r.ms)),
      completionCpuMs: median(e.map((r) => r.cpuMs)),
      entries: median(e.map((r) => r.entries)),
      serverMb: median(e.map((r) => r.rssMb)),
    };
  });
  for (const input of inputs) {
    console.log(`\n${input.title}\n`);
    console.log(
      "| client | TS | tsc --noEmit (CPU) | peak RSS | types | instantiations | first completion after `client.` (server CPU) | server RSS | to openapi-fetch: check CPU, RSS, completion CPU |",
    );
    console.log(
      "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    );
    for (const r of rows.filter((row) => row.input === input.name)) {
      const peer = rows.find(
        (p) =>
          p.input === r.input && p.label === "openapi-fetch" && p.ts === r.ts,
      );
      console.log(
        `| ${r.title}${r.ok ? "" : " (errors)"} | ${r.ts === "5" ? "5.9" : "7"} | ${seconds(r.ms)} (${seconds(r.cpuMs)}) | ${r.rssMb.toFixed(0)} MiB | ${r.types.toLocaleString("en")} | ${r.instantiations.toLocaleString("en")} | ${seconds(r.completionMs)} (${seconds(r.completionCpuMs)}; ${r.entries} entries) | ${r.serverMb.toFixed(0)} MiB | ${
          peer && peer !== r
            ? `${ratio(r.cpuMs, peer.cpuMs)}, ${ratio(r.rssMb, peer.rssMb)}, ${ratio(r.completionCpuMs, peer.completionCpuMs)}`
            : ""
        } |`,
      );
    }
  }
  console.log(
    `\nMedians of ${RUNS} rounds after ${WARMUP} warm-up, every case alternated in each round; ${cores} cores; tsc 5.9 on node ${process.version}, tsc 7 native; wall time, CPU time (user + system) and peak RSS by GNU time; completion: from starting the server to the completion list (tsserver protocol on 5.9, LSP on 7), the server's CPU time until then in parentheses (TypeScript 7: the median of ${RUNS * COMPLETIONS_7}, ${COMPLETIONS_7} a round). Ratios are of CPU time, which the machine's load does not inflate as it does wall time.`,
  );
  for (const line of endLoad) console.log(line);
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href)
  await typecheckBench();
