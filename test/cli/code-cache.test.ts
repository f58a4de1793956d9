import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { outDir, PETSTORE, REPO } from "./run.js";

/**
 * The launcher compiles the CLI's one file with the V8 code cache the build made for it
 * (bin/load-cli.js, scripts/code-cache.mjs): V8 reads the compiled functions instead of
 * compiling them as they are first called. The cache is a shortcut only: made for other bytes
 * it is not used, refused by V8 (other flags) the source is compiled, and the run is the same.
 */
const BUNDLE = join(REPO, "dist/cli/bundle.js");
const CACHE = join(REPO, "dist/cli/bundle.cache");
const LOADER = pathToFileURL(join(REPO, "bin/load-cli.js")).href;

/** What became of the cache when a fresh process (with `flags`) loads `bundle` with `cache`. */
function cacheStatus(
  bundle = BUNDLE,
  cache = CACHE,
  flags: readonly string[] = [],
): string {
  const code = `import { loadCli, setRunFlags } from ${JSON.stringify(LOADER)};
setRunFlags();
const { main, cache } = loadCli(${JSON.stringify(bundle)}, ${JSON.stringify(cache)});
if (typeof main !== "function") throw new Error("no main");
process.stdout.write(cache);`;
  const run = spawnSync(
    process.execPath,
    [...flags, "--input-type=module", "-e", code],
    { encoding: "utf8" },
  );
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

/** Every file below `dir`, by path relative to it, with its bytes. */
function tree(dir: string, prefix = ""): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory())
      Object.assign(files, tree(path, `${prefix}${entry.name}/`));
    else files[`${prefix}${entry.name}`] = readFileSync(path, "latin1");
  }
  return files;
}

function generate(out: string, flags: readonly string[] = []): void {
  const run = spawnSync(
    process.execPath,
    [
      ...flags,
      join(REPO, "bin/apiloom.js"),
      "generate",
      PETSTORE,
      "--out",
      out,
      "--no-config",
      "--no-lock",
      "-q",
    ],
    { cwd: REPO, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } },
  );
  expect(run.status, run.stderr).toBe(0);
}

describe("the CLI's code cache", () => {
  it("is used by the launcher (this Node made it, with the launcher's flags)", () => {
    expect(cacheStatus()).toBe("used");
  });

  it("is for a bundle with no import() of its own (in a script compiled from a cache it finds no loader)", () => {
    // a specifier made at run time is imported through the launcher: src/emit/import-module.ts
    const source = readFileSync(BUNDLE, "utf8");
    expect(source).toContain("launcherImport(specifier)");
    expect(source.match(/\bimport\s*\(/g) ?? []).toEqual([]);
  });

  it("is the same bytes when made again: the build is deterministic", () => {
    const again = join(outDir("code-cache-again"), "bundle.cache");
    const made = spawnSync(
      process.execPath,
      ["--random-seed=1", "scripts/code-cache.mjs", BUNDLE, again],
      { cwd: REPO, encoding: "utf8" },
    );
    expect(made.status, made.stderr).toBe(0);
    expect(readFileSync(again).equals(readFileSync(CACHE))).toBe(true);
  });

  it("is not given to V8 for other bytes of the same length, nor from another Node", () => {
    const dir = outDir("code-cache-stale");
    const bundle = join(dir, "bundle.js");
    const cache = join(dir, "bundle.cache");
    copyFileSync(CACHE, cache);
    // one character of a comment changed: V8's own check (the source's length) would pass it
    const source = readFileSync(BUNDLE, "utf8");
    const at = source.indexOf("// ");
    expect(at).toBeGreaterThan(-1);
    writeFileSync(bundle, `${source.slice(0, at)}//-${source.slice(at + 3)}`);
    expect(cacheStatus(bundle, cache)).toBe("stale");
    // the same bytes, cache and all, are used
    copyFileSync(BUNDLE, bundle);
    expect(cacheStatus(bundle, cache)).toBe("used");
    // a cache that says another Node made it
    const other = readFileSync(CACHE, "latin1").replace(
      `\0${process.version} `,
      `\0${process.version}-other `,
    );
    expect(other).not.toBe(readFileSync(CACHE, "latin1"));
    writeFileSync(cache, other, "latin1");
    expect(cacheStatus(bundle, cache)).toBe("stale");
    expect(cacheStatus(bundle, join(dir, "missing.cache"))).toBe("none");
  });

  it("refused by V8 (other flags), leaves the source compiled, and the output is the same", () => {
    expect(cacheStatus(BUNDLE, CACHE, ["--no-opt"])).toBe("rejected");
    // the same folder both times: the docs name it
    const out = outDir("code-cache-output");
    generate(out);
    const files = tree(out);
    expect(Object.keys(files).length).toBeGreaterThan(10);
    generate(outDir("code-cache-output"), ["--no-opt"]);
    expect(tree(out)).toEqual(files);
  });
});
