import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { outDir, PETSTORE, REPO } from "./run.js";

/**
 * Loading a module is paid on every run, used or not. The CLI is one file, dist/cli/bundle.js
 * (scripts/bundle.mjs joins apiloom's ~300 modules: resolving, reading and linking them one by
 * one was ~70 ms of every run), which the launcher reads and compiles with its code cache
 * (bin/load-cli.js): no module of dist/ is loaded. Packages stay outside it and are loaded when
 * first needed: the YAML parsers (js-yaml, and the `yaml` package, the larger) on the first YAML
 * parse only (src/ingest/parse/yaml.ts), ts-morph only to read a handlers file (src/scaffold/).
 * A module-loading hook in the real CLI's process lists every file it loads.
 */
const HOOKS = `data:text/javascript,${encodeURIComponent(
  `import { writeSync } from "node:fs";
export async function load(url, context, next) {
  writeSync(2, "LOADED " + url + "\\n");
  return next(url, context);
}`,
)}`;
// the hook sees what is imported; what CommonJS code requires is in require's cache at exit
const REGISTER = `data:text/javascript,${encodeURIComponent(
  `import { writeSync } from "node:fs";
import { createRequire, register } from "node:module";
register(${JSON.stringify(HOOKS)});
process.on("exit", () => {
  for (const file of Object.keys(createRequire(process.cwd() + "/").cache))
    writeSync(2, "LOADED " + file + "\\n");
});`,
)}`;

/** The files a generate run loads (through import or require). */
function filesLoaded(
  input: string,
  out: string,
  extra: readonly string[] = [],
): string[] {
  const run = spawnSync(
    process.execPath,
    [
      "--import",
      REGISTER,
      join(REPO, "bin/apiloom.js"),
      "generate",
      input,
      "--out",
      out,
      "--no-config",
      "--no-lock",
      ...extra,
    ],
    { cwd: REPO, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } },
  );
  expect(run.status, run.stderr).toBe(0);
  const loaded = [...run.stderr.matchAll(/^LOADED (\S+)$/gm)].map((m) => m[1]!);
  // the hook sees the run's own code (it works): the launcher's two modules, none of dist/
  // (templates/ are modules of their own, each loaded when its artifact is made)
  const repo = pathToFileURL(join(REPO, ".")).href + "/";
  const own = loaded.filter(
    (url) =>
      /^(?:bin|dist)\//.test(url.slice(repo.length)) && url.startsWith(repo),
  );
  expect(own.map((url) => url.slice(repo.length)).sort()).toEqual([
    "bin/apiloom.js",
    "bin/load-cli.js",
  ]);
  return loaded;
}

/** The node_modules packages a generate run loads. */
function packagesLoaded(
  input: string,
  out: string,
  extra: readonly string[] = [],
): string[] {
  return [
    ...new Set(
      filesLoaded(input, out, extra).flatMap((url) => {
        const at =
          /[/\\]node_modules[/\\]((?:@[^/\\]+[/\\])?[^/\\]+)[/\\]/.exec(url);
        return at ? [at[1]!] : [];
      }),
    ),
  ].sort();
}

describe("modules a run loads", () => {
  it("a JSON input loads no package: no YAML parser, no ts-morph", () => {
    expect(packagesLoaded(PETSTORE, outDir("lazy-json"))).toEqual([]);
  });

  it("a YAML input loads js-yaml when it parses it", () => {
    const packages = packagesLoaded(
      join(REPO, "test/fixtures/swagger2/relative.yaml"),
      outDir("lazy-yaml"),
    );
    expect(packages).toContain("js-yaml");
    expect(packages).not.toContain("ts-morph");
  });

  it("a run with a handlers file loads ts-morph, to read it", () => {
    const out = outDir("lazy-handlers");
    const packages = packagesLoaded(PETSTORE, join(out, "generated"), [
      "--server-handlers",
      join(out, "handlers.ts"),
    ]);
    expect(packages).toContain("ts-morph");
  });
});
