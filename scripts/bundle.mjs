// The command line as one file: `npm run build` compiles src/ into dist/ (tsc), then this joins
// the CLI's modules (dist/cli/main.js and all it imports of apiloom's own) into
// dist/cli/bundle.js, which bin/apiloom.js loads, and makes V8's code cache for it
// (scripts/code-cache.mjs). Node resolves, reads and links every ES module on its own: apiloom's
// ~300 cost ~70 ms of each run's CPU and wall time, a third of a small spec's run
// (docs/benchmark.md, "Loading the CLI"). One file is read once and compiled from its cache.
// esbuild is made for exactly this (and was a dev dependency already, for bench/bundle.mjs).
//
// The file is one function expression, not a module: bin/load-cli.js compiles it with node:vm,
// which takes a code cache (Node 20 has none for ES modules), and calls it with
// (module, require, importMetaUrl, importModule). Inside, esbuild's CommonJS form:
// - packages stay outside it (`packages: "external"`), required from node_modules; a module
//   imported with `await import()` is still evaluated only when it is imported (esbuild wraps it
//   in an initializer), and the packages it requires (ts-morph, for scaffolding and the diff's
//   call sites) with it: not on every run (~100 ms);
// - a package imported with `await import("yaml")` is required at that moment too;
// - `import.meta.url` is the bundle's URL: paths relative to it (templates/, package.json, the
//   code identity) hold, as the bundle sits in dist/cli/, at the depth of every module using one;
// - src/emit/import-module.ts, apiloom's one `import()` of a specifier made at run time (a
//   template, a config), is the launcher's: `import()` inside a script compiled with a code
//   cache finds no module loader in Node 20.
// The library (`import ... from "apiloom-gen"`, dist/index.js) is not bundled.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { build } from "esbuild";

const OUT = "dist/cli/bundle.js";
const CACHE = "dist/cli/bundle.cache";

/** `await import("package")`: a require when it runs (the package's CommonJS entry). */
const importedPackages = {
  name: "imported-packages",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.kind !== "dynamic-import" || args.path.startsWith("node:"))
        return undefined;
      return { path: args.path, namespace: "imported-package" };
    });
    b.onLoad({ filter: /.*/, namespace: "imported-package" }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(args.path)});`,
      resolveDir: process.cwd(),
      loader: "js",
    }));
  },
};

/** The launcher's import() for src/emit/import-module.ts. */
const launcherImport = {
  name: "launcher-import",
  setup(b) {
    b.onLoad({ filter: /[\\/]dist[\\/]emit[\\/]import-module\.js$/ }, () => ({
      contents:
        "export const importModule = (specifier) => launcherImport(specifier);",
      loader: "js",
    }));
  },
};

rmSync(CACHE, { force: true });
await build({
  entryPoints: ["dist/cli/main.js"],
  outfile: OUT,
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  packages: "external",
  plugins: [importedPackages, launcherImport],
  define: { "import.meta.url": "importMetaUrl" },
  banner: {
    js: "(function (module, require, importMetaUrl, launcherImport) {",
  },
  footer: { js: "})" },
  logLevel: "warning",
});

const made = spawnSync(
  process.execPath,
  ["--random-seed=1", "scripts/code-cache.mjs", OUT, CACHE],
  { stdio: "inherit" },
);
if (made.status !== 0) process.exit(made.status ?? 1);
