import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = fileURLToPath(new URL("../..", import.meta.url));
export const FIXTURES = join(REPO, "test/fixtures/workflow");

/**
 * Node 20 cannot run the TypeScript sources and dist/ may be stale, so the child-process tests
 * transpile src/ (plus the fake stages) into a temp folder laid out like the repo, with
 * node_modules and templates linked, and run the CLI from there. Every call gets a fresh folder
 * of its own (tests edit the build they get); the transpiled files are made once per content of
 * the sources and copied from a cache in the temp folder (see transpiledSources).
 */
export async function buildCli(): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), "apiloom-cli-"));
  cpSync(await transpiledSources(), root, { recursive: true });
  symlinkSync(join(REPO, "node_modules"), join(root, "node_modules"));
  symlinkSync(join(REPO, "templates"), join(root, "templates"));
  // apiloom's name and version, as a checkout has them (the manifest names apiloom by version)
  const { name, version } = JSON.parse(
    readFileSync(join(REPO, "package.json"), "utf8"),
  );
  writeFileSync(
    join(root, "package.json"),
    JSON.stringify({ name, version, type: "module" }) + "\n",
  );
  // APILOOM_TEST_FAKE_STAGES=1 swaps in the fake emitters of test/workflow/fake-stages.ts;
  // APILOOM_TEST_PAUSE=stage:2 blocks the writer for good after the second staged file
  // (apply:1 after the first rename into place; early:1 after the first text staged while the
  // plugins run) and says so on stderr, for the crash tests. APILOOM_TEST_EARLY_MIN=n stages
  // every text of n characters or more as it is made (0: all of them; see early-stage.ts).
  writeFileSync(
    join(root, "run.mjs"),
    `import { writeSync } from "node:fs";
import { main } from "./src/cli/main.js";
import { runGenerate } from "./src/cli/generate.js";
const args = process.argv.slice(2);
const pause = process.env.APILOOM_TEST_PAUSE;
const early = process.env.APILOOM_TEST_EARLY_MIN;
const write = {
  earlyMinChars: early === undefined ? undefined : Number(early),
  afterStep(phase, count) {
    if (pause !== phase + ":" + count) return;
    writeSync(2, "apiloom-test-paused " + phase + ":" + count + "\\n");
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  },
};
const run = async () => {
  if (args[0] !== "generate") return main(args);
  const stages =
    process.env.APILOOM_TEST_FAKE_STAGES === "1"
      ? (await import("./test/workflow/fake-stages.js")).fakeStages
      : undefined;
  return runGenerate(args.slice(1), { stages, write });
};
run().then((code) => { process.exitCode = code; }, (error) => {
  process.stderr.write("internal error: " + (error && error.stack) + "\\n");
  process.exitCode = 2;
});
`,
  );
  return join(root, "run.mjs");
}

/** Folders of transpiled sources older than this are removed when a new one is made. */
const STALE_CACHE_MS = 24 * 60 * 60 * 1000;
const CACHE_PREFIX = "apiloom-test-cli-";

/**
 * src/ and the fake stages transpiled to JS (each file as `ts.transpileModule` makes it, at its
 * path relative to the repo), in `<tmpdir>/apiloom-test-cli-<hash>/`: the hash covers every
 * source's path and bytes and ts-morph's version, so an edit makes a new folder and a folder
 * is never stale. Made in a staging folder and renamed into place, so test files running at the
 * same time never see half of one. Transpiling takes seconds of CPU; the copy, milliseconds.
 */
async function transpiledSources(): Promise<string> {
  const sources = [
    ...listTs(join(REPO, "src")),
    join(REPO, "test/workflow/fake-stages.ts"),
  ].sort();
  const texts = sources.map((file) => readFileSync(file, "utf8"));
  const morph = readFileSync(join(REPO, "node_modules/ts-morph/package.json"));
  const hash = createHash("sha256").update(morph);
  sources.forEach((file, i) =>
    hash.update(`${relative(REPO, file)}\0${texts[i]}\0`),
  );
  const cache = join(tmpdir(), CACHE_PREFIX + hash.digest("hex").slice(0, 32));
  if (existsSync(cache)) {
    const now = new Date();
    utimesSync(cache, now, now); // in use: not stale for pruneStaleCaches
    return cache;
  }
  const { ts } = await import("ts-morph");
  const staging = mkdtempSync(join(tmpdir(), "apiloom-test-cli-staging-"));
  sources.forEach((file, i) => {
    const out = join(staging, relative(REPO, file)).replace(/\.ts$/, ".js");
    mkdirSync(dirname(out), { recursive: true });
    const js = ts.transpileModule(texts[i]!, {
      fileName: file,
      compilerOptions: {
        module: ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2022,
      },
    }).outputText;
    writeFileSync(out, js);
  });
  try {
    renameSync(staging, cache);
  } catch {
    // another test file made the same folder meanwhile: its bytes are the same
    rmSync(staging, { recursive: true, force: true });
  }
  pruneStaleCaches(cache);
  return cache;
}

function pruneStaleCaches(keep: string): void {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(CACHE_PREFIX)) continue;
    const dir = join(tmpdir(), name);
    if (dir === keep) continue;
    try {
      if (Date.now() - statSync(dir).mtimeMs > STALE_CACHE_MS)
        rmSync(dir, { recursive: true, force: true });
    } catch {
      // gone already
    }
  }
}

function listTs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return listTs(full);
    return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") ? [full] : [];
  });
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  env?: Record<string, string | undefined>;
  fake?: boolean;
}

export function startCli(
  cli: string,
  args: string[],
  options: RunOptions,
): { child: ChildProcess; done: Promise<RunResult>; output: () => string } {
  const env: Record<string, string | undefined> = {
    ...process.env,
    NO_COLOR: "1",
    APILOOM_TEST_FAKE_STAGES: options.fake === false ? undefined : "1",
    ...options.env,
  };
  const child = spawn(process.execPath, [cli, ...args], {
    cwd: options.cwd,
    env: Object.fromEntries(
      Object.entries(env).filter(([, v]) => v !== undefined),
    ) as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<RunResult>((resolve) =>
    child.on("close", (code, signal) =>
      resolve({ code, signal, stdout, stderr }),
    ),
  );
  return { child, done, output: () => stdout + stderr };
}

export function runCli(
  cli: string,
  args: string[],
  options: RunOptions,
): Promise<RunResult> {
  return startCli(cli, args, options).done;
}

export async function waitFor(
  condition: () => boolean,
  what: string,
  timeoutMs = 20_000,
): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs)
      throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A fresh project folder with the given fixture files copied in (as `specs/<name>`). */
export function makeProject(specs: string[], config?: string): string {
  const dir = mkdtempSync(join(tmpdir(), "apiloom-project-"));
  mkdirSync(join(dir, "specs"));
  for (const spec of specs)
    cpSync(join(FIXTURES, spec), join(dir, "specs", spec));
  if (config !== undefined)
    writeFileSync(join(dir, "apiloom.config.json"), config);
  writeFileSync(join(dir, "package.json"), "{}\n");
  return dir;
}

/** Every file under `dir` (relative path → contents), for byte-for-byte comparisons. */
export function snapshotTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (sub: string) => {
    for (const e of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${e.name}` : e.name;
      if (e.isDirectory()) walk(rel);
      else out[rel] = readFileSync(join(dir, rel), "utf8");
    }
  };
  walk("");
  return out;
}

export function mtimes(dir: string, files: readonly string[]): number[] {
  return files.map((f) => statSync(join(dir, f)).mtimeMs);
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
