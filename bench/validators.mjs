#!/usr/bin/env node
// The generated validators against ajv 8 + ajv-formats, compiled (BENCH_ONLY=validators npm run
// bench, or node bench/validators.mjs after `npm run build`): `check()` against ajv with
// allErrors, `is()` against ajv stopping at the first error, in operations per CPU-second
// (process.cpuUsage, user + system), contenders alternated in each round, medians of the rounds,
// the machine's load printed before and after. Cases: GitHub's simple-user, issue and repository
// (from the bench's cache, when `npm run bench` installed it), the 200 response of its
// dereferenced description's GET /repos/{owner}/{repo} (an endpoint's part, inline), petstore's Pet (the shared
// corpus), Stride's MessageBody (generated/openapi.json); each valid and with one nested type
// error, one value (small) and an array of values of ~1 MB (apiloom checks the items in a loop,
// ajv the array with `items`). A benchmark, not a test: it prints figures.
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { benchCache } from "./cache.mjs";
import { loadLines, median, ratio } from "./report.mjs";

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const ROUNDS = Number(process.env.BENCH_VALIDATOR_ROUNDS ?? 9);
/** How long one contender runs in one round (CPU time, ms). */
const SLICE_MS = Number(process.env.BENCH_VALIDATOR_SLICE_MS ?? 40);
const GITHUB = join(
  benchCache(),
  "node_modules/@octokit/openapi/generated/api.github.com.json",
);
/** GitHub's description with every `$ref` replaced by its schema: each endpoint part inline. */
const GITHUB_DEREF = GITHUB.replace(/\.json$/, ".deref.json");
/** Named schemas, or an endpoint's response as `<endpoint> <status>`. */
const CASES = [
  [GITHUB, ["simple-user", "issue", "repository"]],
  [GITHUB_DEREF, ["reposGet 200"]],
  [join(ROOT, "../shared/corpus/swagger2/petstore.json"), ["Pet"]],
  [join(ROOT, "generated/openapi.json"), ["MessageBody"]],
];
/** BENCH_VALIDATORS=Pet,issue: only those schemas. */
const PICK = process.env.BENCH_VALIDATORS?.split(",").filter(Boolean);

const require = createRequire(join(ROOT, "test/typescript5/package.json"));
const ts = require("typescript");
const dist = (path) => import(pathToFileURL(join(ROOT, "dist", path)).href);

/** Operations per CPU-second of each contender: rounds alternated, the median of each. */
export function opsPerCpuSecond(contenders, value) {
  for (const fn of Object.values(contenders))
    for (let i = 0; i < 20; i++) fn(value);
  const names = Object.keys(contenders);
  const rates = Object.fromEntries(names.map((n) => [n, []]));
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? names : [...names].reverse();
    for (const name of order) {
      const fn = contenders[name];
      let ops = 0;
      const start = process.cpuUsage();
      let used = 0;
      while (used < SLICE_MS * 1000) {
        for (let i = 0; i < 8; i++) fn(value);
        ops += 8;
        const d = process.cpuUsage(start);
        used = d.user + d.system;
      }
      rates[name].push(ops / (used / 1e6));
    }
  }
  return Object.fromEntries(names.map((n) => [n, median(rates[n])]));
}

/** The JSON paths of `value`'s leaves (strings, numbers, booleans), deepest first. */
function leaves(value, path = [], out = []) {
  if (typeof value === "object" && value !== null) {
    for (const [k, v] of Object.entries(value)) leaves(v, [...path, k], out);
  } else if (value !== null) out.push(path);
  return out.sort((a, b) => b.length - a.length);
}

/** `value` with one nested leaf of the wrong type, which both validators refuse. */
function broken(value, refuses) {
  for (const path of leaves(value)) {
    const copy = structuredClone(value);
    let at = copy;
    for (const k of path.slice(0, -1)) at = at[k];
    const last = path[path.length - 1];
    at[last] = typeof at[last] === "string" ? 12345 : "not this type";
    if (refuses(copy)) return copy;
  }
  return undefined;
}

const fmt = (n) =>
  n >= 1e6
    ? `${(n / 1e6).toFixed(2)}M`
    : n >= 1e3
      ? `${(n / 1e3).toFixed(1)}k`
      : n.toFixed(0);

/** Writes the validators of `model` as JavaScript into a folder and imports `schemas`. */
async function generatedSchemas(model, out) {
  const { validatorFiles } = await dist("emit/validators/index.js");
  const { createTypeIndex } = await dist("emit/type-index/type-index.js");
  rmSync(out, { recursive: true, force: true });
  for (const f of validatorFiles(model, createTypeIndex(model))) {
    const path = join(out, f.path.replace(/\.ts$/, ".js"));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(
      path,
      f.path.endsWith(".ts")
        ? ts.transpileModule(f.contents, {
            compilerOptions: {
              target: ts.ScriptTarget.ES2022,
              module: ts.ModuleKind.ESNext,
            },
          }).outputText
        : f.contents,
    );
  }
  writeFileSync(join(out, "package.json"), '{ "type": "module" }');
  const at = (file) => import(pathToFileURL(join(out, file)).href);
  return {
    schemas: (await at("validators/schemas.js")).schemas,
    endpoints: (await at("validators/endpoints.js")).endpoints,
  };
}

