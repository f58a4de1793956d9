// How bin/apiloom.js runs the CLI: V8's flags for a run, then the one file `npm run build` joins
// (dist/cli/bundle.js, scripts/bundle.mjs), compiled with the code cache the build made for it
// (dist/cli/bundle.cache, scripts/code-cache.mjs). scripts/code-cache.mjs makes that cache with
// the same flags and the same compile as here: a cache from other flags is one V8 refuses.
//
// V8 compiles a function the first time it is called; a run of the CLI calls ~2,000 of them, and
// the top level of the ~870 KB file is parsed before anything runs: ~25-40 ms of every run's
// main thread, spec large or small (docs/benchmark.md, "The CLI's code cache"). With the cache,
// V8 reads the compiled bytecode instead. The cache is only a shortcut, never needed:
// - it must be made for exactly these bytes: it records their sha-256, checked before V8 sees
//   it (V8's own check compares only the source's length), and for this Node, V8 and machine
//   (checked first, so another Node does not hash for nothing);
// - V8 refuses a cache made by another V8 or under other flags (`cachedDataRejected`) and then
//   compiles the source itself, as it would without one;
// - a missing or unreadable cache is no cache. Nothing is written at run time.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import v8 from "node:v8";
import vm from "node:vm";

export const BUNDLE = fileURLToPath(
  new URL("../dist/cli/bundle.js", import.meta.url),
);
export const CODE_CACHE = fileURLToPath(
  new URL("../dist/cli/bundle.cache", import.meta.url),
);

/**
 * The file name the cache is made under, which V8 keeps in it: stack traces and profiles of a
 * run that uses the cache show this name (one that refuses it shows the real path). Fixed, so
 * that the build's bytes do not depend on where the package sits.
 */
export const CACHED_NAME = "apiloom-gen/dist/cli/bundle.js";

/**
 * V8's flags for a run of the CLI, set in its own process before the CLI is compiled.
 *
 * A run is short and its hot code (the emitters' recursive walks over schemas, the doc printer)
 * is large and sees many shapes of object. With V8's default tier-up budget (66 KB of bytecode)
 * TurboFan optimizes those functions before their type feedback has settled, so they deoptimize
 * and are compiled again, several times each: on GitHub's API that compiling was ~30% of the
 * run's CPU. A larger budget optimizes only what stays hot, with settled feedback (GitHub: ~4.1 s
 * -> ~2.9 s CPU, wall no slower; medium specs ~40% less; 2,000,000 rather than 1,000,000 since
 * the emitters got leaner: GitHub ~7% less CPU, docs/benchmark.md). It changes when code is
 * optimized, never what it computes. The library (generate()) never sets flags in its caller's
 * process. Each V8 gets the flags measured on it (RUN_FLAGS, by V8's major version; a flag V8
 * does not know would print an error line on every run, so any other V8 gets none): Node 20's
 * V8 11 tiers up by an interrupt budget; Node 22's V8 12 and Node 24's V8 13 by invocation
 * counts, raised for the same reason (GitHub, CPU medians under load, November 2026: Node 22
 * 2.49 -> 1.84 s; Node 24 (which also has Maglev) 2.15 -> 1.82 s).
 *
 * The heap may grow to 1.7x what a full collection left alive (V8 lets a small heap grow to
 * ~4x), so the old generation is collected more often and earlier: a run's peak memory follows
 * what is alive, not when V8 happened to collect (GitHub's API: 166-212 MiB -> ~150 MiB, a
 * 10,000-operation API ~257-272 -> ~220 MiB, for 5-10% more CPU; docs/benchmark.md). V8 13 also
 * grows its young generation much further than V8 11, which doubled GitHub's peak (322 MiB
 * against 172 on Node 20); `--semi-space-growth-factor=1` keeps it at its starting size (the
 * semi-space size flags only take effect at start-up, before a launcher runs): 322 -> ~152 MiB.
 * Measured with APILOOM_V8_TUNING=0 (V8's defaults) alternated against the tuning: docs/benchmark.md.
 */
