// Sets up the oracles of test/diff/optic-oracle.test.ts and the real pairs of
// test/diff/real-pairs.test.ts in node_modules/.cache/apiloom-diff, from the npm registry only:
// two consecutive versions of npm @octokit/openapi (GitHub's REST description), of npm
// @directus/specs (Directus' OpenAPI 3.0 description), the Kubernetes Swagger 2.0 descriptions
// 1.12 and 1.13 that npm kubernetes-client 9.0.0 ships, and Optic (@useoptic/optic). Then Optic
// judges the pairs it reads (test/diff/optic-run.mjs), side by side: its reports depend only on
// Optic's version and the two files, so the test reads them from the cache (~70 s of CPU).
import { execFileSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import {
  judge,
  OPTIC_PAIRS,
  OPTIC_VERSION,
  cachedReport,
  CACHE,
} from "../test/diff/optic-run.mjs";

const GITHUB = ["22.0.0", "23.0.1"];
mkdirSync(CACHE, { recursive: true });
const run = (cmd, args, cwd = CACHE) =>
  execFileSync(cmd, args, { cwd, stdio: "inherit" });

for (const version of GITHUB) {
  const file = join(CACHE, version, "package/generated/api.github.com.json");
  if (existsSync(file)) continue;
  run("npm", ["pack", `@octokit/openapi@${version}`, "--silent"]);
  mkdirSync(join(CACHE, version), { recursive: true });
  run("tar", [
    "xzf",
    `octokit-openapi-${version}.tgz`,
    "-C",
    version,
    "package/generated/api.github.com.json",
  ]);
}

// Directus: a small OpenAPI 3.0 description whose 15.1.0 dropped many response properties
const DIRECTUS = ["15.0.0", "15.1.0"];
for (const version of DIRECTUS) {
  const file = join(CACHE, "directus", version, "package/dist/openapi.json");
  if (existsSync(file)) continue;
  run("npm", ["pack", `@directus/specs@${version}`, "--silent"]);
  mkdirSync(join(CACHE, "directus", version), { recursive: true });
  run("tar", [
    "xzf",
    `directus-specs-${version}.tgz`,
    "-C",
    join("directus", version),
    "package/dist/openapi.json",
  ]);
}

// 15.0.0 has an operation without `responses` (PATCH /items/{collection}), which Optic refuses to
// read at all: both sides get an empty one, so Optic judges the rest (apiloom reads either way)
DIRECTUS.forEach((version, i) => {
  const doc = JSON.parse(
    readFileSync(
      join(CACHE, "directus", version, "package/dist/openapi.json"),
      "utf8",
    ),
  );
  for (const item of Object.values(doc.paths))
    for (const [method, op] of Object.entries(item))
      if (["get", "put", "post", "delete", "patch"].includes(method))
        op.responses ??= {};
  writeFileSync(
    join(CACHE, "directus", i === 0 ? "old.json" : "new.json"),
    JSON.stringify(doc, null, 1),
  );
});

// Kubernetes 1.12 and 1.13 (Swagger 2.0, which Optic does not read), gzipped in the package
const KUBERNETES = ["1.12", "1.13"];
const k8s = join(CACHE, "kubernetes");
if (KUBERNETES.some((v) => !existsSync(join(k8s, `swagger-${v}.json`)))) {
  run("npm", ["pack", "kubernetes-client@9.0.0", "--silent"]);
  mkdirSync(k8s, { recursive: true });
  run("tar", [
    "xzf",
    "kubernetes-client-9.0.0.tgz",
    "-C",
    "kubernetes",
    ...KUBERNETES.map((v) => `package/lib/specs/swagger-${v}.json.gz`),
  ]);
  for (const v of KUBERNETES)
    writeFileSync(
      join(k8s, `swagger-${v}.json`),
      gunzipSync(
        readFileSync(join(k8s, `package/lib/specs/swagger-${v}.json.gz`)),
      ),
    );
}

const optic = join(CACHE, "optic");
if (!existsSync(join(optic, "node_modules/.bin/optic"))) {
  mkdirSync(optic, { recursive: true });
  run("npm", ["init", "-y", "--silent"], optic);
  run(
    "npm",
    ["install", `@useoptic/optic@${OPTIC_VERSION}`, "--no-audit", "--no-fund"],
    optic,
  );
}
// Optic 1.0.9's spectral-core nests its own ajv (8.20) while ajv-errors, hoisted, loads the top
// ajv (8.17): the two code generators mix and every run dies with "SyntaxError: Unexpected
// token ':'" before checking anything. A copy of ajv-errors beside the nested ajv makes it load that one.
const nested = join(
  optic,
  "node_modules/@stoplight/spectral-core/node_modules",
);
if (existsSync(join(nested, "ajv")) && !existsSync(join(nested, "ajv-errors")))
  cpSync(join(optic, "node_modules/ajv-errors"), join(nested, "ajv-errors"), {
    recursive: true,
  });

// A slice of the GitHub pair Optic can judge in a test's time: the paths that differ between the
// two versions (the first 80, sorted), each version keeping only the components they reach.
const [oldDoc, newDoc] = GITHUB.map((v) =>
  JSON.parse(
    readFileSync(
      join(CACHE, v, "package/generated/api.github.com.json"),
      "utf8",
    ),
  ),
);
const paths = [
  ...new Set([...Object.keys(oldDoc.paths), ...Object.keys(newDoc.paths)]),
]
  .filter(
    (p) => JSON.stringify(oldDoc.paths[p]) !== JSON.stringify(newDoc.paths[p]),
  )
  .sort()
  .slice(0, 80);
function slice(doc) {
  const out = { ...doc, paths: {}, components: {} };
  // their $refs reach components the slice drops
  delete out.webhooks;
  delete out["x-webhooks"];
  for (const p of paths) if (doc.paths[p]) out.paths[p] = doc.paths[p];
  const seen = new Set();
  const queue = [out.paths];
  while (queue.length > 0) {
    const value = queue.pop();
    if (Array.isArray(value)) queue.push(...value);
    else if (value && typeof value === "object")
      for (const [k, v] of Object.entries(value)) {
        if (k === "$ref" && typeof v === "string" && !seen.has(v)) {
          seen.add(v);
          const [, section, name] = v.split("/").slice(1);
          const target = doc.components?.[section]?.[name];
          if (target) {
            (out.components[section] ??= {})[name] = target;
            queue.push(target);
          }
        } else queue.push(v);
      }
  }
  out.components.securitySchemes = doc.components?.securitySchemes;
  // Optic's breaking-changes ruleset checks nothing across a major info.version change
  // (skip_when_major_version_changes, on by default), and 22 → 23 is one: both sides say 22
  out.info = { ...doc.info, version: oldDoc.info.version };
  return out;
}
mkdirSync(join(CACHE, "github-slice"), { recursive: true });
writeFileSync(
  join(CACHE, "github-slice/old.json"),
  JSON.stringify(slice(oldDoc), null, 1),
);
writeFileSync(
  join(CACHE, "github-slice/new.json"),
  JSON.stringify(slice(newDoc), null, 1),
);
console.log(`github-slice: ${paths.length} paths`);

// Optic judges every pair it has not judged yet (reports cached by version, arguments and bytes)
const started = Date.now();
await Promise.all(
  OPTIC_PAIRS.filter(
    (pair) => cachedReport(pair.old, pair.new) === undefined,
  ).map(async (pair) => {
    await judge(pair.old, pair.new);
    console.log(`Optic judged ${pair.name}`);
  }),
);
console.log(
  `Optic's reports are ready (${((Date.now() - started) / 1000).toFixed(1)} s): ` +
    "APILOOM_DIFF_ORACLE=1 npx vitest run test/diff/optic-oracle.test.ts",
);
