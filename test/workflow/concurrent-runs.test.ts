import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import {
  copyFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "./harness.js";

/**
 * Issue 41 item 7: two `generate` runs into one `--out` at once end with that folder holding
 * exactly one run's whole output (the other waits, or refuses saying why), and its manifest
 * names exactly those files with their hashes. Two real CLI processes, started together, on
 * different inputs, so the folder shows which run won; a few rounds, into an empty folder and
 * into one a round before left full.
 */
const FIXTURE = join(REPO, "test/fixtures/two-apis/specs");
const BIN = join(REPO, "bin/apiloom.js");

interface Ended {
  code: number | null;
  stderr: string;
}

function start(cwd: string, input: string): Promise<Ended> {
  const child = spawn(
    process.execPath,
    [
      BIN,
      "generate",
      "--no-config",
      "--no-lock",
      "-a",
      "client,openapi",
      "-o",
      "gen",
      input,
    ],
    { cwd, env: { ...process.env, NO_COLOR: "1" } },
  );
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) =>
    child.on("close", (code) => resolve({ code, stderr })),
  );
}

/** Every file under `dir`, by path relative to it, with its sha256. */
function tree(dir: string, prefix = ""): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory())
      for (const [p, h] of tree(path, `${prefix}${entry}/`)) files.set(p, h);
    else
      files.set(
        `${prefix}${entry}`,
        createHash("sha256").update(readFileSync(path)).digest("hex"),
      );
  }
  return files;
}

describe("two generate runs into one --out at once", () => {
  const dir = join(REPO, "test/workflow/out/concurrent-runs");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), "{}\n");
  const inputs = ["pets.swagger.json", "notes.postman.json"];
  for (const input of inputs)
    copyFileSync(join(FIXTURE, input), join(dir, input));

  it("leave the folder holding one run's whole output, its manifest consistent", async () => {
    // each run's output alone, made into the same folder name (so nothing differs but the input)
    const alone = new Map<string, Map<string, string>>();
    for (const input of inputs) {
      const run = await start(dir, input);
      expect(run.code, run.stderr).toBe(0);
      renameSync(join(dir, "gen"), join(dir, `alone-${input}`));
      alone.set(input, tree(join(dir, `alone-${input}`)));
    }
    expect(alone.get(inputs[0]!)).not.toEqual(alone.get(inputs[1]!));

    const outcomes: string[] = [];
    for (let round = 0; round < 6; round++) {
      if (round % 3 === 0)
        rmSync(join(dir, "gen"), { recursive: true, force: true });
      const order = round % 2 === 0 ? inputs : [...inputs].reverse();
      const ended = await Promise.all(order.map((input) => start(dir, input)));
      for (const run of ended) {
        expect(run.stderr).not.toMatch(/^\s+at |internal error/m);
        // the loser refuses, saying why: the winner by its pid, or "starting" when the loser
        // read the lock between its creation and the pid written into it (output-lock.ts)
        if (run.code !== 0)
          expect(run.stderr, run.stderr).toMatch(
            /another apiloom \((pid \d+|starting)\) is writing this output folder/,
          );
      }
      expect(ended.some((r) => r.code === 0)).toBe(true);
      const now = tree(join(dir, "gen"));
      const winner = inputs.find((input) => {
        const files = new Map(alone.get(input));
        const manifest = ".apiloom-manifest.json";
        files.delete(manifest);
        const got = new Map(now);
        got.delete(manifest);
        return (
          JSON.stringify([...got].sort()) === JSON.stringify([...files].sort())
        );
      });
      expect(
        winner,
        `round ${round}: the folder is neither run's output: ${[...now.keys()].join(", ")}`,
      ).toBeDefined();
      const manifest = JSON.parse(
        readFileSync(join(dir, "gen/.apiloom-manifest.json"), "utf8"),
      ) as {
        files: Record<string, string>;
        fingerprint?: { inputs: string[] };
      };
      const listed = new Map(Object.entries(manifest.files));
      const onDisk = new Map(now);
      onDisk.delete(".apiloom-manifest.json");
      expect(listed).toEqual(onDisk);
      expect(manifest.fingerprint?.inputs).toEqual([`../${winner}`]);
      outcomes.push(`${winner} ${ended.map((r) => r.code).join("/")}`);
    }
    console.log(
      `concurrent rounds (winner, exit codes in start order): ${outcomes.join("; ")}`,
    );
  }, 120_000);

  it("never lets two processes hold the folder's lock at once, a dead run's lock taken over once", async () => {
    // six processes take and release the lock 20 times each, logging each hold; the folder
    // starts with the lock of a run that is gone
    const out = join(dir, "hammered");
    mkdirSync(out, { recursive: true });
    const gone = spawn(process.execPath, ["-e", ""]);
    await new Promise((resolve) => gone.on("close", resolve));
    writeFileSync(join(out, ".apiloom-busy"), String(gone.pid));
    const log = join(dir, "holds.log");
    writeFileSync(log, "");
    const script = `
      const { holdOutputLock, OutputBusyError } = await import(${JSON.stringify(join(REPO, "dist/workflow/output/output-lock.js"))});
      const { appendFileSync } = await import("node:fs");
      const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
      for (let held = 0; held < 20; ) {
        let release;
        try { release = holdOutputLock(${JSON.stringify(out)}); }
        catch (error) { if (!(error instanceof OutputBusyError)) throw error; sleep(Math.random() * 2); continue; }
        appendFileSync(${JSON.stringify(log)}, "in " + process.pid + "\\n");
        sleep(1);
        appendFileSync(${JSON.stringify(log)}, "out " + process.pid + "\\n");
        release();
        held++;
      }`;
    const runs = Array.from({ length: 6 }, () => {
      const child = spawn(process.execPath, [
        "--input-type=module",
        "-e",
        script,
      ]);
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      return new Promise<Ended>((resolve) =>
        child.on("close", (code) => resolve({ code, stderr })),
      );
    });
    for (const run of await Promise.all(runs))
      expect(run.code, run.stderr).toBe(0);
    const lines = readFileSync(log, "utf8").trim().split("\n");
    expect(lines).toHaveLength(6 * 20 * 2);
    const overlaps = lines.filter(
      (line, i) =>
        i % 2 === 0 &&
        (!line.startsWith("in ") || lines[i + 1] !== line.replace("in", "out")),
    );
    expect(overlaps).toEqual([]);
    expect(readdirSync(out)).toEqual([]);
  }, 120_000);
});
