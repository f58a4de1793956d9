import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { outDir, PETSTORE, REPO } from "./run.js";

/**
 * Loading a module is paid on every run, used or not (compiling apiloom's own modules was ~28 ms
 * of a run). The YAML parsers (js-yaml, and the `yaml` package, the larger) are loaded on the
 * first YAML parse only (src/ingest/parse/yaml.ts): a run that reads JSON never loads them. The
 * comparer of the earlier OpenAPI document with this run's (src/diff/) is loaded only when the
 * output folder holds an earlier one (src/workflow/since-last-run.ts).
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
function filesLoaded(input: string, out: string): string[] {
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
    ],
    { cwd: REPO, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } },
  );
  expect(run.status, run.stderr).toBe(0);
  const loaded = [...run.stderr.matchAll(/^LOADED (\S+)$/gm)].map((m) => m[1]!);
  // the hook sees the run's own modules too: it works
  expect(loaded.some((url) => url.endsWith("/dist/cli/main.js"))).toBe(true);
  return loaded;
}

/** The node_modules packages a generate run loads. */
function packagesLoaded(input: string, out: string): string[] {
  return [
    ...new Set(
      filesLoaded(input, out).flatMap((url) => {
        const at =
          /[/\\]node_modules[/\\]((?:@[^/\\]+[/\\])?[^/\\]+)[/\\]/.exec(url);
        return at ? [at[1]!] : [];
      }),
    ),
  ].sort();
}

const COMPARER = "/dist/diff/compare.js";

describe("modules a run loads", () => {
  it("a JSON input loads no YAML parser", () => {
    const packages = packagesLoaded(PETSTORE, outDir("lazy-json"));
    expect(packages).not.toContain("yaml");
    expect(packages).not.toContain("js-yaml");
  });

  it("a YAML input loads js-yaml when it parses it", () => {
    const packages = packagesLoaded(
      join(REPO, "test/fixtures/swagger2/relative.yaml"),
      outDir("lazy-yaml"),
    );
    expect(packages).toContain("js-yaml");
  });

  it("the comparer of OpenAPI documents (src/diff/) is loaded only when the folder holds an earlier one", () => {
    const out = outDir("lazy-diff");
    const first = filesLoaded(PETSTORE, out);
    expect(first.some((url) => url.endsWith(COMPARER))).toBe(false);
    // another API into the same folder: not a run with nothing to do, and it has an earlier one
    const second = filesLoaded(
      join(REPO, "test/fixtures/swagger2/relative.yaml"),
      out,
    );
    expect(second.some((url) => url.endsWith(COMPARER))).toBe(true);
  });
});
