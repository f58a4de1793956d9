// `npm run pack:user`: the user's tarball (apiloom-gen-<version>.tgz, in the repository's
// folder) without the contributor's install. `npm ci` brings every dev dependency (the browsers,
// Bun, Deno, the peers' packages: ~650 MB) and `npm test`'s Node 22 and 24 binaries come with the
// compat tests (`npm run compat:setup`); building dist/ needs only the compiler, esbuild and the
// type packages. So this copies what the build reads into a temporary folder, gives it a
// package.json whose devDependencies are those alone (versions as the repository's), installs
// there (install scripts off: nothing of the repository's runs), builds and packs. The tarball's
// manifest is the one `npm pack` makes in the repository (scripts/pack-manifest.mjs strips the
// same members), so it is the same package.
import { spawnSync } from "node:child_process";
import {
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const REPO = resolve(import.meta.dirname, "..");
const BUILD_TOOLS = [
  "typescript",
  "esbuild",
  "@types/node",
  "@types/js-yaml",
  "@types/picomatch",
];
const COPIED = [
  "bin",
  "scripts",
  "src",
  "templates",
  "README.md",
  "tsconfig.json",
  "tsconfig.build.json",
];

const manifest = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8"));
const work = mkdtempSync(join(tmpdir(), "apiloom-pack-user-"));
try {
  for (const path of COPIED)
    cpSync(join(REPO, path), join(work, path), { recursive: true });
  const devDependencies = Object.fromEntries(
    BUILD_TOOLS.map((name) => [name, manifest.devDependencies[name]]),
  );
  writeFileSync(
    join(work, "package.json"),
    JSON.stringify(
      { ...manifest, devDependencies, workspaces: undefined },
      null,
      2,
    ) + "\n",
  );
  const run = (cmd, args, env = {}) => {
    const result = spawnSync(cmd, args, {
      cwd: work,
      stdio: "inherit",
      env: { ...process.env, ...env },
    });
    if (result.status !== 0) {
      process.stderr.write(`pack:user: ${cmd} ${args.join(" ")} failed\n`);
      process.exit(result.status ?? 1);
    }
  };
  run("npm", ["install", "--ignore-scripts", "--no-audit", "--no-fund"]);
  run("npm", ["run", "--silent", "build"]);
  run("npm", ["pack", "--ignore-scripts=false", "--pack-destination", REPO], {
    APILOOM_PACK_NO_BUILD: "1",
  });
  const tarball = readdirSync(REPO).find(
    (f) => f === `${manifest.name}-${manifest.version}.tgz`,
  );
  process.stdout.write(
    `pack:user: ${tarball}: install it with npm i -D <path to this folder>/${tarball}\n`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