export async function validatorBench() {
  const cores = availableParallelism();
  for (const line of loadLines("start", loadavg(), cores)) console.log(line);
  const { loadModel } = await dist("pipeline.js");
  const { CHECKED_FORMATS } = await dist("emit/shared/formats.js");
  const { Ajv2020 } = await import("ajv/dist/2020.js");
  const formats = await import("ajv-formats");
  const addFormats = formats.default.default ?? formats.default;
  const { generateSync } = await import("json-schema-faker");
  const rows = [];
  for (const [number, [file, names]] of CASES.entries()) {
    if (PICK && !names.some((n) => PICK.includes(n))) continue;
    if (!existsSync(file)) {
      console.log(`bench/validators: ${file} is absent; skipped`);
      continue;
    }
    const model = loadModel([file]);
    // a folder per document: a module once imported is not read again
    const out = join(
      tmpdir(),
      `apiloom-bench-validators-${process.pid}-${number}`,
    );
    const { schemas, endpoints } = await generatedSchemas(model, out);
    const components = {
      schemas: Object.fromEntries(
        Object.entries(model.schemas).map(([n, s]) => [n, s.schema]),
      ),
    };
    const ajvs = [true, false].map((allErrors) => {
      const ajv = new Ajv2020({ strict: false, logger: false, allErrors });
      addFormats(ajv, CHECKED_FORMATS);
      ajv.addSchema({ $id: "https://apiloom.invalid/model", components });
      return ajv;
    });
    for (const name of names) {
      if (PICK && !PICK.includes(name)) continue;
      // a named schema, or an endpoint's response (its inline schema)
      const [endpoint, status] = name.split(" ");
      let validator, schema;
      if (status === undefined) {
        if (!model.schemas[name]) continue;
        // `schemas` lists the named schemas sorted by name (a type name may be suffixed)
        const sorted = Object.keys(model.schemas).sort();
        validator = Object.values(schemas)[sorted.indexOf(name)];
        schema = {
          $ref: `https://apiloom.invalid/model#/components/schemas/${name}`,
        };
      } else {
        const response = model.endpoints
          .find((e) => e.name === endpoint)
          ?.responses.find((r) => r.status === status);
        schema = response?.content.find((c) => c.schema)?.schema;
        validator = endpoints[endpoint]?.responses[status];
        if (!schema || !validator) continue;
      }
      const [all, first] = ajvs.map((ajv) => ajv.compile(schema));
      const [allList, firstList] = ajvs.map((ajv) =>
        ajv.compile({ type: "array", items: schema }),
      );
      const samples = [];
      let size = 2;
      for (let seed = 1; size < 1_000_000 && seed < 3_000; seed++) {
        const v = JSON.parse(
          JSON.stringify(
            generateSync(
              status === undefined
                ? { $ref: `#/components/schemas/${name}`, components }
                : schema,
              { seed, alwaysFakeOptionals: true, maxDepth: 4 },
            ),
          ),
        );
        if (!first(v) || !validator.is(v)) continue;
        samples.push(v);
        size += JSON.stringify(v).length + 1;
      }
      if (samples.length === 0) continue;
      // ~1 MB: the samples again (as new objects) when the faker's run short
      for (let i = 0; size < 1_000_000; i++) {
        samples.push(structuredClone(samples[i]));
        size += JSON.stringify(samples[i]).length + 1;
      }
      // small: the first sample of at least 300 bytes (else the largest)
      const small =
        samples.find((s) => JSON.stringify(s).length >= 300) ??
        samples.reduce((a, b) =>
          JSON.stringify(b).length > JSON.stringify(a).length ? b : a,
        );
      const refuses = (v) => !first(v) && !validator.is(v);
      const wrong = broken(small, refuses);
      const middle = samples.length >> 1;
      const wrongMiddle = broken(samples[middle], refuses);
      const wrongList =
        wrongMiddle === undefined
          ? undefined
          : samples.map((s, i) => (i === middle ? wrongMiddle : s));
      const each = {
        check: (list) => {
          let e = [];
          for (let i = 0; i < list.length; i++) {
            const found = validator.check(list[i]);
            if (found.length > 0) e = e.concat(found);
          }
          return e;
        },
        is: (list) => {
          for (let i = 0; i < list.length; i++)
            if (!validator.is(list[i])) return false;
          return true;
        },
      };
      const cases = [
        ["valid", "small", small, false],
        ["invalid", "small", wrong, false],
        ["valid", "1 MB", samples, true],
        ["invalid", "1 MB", wrongList, true],
      ];
      for (const [validity, scale, value, list] of cases) {
        if (value === undefined) continue;
        const bytes = JSON.stringify(value).length;
        const checks = opsPerCpuSecond(
          list
            ? { apiloom: each.check, ajv: allList }
            : { apiloom: validator.check, ajv: all },
          value,
        );
        const firsts = opsPerCpuSecond(
          list
            ? { apiloom: each.is, ajv: firstList }
            : { apiloom: validator.is, ajv: first },
          value,
        );
        rows.push({ name, validity, bytes, checks, firsts });
        printRow(rows[rows.length - 1]);
      }
    }
    rmSync(out, { recursive: true, force: true });
  }
  for (const line of loadLines("end", loadavg(), cores)) console.log(line);
  return rows;
}

let headed = false;
function printRow({ name, validity, bytes, checks, firsts }) {
  if (!headed) {
    console.log(
      "\n| schema | data | check() ops/CPU-s | ajv allErrors | check ÷ ajv | is() ops/CPU-s | ajv first error | is ÷ ajv |",
    );
    console.log("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    headed = true;
  }
  const size =
    bytes >= 1e5
      ? `${(bytes / 1e6).toFixed(2)} MB`
      : bytes >= 1e3
        ? `${(bytes / 1e3).toFixed(1)} KB`
        : `${bytes} B`;
  console.log(
    `| ${name} | ${validity}, ${size} | ${fmt(checks.apiloom)} | ${fmt(checks.ajv)} | ${ratio(checks.apiloom, checks.ajv)} | ${fmt(firsts.apiloom)} | ${fmt(firsts.ajv)} | ${ratio(firsts.apiloom, firsts.ajv)} |`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await validatorBench();
