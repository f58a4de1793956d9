#!/usr/bin/env node
// What a run's old generation had to collect: runs `apiloom generate <spec> --out <fresh dir>
// --no-config --no-lock [more arguments]` once (the CLI's launcher, its V8 flags included) under
// V8's sampling heap profiler, keeping the samples of objects that full collections freed but not
// of those that died young, and collects everything at the end. What it prints is what lived
// long enough to be copied into the old generation (or was allocated there: strings over ~128 KB
// go to the large-object space at once) and so made full collections come sooner: the bytes by
// allocating function, by source folder, and by the function with the three frames that called it.
// A diagnostic, not a benchmark: sampling (one sample per 16 KiB allocated) is approximate, and
// what is promoted depends on when the young generation's collections come. A full collection
// frees the young generation's dead objects too, and those count here as well: `--unbound` runs
// without the launcher's heap bound (--heap-growing-percent), so with V8's 2 or 3 full
// collections instead of about 6, which leaves less of that noise.
//
//   node bench/promoted.mjs <spec> [top, default 25] [--unbound] [-- more generate arguments]
//
// The same file is the preload of the process it starts (APILOOM_PROMOTED set).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

if (process.env.APILOOM_PROMOTED) await preload(process.env.APILOOM_PROMOTED);
else if (process.argv[1] === fileURLToPath(import.meta.url)) run();

function run() {
  const args = process.argv.slice(2);
  const dash = args.indexOf("--");
  const own = dash < 0 ? args : args.slice(0, dash);
  const unbound = own.includes("--unbound");
  const [spec, top = "25"] = own.filter((a) => a !== "--unbound");
  const more = dash < 0 ? [] : args.slice(dash + 1);
  if (!spec) {
    console.error(
      "usage: node bench/promoted.mjs <spec> [top] [-- generate arguments]",
    );
    process.exit(2);
  }
  const root = dirname(dirname(fileURLToPath(import.meta.url)));
  const dir = mkdtempSync(join(tmpdir(), "apiloom-promoted-"));
  const profile = join(dir, "profile.json");
  const child = spawnSync(
    process.execPath,
    [
      "--expose-gc",
      "--import",
      fileURLToPath(import.meta.url),
      join(root, "bin/apiloom.js"),
      "generate",
      spec,
      "--out",
      join(dir, "out"),
      "--no-config",
      "--no-lock",
      ...more,
    ],
    {
      encoding: "utf8",
      env: {
        ...process.env,
        APILOOM_PROMOTED: profile,
        APILOOM_PROMOTED_UNBOUND: unbound ? "1" : "",
      },
    },
  );
  if (child.status !== 0) console.error(child.stderr);
  const head = JSON.parse(readFileSync(profile, "utf8")).head;
  rmSync(dir, { recursive: true, force: true });
  report(head, Number(top), root);
}

/** In the CLI's process: the sampling profiler from the start, its profile written at the end. */
async function preload(file) {
  if (process.env.APILOOM_PROMOTED_UNBOUND) {
    // the launcher sets its flags through this same module object
    const v8 = (await import("node:v8")).default;
    const set = v8.setFlagsFromString.bind(v8);
    v8.setFlagsFromString = (flags) =>
      flags.startsWith("--heap-growing-percent") ? undefined : set(flags);
  }
  const { Session } = await import("node:inspector/promises");
  const session = new Session();
  session.connect();
  await session.post("HeapProfiler.startSampling", {
    samplingInterval: 16384,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: false,
  });
  let done = false;
  process.on("beforeExit", async () => {
    if (done) return;
    done = true;
    globalThis.gc();
    const { profile } = await session.post("HeapProfiler.stopSampling");
    writeFileSync(file, JSON.stringify(profile));
  });
}

function report(head, top, root) {
  const name = (f) =>
    `${f.functionName || "(anonymous)"} ${f.url.replace(`file://${root}/`, "").replace(/^dist\//, "") || "(native)"}:${f.lineNumber + 1}`;
  const folder = (stack) => {
    // the nearest frame of apiloom's own code names the folder
    for (let i = stack.length - 1; i >= 0; i--) {
      const m = /\/(?:dist|templates)\/(.*)\/[^/]+\.js$/.exec(stack[i].url);
      if (m)
        return stack[i].url.includes("/templates/")
          ? `templates/${m[1]}`
          : m[1];
    }
    return "(node, runtime)";
  };
  const byFunction = new Map();
  const byFolder = new Map();
  const byStack = new Map();
  let total = 0;
  const add = (map, key, bytes) => map.set(key, (map.get(key) ?? 0) + bytes);
  const walk = (node, stack) => {
    const frames = [...stack, node.callFrame];
    if (node.selfSize > 0) {
      total += node.selfSize;
      add(byFunction, name(node.callFrame), node.selfSize);
      add(byFolder, folder(frames), node.selfSize);
      add(
        byStack,
        frames.slice(-4).reverse().map(name).join(" <- "),
        node.selfSize,
      );
    }
    for (const child of node.children) walk(child, frames);
  };
  walk(head, []);
  const print = (title, map) => {
    console.log(`\n${title}`);
    for (const [key, bytes] of [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top))
      console.log(`${(bytes / 1e6).toFixed(1).padStart(7)} MB  ${key}`);
  };
  console.log(
    `promoted or allocated old, then collected or left at the end: ${(total / 1e6).toFixed(1)} MB (sampled)`,
  );
  print("by source folder (nearest apiloom frame)", byFolder);
  print("by allocating function", byFunction);
  print("by allocating function and its three callers", byStack);
}
