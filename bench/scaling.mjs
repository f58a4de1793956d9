// How a run's (user) CPU grows with the size of a description, one dimension at a time: each shape is
// generated (all default artifacts) at n and at 2n, and the ratio of their CPU times printed. A
// linear run doubles (~2x); past 3x something is quadratic in that dimension. The shapes are the
// ones that were: degenerate tags (docs grouped by path), sub-groups, one wide object with many
// required members, a chain of allOfs, a tree of small schemas, operations sharing one path (a
// wide diagnostic in a docs table). `node bench/scaling.mjs` alone (after `npm run build`), or
// BENCH_ONLY=scaling in `npm run bench`; BENCH_SCALING_RUNS (default 1) runs each, medians.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const RUNS = Number(process.env.BENCH_SCALING_RUNS ?? 1);
const LINEAR = 3;

const ok = { 200: { description: "ok" } };
const json = (schema) => ({ content: { "application/json": { schema } } });
const ref = (name) => ({ $ref: `#/components/schemas/${name}` });
const api = (paths, schemas = {}, tags) => ({
  openapi: tags ? "3.2.0" : "3.1.0",
  info: { title: "scaling", version: "1" },
  ...(tags && { tags }),
  paths,
  components: { schemas },
});

/** Each shape: its name, n, and the description at a size. */
const SHAPES = [
  [
    "degenerate tags",
    4000,
    (n) =>
      api(
        Object.fromEntries(
          Array.from({ length: n }, (_, i) => [
            `/r${i}/{id}/act${i}`,
            { get: { tags: [`t${i}`], responses: ok } },
          ]),
        ),
      ),
  ],
  [
    "sub-groups",
    4000,
    (n) =>
      api(
        Object.fromEntries(
          Array.from({ length: n }, (_, i) => [
            `/a${i}`,
            { get: { tags: [`t${i}`], responses: ok } },
          ]),
        ),
        {},
        Array.from({ length: n }, (_, i) => ({
          name: `t${i}`,
          ...(i > 0 && { parent: `t${i >> 1}` }),
        })),
      ),
  ],
  [
    "wide object",
    20000,
    (n) => {
      const properties = {};
      for (let i = 0; i < n; i++) properties[`p${i}`] = { type: "string" };
      const Big = {
        type: "object",
        properties,
        required: Object.keys(properties),
      };
      return api(
        { "/big": { post: { requestBody: json(ref("Big")), responses: ok } } },
        { Big },
      );
    },
  ],
  [
    "allOf chain",
    1000,
    (n) => {
      const schemas = {};
      for (let i = 0; i < n; i++) {
        const own = {
          type: "object",
          properties: { [`a${i}`]: { type: "string" } },
        };
        schemas[`A${i}`] = i === 0 ? own : { allOf: [ref(`A${i - 1}`), own] };
      }
      return api(
        {
          "/a": {
            get: {
              responses: {
                200: { description: "ok", ...json(ref(`A${n - 1}`)) },
              },
            },
          },
        },
        schemas,
      );
    },
  ],
  [
    "same path",
    2000,
    (n) =>
      api(
        Object.fromEntries(
          Array.from({ length: n }, (_, i) => [
            `/r/{p${i}}`,
            {
              get: {
                operationId: `g${i}`,
                parameters: [
                  {
                    name: `p${i}`,
                    in: "path",
                    required: true,
                    schema: { type: "string" },
                  },
                ],
                responses: ok,
              },
            },
          ]),
        ),
      ),
  ],
];

/**
 * The median user CPU (ms) of `apiloom generate <spec>` in a fresh process, its system CPU beside
 * (mostly creating files, which some file systems make slow and erratic), its exit.
 */
function measure(spec, work) {
  const times = [];
  let status = 0;
  const usage = join(work, "usage.json");
  for (let r = 0; r < RUNS; r++) {
    const out = join(work, "out");
    rmSync(out, { recursive: true, force: true });
    const child = spawnSync(
      process.execPath,
      [
        "--import",
        pathToFileURL(join(ROOT, "bench/maxrss.mjs")).href,
        join(ROOT, "bin/apiloom.js"),
        "generate",
        spec,
        "-o",
        out,
        "--no-lock",
        "--no-config",
        "-q",
      ],
      {
        stdio: "ignore",
        env: { ...process.env, APILOOM_BENCH_RSS_FILE: usage },
      },
    );
    status = child.status ?? 1;
    times.push(JSON.parse(readFileSync(usage, "utf8")));
  }
  const median = (key) =>
    times.map((t) => t[key]).sort((a, b) => a - b)[(times.length - 1) >> 1];
  return {
    ms: median("userMs"),
    sys: median("cpuMs") - median("userMs"),
    status,
  };
}

export async function scalingBench() {
  const work = mkdtempSync(join(tmpdir(), "apiloom-scaling-"));
  console.log(
    `\nScaling (user CPU at n and at 2n, all default artifacts; ~2x is linear, past ${LINEAR}x is not):`,
  );
  try {
    for (const [name, n, make] of SHAPES) {
      const at = [];
      for (const size of [n, 2 * n]) {
        const spec = join(work, "spec.json");
        writeFileSync(spec, JSON.stringify(make(size)));
        at.push(measure(spec, work));
      }
      const ratio = at[1].ms / at[0].ms;
      console.log(
        `  ${name.padEnd(16)} n=${String(n).padStart(5)}: ${(at[0].ms / 1000).toFixed(2)} s (+${(at[0].sys / 1000).toFixed(2)} s system), 2n: ${(at[1].ms / 1000).toFixed(2)} s (+${(at[1].sys / 1000).toFixed(2)} s), ${ratio.toFixed(2)}x${at.some((a) => a.status !== 0) ? `, exit ${at.map((a) => a.status).join("/")}` : ""}${ratio > LINEAR ? "  NOT LINEAR" : ""}`,
      );
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href)
  await scalingBench();