export const RUN_FLAGS = {
  11: ["--interrupt-budget=2000000", "--heap-growing-percent=70"],
  12: ["--invocation-count-for-turbofan=30000", "--heap-growing-percent=70"],
  13: [
    "--invocation-count-for-maglev=4000",
    "--invocation-count-for-turbofan=30000",
    "--semi-space-growth-factor=1",
    "--heap-growing-percent=70",
  ],
};

export function setRunFlags() {
  // APILOOM_V8_TUNING=0 runs on V8's defaults: how the tuning is measured against them
  if (process.env.APILOOM_V8_TUNING === "0") return;
  for (const flag of RUN_FLAGS[process.versions.v8?.split(".")[0] ?? ""] ?? [])
    v8.setFlagsFromString(flag);
}

/** The bundle's bytes compiled as the script it is (a function expression), with a cache or not. */
export function compileBundle(bytes, cachedData, filename = BUNDLE) {
  return new vm.Script(bytes.toString("utf8"), { filename, cachedData });
}

/**
 * The Node, V8 and machine a cache is made by and for: V8's own check is its version, and Node
 * releases patch their V8; a cache made elsewhere is not offered to V8 at all.
 */
const MADE_BY = `${process.version} ${process.versions.v8} ${process.platform}-${process.arch}`;

/** What a cache file starts with: who made it (MADE_BY) and the bundle's bytes it is for. */
export function cacheHeader(bytes) {
  const hash = createHash("sha256").update(bytes).digest("hex");
  return Buffer.from(`apiloom-code-cache\0${MADE_BY}\0${hash}\0`);
}

/**
 * The CLI's `main`, compiled from `bundle` with the code cache in `cache` when that was made for
 * it, and what became of the cache: "used", "rejected" (V8 compiled the source itself), "stale"
 * (made for other bytes or another V8: not given to V8) or "none".
 */
export function loadCli(bundle = BUNDLE, cache = CODE_CACHE) {
  const bytes = readFileSync(bundle);
  const cachedData = cacheFor(bytes, cache);
  const script = compileBundle(bytes, cachedData.data, bundle);
  const module = { exports: {} };
  // the bundle's parameters (scripts/bundle.mjs): its module, require, import.meta.url and
  // import(); `import()` in a script with a code cache finds no loader in Node 20 (the cache
  // drops the script's host options), so the bundle imports templates and configs through this
  script.runInThisContext()(
    module,
    createRequire(bundle),
    pathToFileURL(bundle).href,
    (specifier) => import(specifier),
  );
  const status =
    cachedData.data === undefined
      ? cachedData.status
      : script.cachedDataRejected
        ? "rejected"
        : "used";
  return { main: module.exports.main, cache: status };
}

function cacheFor(bytes, cache) {
  let file;
  try {
    file = readFileSync(cache);
  } catch {
    return { status: "none" };
  }
  const versionEnd = file.indexOf(0, file.indexOf(0) + 1);
  if (
    file.subarray(0, versionEnd + 1).toString("latin1") !==
    `apiloom-code-cache\0${MADE_BY}\0`
  )
    return { status: "stale" };
  const header = cacheHeader(bytes);
  if (!file.subarray(0, header.length).equals(header))
    return { status: "stale" };
  return { status: "used", data: file.subarray(header.length) };
}

/**
 * Runs the CLI's `main` and sets the exit code from it. A run whose work waits on nothing that
 * can still happen (a promise no event will settle) would end with exit 0 and nothing said, so
 * `--check` would pass: that is an internal error, exit 2, like a thrown one.
 */
export function runCli(main, args) {
  let settled = false;
  const fail = (why) => {
    process.stderr.write(`apiloom: internal error: ${why}\n`);
    process.exitCode = 2;
  };
  process.on("exit", () => {
    if (!settled)
      fail("the run stopped before it finished, waiting on nothing");
  });
  main(args).then(
    (code) => {
      settled = true;
      process.exitCode = code;
    },
    (error) => {
      settled = true;
      fail(error instanceof Error ? error.stack : String(error));
    },
  );
}
