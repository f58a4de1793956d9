#!/usr/bin/env node
// node bench/validators.mjs: the generated validators against ajv's compiled validator on a
// ~1 MB JSON body (an array of json-schema-faker samples of one corpus schema), and how long
// making the validators of its document takes. A benchmark, not a test: it prints
// figures. Needs `npm run build` and the shared corpus beside the repository.
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const CORPUS = join(ROOT, "../shared/corpus");
const CASES = [
  ["swagger2/petstore.json", "Pet"],
  ["swagger2/docker-engine-v1.41.yaml", "ContainerSummary"],
  ["swagger2/docker-engine-v1.41.yaml", "ImageSummary"],
];
if (!existsSync(CORPUS)) {
  console.log(`bench/validators: ${CORPUS} is absent; nothing to measure`);
  process.exit(0);
}
const require = createRequire(join(ROOT, "test/typescript5/package.json"));
const ts = require("typescript");
const dist = (path) => import(pathToFileURL(join(ROOT, "dist", path)).href);
const { loadModel } = await dist("pipeline.js");
const { validatorFiles } = await dist("emit/validators/index.js");
const { createTypeIndex } = await dist("emit/type-index/index.js");
const { Ajv2020 } = await import("ajv/dist/2020.js");
const formats = await import("ajv-formats");
const addFormats = formats.default.default ?? formats.default;
const { generateSync } = await import("json-schema-faker");

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
function time(fn, value, runs = 41) {
  for (let i = 0; i < 5; i++) fn(value);
  const out = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn(value);
    out.push(performance.now() - t);
  }
  return median(out);
}

for (const [file, name] of CASES) {
  const model = loadModel([join(CORPUS, file)]);
  if (!model.schemas[name]) continue;
  // generation: the validators of the whole document
  const makings = [];
  for (let run = 0; run < 4; run++) {
    const copy = structuredClone(model);
    let t = performance.now();
    for (const f of validatorFiles(copy, createTypeIndex(copy)))
      void f.contents;
    makings.push(performance.now() - t);
  }
  // the first run warms the JIT up
  const making = median(makings.slice(1));

  // the validators as JavaScript (TypeScript 5's transpileModule: types erased, nothing else)
  const out = join(tmpdir(), `apiloom-bench-validators-${process.pid}-${name}`);
  rmSync(out, { recursive: true, force: true });
  for (const f of validatorFiles(model, createTypeIndex(model))) {
    const js = ts.transpileModule(f.contents, {
      compilerOptions: {
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
      },
    }).outputText;
    const path = join(out, f.path.replace(/\.ts$/, ".js"));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, js);
  }
  writeFileSync(join(out, "package.json"), '{ "type": "module" }');
  const { schemas } = await import(
    pathToFileURL(join(out, "validators/schemas.js")).href
  );
  const validator = schemas[createTypeIndex(model).schemaTypeName(name)];

  const components = {
    schemas: Object.fromEntries(
      Object.entries(model.schemas).map(([n, s]) => [n, s.schema]),
    ),
  };
  const ajv = new Ajv2020({ strict: false, logger: false });
  addFormats(ajv, [
    "date-time",
    "date",
    "email",
    "uuid",
    "uri",
    "ipv4",
    "ipv6",
  ]);
  ajv.addSchema({ $id: "https://apiloom.invalid/model", components });
  const ref = `https://apiloom.invalid/model#/components/schemas/${name}`;
  const compiled = ajv.compile({ type: "array", items: { $ref: ref } });
  const items = [];
  let size = 2;
  for (let seed = 1; size < 1_000_000 && seed < 20_000; seed++) {
    const v = generateSync(
      { $ref: `#/components/schemas/${name}`, components },
      { seed, alwaysFakeOptionals: true, maxDepth: 4 },
    );
    if (!compiled([v])) continue;
    items.push(v);
    size += JSON.stringify(v).length + 1;
  }
  const body = JSON.parse(JSON.stringify(items));
  const ours = (value) => {
    for (const item of value) if (!validator.is(item)) return false;
    return true;
  };
  if (!ours(body))
    throw new Error(
      `${name}: the generated validator rejects ajv-valid samples`,
    );
  const a = time(compiled, body);
  const o = time(ours, body);
  console.log(
    `${file} ${name}: ${(size / 1e6).toFixed(2)} MB body, ajv ${a.toFixed(2)} ms, ` +
      `generated ${o.toFixed(2)} ms (${(o / a).toFixed(2)}x); making the validators ` +
      `${making.toFixed(0)} ms`,
  );
  rmSync(out, { recursive: true, force: true });
}
