// The int64 reader of the generated client and server (issue 60): time and memory to read a JSON
// body whose int64 member is a run of digits as it grows 4× (1, 4, 16 MiB), through the lossless
// reader and the revival (templates/shared/lossless-json.ts, scalars.ts), each size in a fresh
// process. The digits are refused (no int64 has more than 19) with one linear scan and no
// BigInt(): 4× the digits take about 4× the time (the goal: at most ~5×), and the error holds
// at most a short prefix of them. `node bench/int64.mjs` alone, or part of `npm run bench`
// (BENCH_ONLY=int64 for it only). A benchmark, not a test.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const MiB = 1024 * 1024;
export const SIZES = [1, 4, 16];
const RUNS = Number(process.env.BENCH_INT64_RUNS ?? 3);

/** One measurement, in a child process: reads `{"n":<digits>}` of `mib` MiB, prints JSON. */
const CHILD = `
import { parseJson, revive } from "./scalars.mjs";
const text = '{"n":' + "9".repeat(Number(process.argv[2]) * ${MiB}) + "}";
const before = process.memoryUsage().rss;
const cpu = process.cpuUsage();
const start = performance.now();
let message = "";
try {
  revive(parseJson(text), { p: { n: { i: 1 } } }, [], true, "the body");
} catch (error) {
  message = error.message;
}
const ms = performance.now() - start;
const used = process.cpuUsage(cpu);
if (message === "") throw new Error("the digits were taken");
const peak = process.resourceUsage().maxRSS * 1024;
console.log(JSON.stringify({ ms, cpuMs: (used.user + used.system) / 1000, before, peak, message: message.length }));
`;

/** The two templates as JavaScript, and the child script, in a temp folder. */
async function prepare() {
  const { transform } = await import("esbuild");
  const work = mkdtempSync(join(tmpdir(), "apiloom-int64-"));
  for (const name of ["scalars", "lossless-json"]) {
    const source = readFileSync(
      join(ROOT, `templates/shared/${name}.ts`),
      "utf8",
    );
    const { code } = await transform(source, { loader: "ts", format: "esm" });
    writeFileSync(
      join(work, `${name}.mjs`),
      code.replaceAll("./lossless-json.js", "./lossless-json.mjs"),
    );
  }
  writeFileSync(join(work, "child.mjs"), CHILD);
  return work;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/** Rows of { mib, ms, cpuMs, overMiB, message } (medians of RUNS fresh processes each). */
export async function int64Times() {
  const work = await prepare();
  try {
    return SIZES.map((mib) => {
      const runs = Array.from({ length: RUNS }, () =>
        JSON.parse(
          execFileSync(
            process.execPath,
            [join(work, "child.mjs"), String(mib)],
            {
              cwd: work,
              encoding: "utf8",
            },
          ),
        ),
      );
      return {
        mib,
        ms: median(runs.map((r) => r.ms)),
        cpuMs: median(runs.map((r) => r.cpuMs)),
        overMiB: median(runs.map((r) => (r.peak - r.before) / MiB)),
        message: Math.max(...runs.map((r) => r.message)),
      };
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export function printInt64Times(rows) {
  console.log(
    `\nThe int64 reader refusing a run of digits (lossless reader + revival, templates/shared; medians of ${RUNS} fresh processes per size):\n`,
  );
  console.log(
    "| digits | wall | CPU | × CPU for 4× digits | peak RSS over the start | error message |",
  );
  console.log("| ---: | ---: | ---: | ---: | ---: | ---: |");
  const goals = [];
  for (const [i, r] of rows.entries()) {
    const growth = i > 0 ? r.cpuMs / rows[i - 1].cpuMs : undefined;
    if (growth !== undefined)
      goals.push(
        `${rows[i - 1].mib} → ${r.mib} MiB of digits: ${growth.toFixed(2)}× the CPU time (goal ≤ ~5×): ${growth <= 5 ? "met" : "NOT met"}`,
      );
    console.log(
      `| ${r.mib} MiB | ${r.ms.toFixed(0)} ms | ${r.cpuMs.toFixed(0)} ms | ${growth === undefined ? "" : growth.toFixed(2) + "×"} | ${r.overMiB.toFixed(0)} MiB | ${r.message} characters |`,
    );
  }
  const longest = Math.max(...rows.map((r) => r.message));
  goals.push(
    `the longest error message: ${longest} characters (goal ≤ 200): ${longest <= 200 ? "met" : "NOT met"}`,
  );
  console.log("");
  for (const line of goals) console.log(`- ${line}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href)
  printInt64Times(await int64Times());
