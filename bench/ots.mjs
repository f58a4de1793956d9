#!/usr/bin/env node
// BENCH_ONLY=ots npm run bench (or node bench/ots.mjs): what moving from openapi-typescript +
// openapi-fetch to apiloom's `paths.ts` + `client/openapi-fetch.ts` costs the user's compiler and
// editor (issue 62). The same three-call program on GitHub's description (bench/typecheck-programs.mjs,
// openapi-fetch's), its two imports pointed at apiloom's output (`-a paths`), against
// openapi-typescript 7's `schema.d.ts` with openapi-fetch 0.17:
//
// - `tsc --noEmit` (strict, skipLibCheck) CPU time and peak RSS, TypeScript 5.9 and 7;
// - the first completion list, from starting the language server (tsserver on 5.9, `tsc --lsp` on
//   7), after `client.` (the methods) and after `client.GET("` (the paths a GET takes), the
//   server's CPU time until then.
//
// Both cases alternate in each round; BENCH_RUNS (default 5) counted rounds after BENCH_WARMUP
// (default 1); TypeScript 7's completions are asked OTS_COMPLETIONS_7 times a round (default 3:
// one is read in 10 ms ticks). The peers come from bench/typecheck/package.json (bench/typecheck.mjs
// installs them into the bench cache); apiloom runs as built (dist/: npm run build first).
import { readFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { loadLines, median, ratio } from "./report.mjs";
import {
  check,
  installOnce,
  MODULES,
  project,
  run,
  TSC7,
  TSSERVER5,
} from "./typecheck.mjs";
import { lspCompletion, tsserverCompletion } from "./typecheck-editor.mjs";
import { INPUTS } from "./typecheck-programs.mjs";

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1);
const COMPLETIONS_7 = Number(process.env.OTS_COMPLETIONS_7 ?? 3);
/**
 * Where completions are asked: after `client.`, and after `client.GET("` as the user types a
 * first path (the buffer's first GET path emptied, `""`, as an editor closes the quote).
 */
const FIRST_PATH = 'await client.GET("/repos/{owner}/{repo}"';
const MARKERS = [
  { at: "await client.", text: (program) => program },
  {
    at: 'await client.GET("',
    text: (program) => program.replace(FIRST_PATH, 'await client.GET(""'),
  },
];

/** openapi-fetch's program, its imports moved to apiloom's output: the whole migration. */
export function moved(program) {
  return program
    .replace(`from "openapi-fetch";`, `from "./out/client/openapi-fetch.js";`)
    .replace(`from "./out/schema.js";`, `from "./out/paths.js";`);
}

function cases() {
  const github = INPUTS.github;
  const spec = github.spec(MODULES);
  const program = github.programs["openapi-fetch"];
  if (!program.includes(FIRST_PATH))
    throw new Error("ots: the program changed");
  const apiloom = project("ots-apiloom", moved(program));
  run(
    process.execPath,
    [
      join(ROOT, "bin/apiloom.js"),
      "generate",
      spec,
      "--out",
      join(apiloom, "out"),
      "--artifacts",
      "paths",
      "--no-config",
      "--no-lock",
      "--max-diagnostics",
      "0",
    ],
    apiloom,
  );
  const peer = project("ots-openapi-fetch", program);
  run(
    process.execPath,
    [
      join(MODULES, "openapi-typescript/bin/cli.js"),
      spec,
      "--output",
      join(peer, "out/schema.d.ts"),
    ],
    peer,
  );
  return [
    {
      label: "apiloom",
      title: "apiloom `paths.ts` + `openapi-fetch.ts`",
      dir: apiloom,
    },
    {
      label: "peer",
      title: "openapi-typescript 7 + openapi-fetch 0.17",
      dir: peer,
    },
  ];
}

const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;

export async function otsBench() {
  const cores = availableParallelism();
  for (const line of loadLines("start", loadavg(), cores)) console.log(line);
  installOnce();
  const tsc7 = (await import(TSC7.href)).default();
  console.log("ots: generating both projects from GitHub's description…");
  const all = cases();
  const cells = all.flatMap((c) => ["5", "7"].map((ts) => ({ c, ts })));
  const checks = cells.map(() => []);
  const completions = cells.map(() => MARKERS.map(() => []));
  for (let round = -WARMUP; round < RUNS; round++) {
    console.log(
      `ots: round ${round < 0 ? "warm-up" : round + 1}, load ${loadavg()[0].toFixed(2)}`,
    );
    for (const [k, { c, ts }] of cells.entries()) {
      const r = check(ts, c.dir, tsc7);
      if (!r.ok && round === -WARMUP)
        console.log(`ots: ${c.label} on ${ts} failed: ${r.errors.join(" | ")}`);
      if (round >= 0) checks[k].push(r);
      const main = join(c.dir, "main.ts");
      const program = readFileSync(main, "utf8");
      for (const [m, { at, text }] of MARKERS.entries())
        for (let n = 0; n < (ts === "5" ? 1 : COMPLETIONS_7); n++) {
          const e =
            ts === "5"
              ? await tsserverCompletion(TSSERVER5, main, at, text(program))
              : await lspCompletion(tsc7, main, at, text(program));
          if (round >= 0) completions[k][m].push(e);
        }
    }
  }
  const endLoad = loadLines("end", loadavg(), cores);
  const rows = cells.map(({ c, ts }, k) => ({
    label: c.label,
    title: c.title,
    ts,
    ok: checks[k].every((r) => r.ok),
    cpuMs: median(checks[k].map((r) => r.cpuMs)),
    rssMb: median(checks[k].map((r) => r.rssMb)),
    completions: completions[k].map((list) => ({
      cpuMs: median(list.map((e) => e.cpuMs)),
      ms: median(list.map((e) => e.ms)),
      entries: median(list.map((e) => e.entries)),
    })),
  }));
  console.log(
    `\n${INPUTS.github.title}: a three-call program through openapi-fetch's API\n`,
  );
  console.log(
    '| types + client | TS | tsc --noEmit CPU | peak RSS | completion after `client.` CPU (wall; entries) | after `client.GET("` CPU (wall; entries) | to openapi-typescript: check, completions |',
  );
  console.log("| --- | --- | ---: | ---: | ---: | ---: | --- |");
  for (const r of rows) {
    const peer = rows.find((p) => p.label === "peer" && p.ts === r.ts);
    const shown = r.completions.map(
      (e) => `${seconds(e.cpuMs)} (${seconds(e.ms)}; ${e.entries})`,
    );
    const ratios =
      r === peer
        ? ""
        : [
            ratio(r.cpuMs, peer.cpuMs),
            ...r.completions.map((e, m) =>
              ratio(e.cpuMs, peer.completions[m].cpuMs),
            ),
          ].join(", ");
    console.log(
      `| ${r.title}${r.ok ? "" : " (errors)"} | ${r.ts === "5" ? "5.9" : "7"} | ${seconds(r.cpuMs)} | ${r.rssMb.toFixed(0)} MiB | ${shown.join(" | ")} | ${ratios} |`,
    );
  }
  console.log(
    `\nMedians of ${RUNS} rounds after ${WARMUP} warm-up, both cases alternated in each round; ${cores} cores; tsc 5.9 on node ${process.version}, tsc 7 native; CPU time (user + system) by GNU time; completion: the server's CPU time from its start to the list (TypeScript 7: ${COMPLETIONS_7} a round). Ratios are of CPU time.`,
  );
  for (const line of endLoad) console.log(line);
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href)
  await otsBench();
