// The command line as one file: `npm run build` compiles src/ into dist/ (tsc), then this joins
// the CLI's modules (dist/cli/main.js and all it imports of apiloom's own) into
// dist/cli/bundle.js, which bin/apiloom.js loads. Node resolves, reads and links every ES module
// on its own: apiloom's ~300 cost ~70 ms of each run's CPU and wall time, a third of a small
// spec's run (docs/benchmark.md, "Loading the CLI"). One file is read and compiled lazily by V8.
// esbuild is made for exactly this (and was a dev dependency already, for bench/bundle.mjs).
//
// What the bundle keeps as it was:
// - packages stay outside it (`packages: "external"`), loaded from node_modules as before;
// - a module imported with `await import()` is still evaluated only when it is imported (esbuild
//   wraps it in an initializer), and a package that module imports by name (ts-morph, for
//   scaffolding and the diff's call sites) is required at that moment, not when the file loads:
//   in one ES module file its `import` would be hoisted to the top and load ts-morph (~100 ms) on
//   every run;
// - paths relative to `import.meta.url` (templates/, package.json, dist/ for the code identity):
//   the bundle sits in dist/cli/, at the depth of every module that uses one.
// The library (`import ... from "apiloom-gen"`, dist/index.js) is not bundled: a script that
// imports it loads the modules tsc wrote.
import { build } from "esbuild";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** Static imports of packages, made into a require at the importing module's first evaluation. */
const lazyPackages = {
  name: "lazy-packages",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.kind !== "import-statement" || args.path.startsWith("node:"))
        return undefined;
      return { path: args.path, namespace: "lazy-package" };
    });
    b.onLoad({ filter: /.*/, namespace: "lazy-package" }, (args) => {
      const names = Object.keys(require(args.path)).filter((name) =>
        /^[A-Za-z_$][\w$]*$/.test(name),
      );
      return {
        contents: [
          'import { createRequire } from "node:module";',
          `const loaded = createRequire(import.meta.url)(${JSON.stringify(args.path)});`,
          `export const { ${names.join(", ")} } = loaded;`,
          "export default loaded;",
        ].join("\n"),
        loader: "js",
      };
    });
  },
};

await build({
  entryPoints: ["dist/cli/main.js"],
  outfile: "dist/cli/bundle.js",
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  plugins: [lazyPackages],
  logLevel: "warning",
});
