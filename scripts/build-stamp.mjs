// The record a build without problems leaves (under node_modules/.cache, never in the package): a
// hash of what it read (the compiler's version, both tsconfigs, the bundling scripts, src/) and a
// hash of the dist/ it left. `npm run build` writes it once tsc and scripts/bundle.mjs passed;
// test/global-setup.ts skips its build while both still match, so CI, which built on `npm ci`,
// does not build again, and a dist/ anything else rewrote since is built again.
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const STAMP = "node_modules/.cache/apiloom-test/build-inputs";

/** The record of the build in dist/ now, for the inputs as they are now. */
function buildRecord() {
  const inputs = hashOf([
    "node_modules/typescript/package.json",
    "tsconfig.json",
    "tsconfig.build.json",
    "scripts/bundle.mjs",
    "scripts/code-cache.mjs",
    "bin/load-cli.js",
    "node_modules/esbuild/package.json",
    ...files(
      "src",
      (name) => name.endsWith(".ts") && !name.endsWith(".test.ts"),
    ),
  ]);
  return `${inputs}\n${hashOf(files("dist"))}\n`;
}

/** True when dist/ is the recorded build of the inputs as they are now. */
export function isBuilt() {
  return (
    existsSync(STAMP) &&
    existsSync("dist/cli/bundle.js") &&
    existsSync("dist/cli/bundle.cache") &&
    readFileSync(STAMP, "utf8") === buildRecord()
  );
}

/** Records the build in dist/ as one without problems. */
export function recordBuild() {
  mkdirSync(dirname(STAMP), { recursive: true });
  writeFileSync(STAMP, buildRecord());
}

/**
 * One hash over the paths and bytes of `paths`.
 * @param {readonly string[]} paths
 */
function hashOf(paths) {
  const hash = createHash("sha256");
  for (const path of paths)
    hash.update(`${path}\0`).update(readFileSync(path)).update("\0");
  return hash.digest("hex");
}

/**
 * The files under `dir` (those whose name `keep` accepts), in a stable order.
 * @param {string} dir
 * @param {(name: string) => boolean} keep
 * @returns {string[]}
 */
function files(dir, keep = () => true) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((e) => {
      const path = join(dir, e.name);
      if (e.isDirectory()) return files(path, keep);
      return e.isFile() && keep(e.name) ? [path] : [];
    });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) recordBuild();
