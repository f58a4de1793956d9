import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { definePlugin, type GeneratedFile } from "../../src/emit/artifact.js";
import { emitPlugins } from "../../src/emit/run.js";
import { loadModel } from "../../src/pipeline.js";
import { stagedText } from "../../src/workflow/output/early-file.js";
import { EarlyStaging } from "../../src/workflow/output/early-stage.js";
import { readManifest, sha256 } from "../../src/workflow/records/manifest.js";
import {
  BUSY_FILE,
  STAGING_DIR,
  collectFiles,
} from "../../src/workflow/output/output-files.js";
import { writeOutput } from "../../src/workflow/output/writer.js";
import {
  streamedFile,
  type TextOut,
} from "../../src/emit/shared/text-parts.js";
import { writeTextFile } from "../../src/workflow/output/text-chunks.js";
import {
  FIXTURES,
  buildCli,
  removeDir,
  runCli,
  snapshotTree,
  startCli,
  waitFor,
} from "./harness.js";

const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), "apiloom-early-"));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach(removeDir));

const files = (entries: Record<string, string>): GeneratedFile[] =>
  Object.entries(entries).map(([path, contents]) => ({ path, contents }));

/** A run's files as the CLI has them: staged early by `keep`, then collected and sorted. */
function made(
  early: EarlyStaging,
  entries: Record<string, string>,
): GeneratedFile[] {
  return collectFiles([{ emitter: "test", files: early.keep(files(entries)) }]);
}

const PETS = JSON.stringify({
  openapi: "3.1.0",
  info: { title: "Pets", version: "1" },
  paths: {},
});

const TEXTS = {
  "a.ts": "export const a = 1;\n",
  "big/b.json": `{ "text": "${"ü€😀".repeat(5000)}" }\n`,
  "c.md": "# c\n",
};

describe("texts staged early (src/workflow/output/early-stage.ts)", () => {
  it("stages large texts as they are made, and the writer moves those very files into place", () => {
    const out = join(tempDir(), "out");
    const early = new EarlyStaging(out, { earlyMinChars: 30 });
    const list = made(early, TEXTS);
    // only the large text is staged; the small ones stay in memory
    expect(list.map((f) => stagedText(f) !== undefined)).toEqual([
      false,
      true,
      false,
    ]);
    expect(readdirSync(join(out, STAGING_DIR))).toEqual(["0"]);
    expect(existsSync(join(out, BUSY_FILE))).toBe(true);
    expect(list[1]!.contents).toBe(TEXTS["big/b.json"]);
    const result = writeOutput(out, list, { early });
    early.close();
    expect(result.written).toEqual(["a.ts", "big/b.json", "c.md"]);
    const tree = snapshotTree(out);
    expect(Object.keys(tree).sort()).toEqual([
      ".apiloom-manifest.json",
      "a.ts",
      "big/b.json",
      "c.md",
    ]);
    for (const [path, text] of Object.entries(TEXTS))
      expect(tree[path]).toBe(text);
    expect(readManifest(out)!.files["big/b.json"]).toBe(
      sha256(TEXTS["big/b.json"]),
    );
  });

  it("stages each plugin's texts before the next plugin runs, and the run goes on with the staged copies", async () => {
    const out = join(tempDir(), "out");
    const early = new EarlyStaging(out, { earlyMinChars: 30 });
    const model = loadModel([{ file: "p.json", text: PETS }]);
    const seen: string[][] = [];
    const plugin = (name: string, text: string) =>
      definePlugin({
        name,
        version: "1.0.0",
        description: name,
        path: name,
        emit: () => {
          // what the writer staged before this plugin was asked for its files
          seen.push(
            existsSync(join(out, STAGING_DIR))
              ? readdirSync(join(out, STAGING_DIR))
              : [],
          );
          return [{ path: `${name}/big.txt`, contents: text }];
        },
      });
    const { batches } = await early.stageAsMade(
      emitPlugins(model, {
        plugins: [plugin("one", "1".repeat(40)), plugin("two", "2".repeat(40))],
        artifacts: ["one", "two"],
        options: {},
        layout: { outDir: "out" },
      }),
    );
    expect(seen).toEqual([[], ["0"]]);
    const list = batches.flatMap((b) => b.files);
    expect(list.map((f) => stagedText(f)?.name)).toEqual([
      `${STAGING_DIR}/0`,
      `${STAGING_DIR}/1`,
    ]);
    expect(list.map((f) => f.contents)).toEqual([
      "1".repeat(40),
      "2".repeat(40),
    ]);
    early.close();
  });

  it("leaves a file staged early and found unchanged untouched (bytes and mtime)", () => {
    const out = join(tempDir(), "out");
    writeOutput(out, files(TEXTS));
    const old = new Date("2020-01-01T00:00:00Z");
    for (const path of Object.keys(TEXTS))
      utimesSync(join(out, path), old, old);
    const early = new EarlyStaging(out, { earlyMinChars: 0 });
    const list = made(early, { ...TEXTS, "c.md": "# c, changed\n" });
    expect(list.every((f) => stagedText(f) !== undefined)).toBe(true);
    const result = writeOutput(out, list, { early });
    early.close();
    expect(result.written).toEqual(["c.md"]);
    expect(result.unchanged).toEqual(["a.ts", "big/b.json"]);
    for (const path of ["a.ts", "big/b.json"]) {
      expect(statSync(join(out, path)).mtime).toEqual(old);
      expect(readFileSync(join(out, path), "utf8")).toBe(
        TEXTS[path as keyof typeof TEXTS],
      );
    }
    expect(readFileSync(join(out, "c.md"), "utf8")).toBe("# c, changed\n");
    expect(readdirSync(out).filter((n) => n.startsWith(".apiloom-"))).toEqual([
      ".apiloom-manifest.json",
    ]);
  });

  it("when nothing is written (a run with errors), close() leaves no trace, not even the folder it made", () => {
    const parent = tempDir();
    const out = join(parent, "new/out");
    const early = new EarlyStaging(out, { earlyMinChars: 0 });
    made(early, TEXTS);
    expect(readdirSync(join(out, STAGING_DIR))).toHaveLength(3);
    early.close();
    expect(readdirSync(parent)).toEqual([]);
    // over an existing output: the folder is as it was
    const kept = join(tempDir(), "out");
    writeOutput(kept, files(TEXTS));
    const before = snapshotTree(kept);
    const again = new EarlyStaging(kept, { earlyMinChars: 0 });
    made(again, { ...TEXTS, "a.ts": "changed\n" });
    again.close();
    expect(snapshotTree(kept)).toEqual(before);
  });

  it("stages nothing in a folder another apiloom holds, and leaves its staging alone", () => {
    const out = join(tempDir(), "out");
    mkdirSync(join(out, STAGING_DIR), { recursive: true });
    writeFileSync(join(out, STAGING_DIR, "0"), "another run's\n");
    // the parent of this process runs: its pid holds the lock
    writeFileSync(join(out, BUSY_FILE), String(process.ppid));
    const early = new EarlyStaging(out, { earlyMinChars: 0 });
    const list = made(early, TEXTS);
    expect(list.some((f) => stagedText(f) !== undefined)).toBe(false);
    expect(early.active).toBe(false);
    early.close();
    expect(readFileSync(join(out, STAGING_DIR, "0"), "utf8")).toBe(
      "another run's\n",
    );
    expect(readFileSync(join(out, BUSY_FILE), "utf8")).toBe(
      String(process.ppid),
    );
  });
});

describe("a text made of parts (src/emit/shared/text-parts.ts)", () => {
  // a surrogate pair split between two parts, parts larger than a slice and many small ones
  const parts = [
    "a\ud83d",
    "\ude00b",
    "x".repeat(3 << 20) + "\ud83d",
    "\ude00",
    ...Array.from({ length: 5000 }, (_, i) => `part ${i} é€\n`),
  ];
  const text = parts.join("");

  it("is written as its concatenation would be, a surrogate pair never split", () => {
    const path = join(tempDir(), "parts.txt");
    const hash = createHash("sha256");
    const bytes = writeTextFile(path, parts, "wx", hash);
    const whole = Buffer.from(text);
    expect(readFileSync(path).equals(whole)).toBe(true);
    expect(bytes).toBe(whole.length);
    expect(hash.digest("hex")).toBe(sha256(text));
  });
});

describe("a streamed file (src/emit/shared/text-parts.ts)", () => {
  // pieces of one-, two- and four-byte text, a surrogate pair split between two pieces
  const pieces = [
    "{",
    ...Array.from({ length: 300 }, (_, i) => `"k${i}": "é€\ud83d`),
    "\ude00\n}\n",
  ];
  const text = pieces.join("");
  const maker =
    (log: string[] = []) =>
    (out: TextOut) => {
      log.push("made");
      for (const piece of pieces) out.write(piece);
    };

  it("is staged while it is made once it is long enough, with the bytes and hash of its text", () => {
    const out = join(tempDir(), "out");
    const early = new EarlyStaging(out, { earlyMinChars: 100 });
    const seen: boolean[] = [];
    const [staged] = early.keep([
      streamedFile("doc.json", (o) => {
        maker()(o);
        // the staged file was opened while the text was made: it goes there, not into memory
        seen.push(existsSync(join(out, STAGING_DIR, "0")));
      }),
    ]);
    expect(seen).toEqual([true]);
    expect(stagedText(staged!)!.hash).toBe(sha256(text));
    expect(stagedText(staged!)!.bytes).toBe(Buffer.byteLength(text));
    expect(
      readFileSync(join(out, STAGING_DIR, "0")).equals(Buffer.from(text)),
    ).toBe(true);
    writeOutput(out, [staged!], { early });
    early.close();
    expect(readFileSync(join(out, "doc.json")).equals(Buffer.from(text))).toBe(
      true,
    );
  });

  it("stays in memory, as its text, when it is short", () => {
    const out = join(tempDir(), "out");
    const early = new EarlyStaging(out, { earlyMinChars: text.length + 1 });
    const log: string[] = [];
    const [kept] = early.keep([streamedFile("doc.json", maker(log))]);
    expect(stagedText(kept!)).toBeUndefined();
    expect(kept!.contents).toBe(text);
    expect(log).toEqual(["made"]);
    expect(early.active).toBe(false);
    early.close();
  });

  it("is made once when read as contents (generate(), --check), and keeps its text", () => {
    const log: string[] = [];
    const file = streamedFile("doc.json", maker(log));
    expect(file.contents).toBe(text);
    expect(file.contents).toBe(text);
    expect(log).toEqual(["made"]);
  });

  it("stays in memory when its staged file cannot be written, and the rest after it", () => {
    const out = join(tempDir(), "out");
    const early = new EarlyStaging(out, { earlyMinChars: 10 });
    early.keep([{ path: "first.txt", contents: "y".repeat(20) }]);
    // the next staged name is taken: opening it with "wx" is refused
    mkdirSync(join(out, STAGING_DIR, "1"));
    const list = early.keep([
      streamedFile("doc.json", maker()),
      { path: "big.txt", contents: "x".repeat(100) },
    ]);
    expect(list.map((f) => stagedText(f))).toEqual([undefined, undefined]);
    expect(list[0]!.contents).toBe(text);
    early.close();
  });

  it("passes its maker's error on, and leaves no staged file behind", () => {
    const out = join(tempDir(), "out");
    const early = new EarlyStaging(out, { earlyMinChars: 10 });
    expect(() =>
      early.keep([
        streamedFile("doc.json", (o) => {
          maker()(o);
          throw new Error("the maker failed");
        }),
      ]),
    ).toThrow("the maker failed");
    expect(readdirSync(join(out, STAGING_DIR))).toEqual([]);
    early.close();
  });
});

describe("the CLI with every text staged early (APILOOM_TEST_EARLY_MIN=0)", () => {
  it("writes the same output as without, and --check on a stale folder writes nothing", async () => {
    const cli = await buildCli();
    dirs.push(dirname(cli));
    const project = tempDir();
    cpSync(join(FIXTURES, "pets.yaml"), join(project, "pets.yaml"));
    const args = ["generate", "--no-config", "--no-lock", "pets.yaml"];
    // the same output path both times: the generated text names it
    const plain = await runCli(cli, [...args, "-o", "out"], {
      cwd: project,
      fake: false,
    });
    expect(plain.code, plain.stderr).toBe(0);
    const plainTree = snapshotTree(join(project, "out"));
    removeDir(join(project, "out"));
    const env = { APILOOM_TEST_EARLY_MIN: "0" };
    const staged = await runCli(cli, [...args, "-o", "out"], {
      cwd: project,
      fake: false,
      env,
    });
    expect(staged.code, staged.stderr).toBe(0);
    const earlyTree = snapshotTree(join(project, "out"));
    expect(Object.keys(earlyTree).length).toBeGreaterThan(5);
    expect(earlyTree).toEqual(plainTree);

    // a stale folder: --check reports it and changes nothing, not even for a moment's staging
    const first = Object.keys(earlyTree).find((p) => p.endsWith(".ts"))!;
    writeFileSync(join(project, "out", first), "// edited\n");
    const before = snapshotTree(join(project, "out"));
    // a check that staged a file would stop there for good (the pause), and say so
    const run = startCli(cli, [...args, "-o", "out", "--check", "--force"], {
      cwd: project,
      fake: false,
      env: { ...env, APILOOM_TEST_PAUSE: "early:1" },
    });
    let ended = false;
    void run.done.then(() => (ended = true));
    await waitFor(
      () => ended || run.output().includes("apiloom-test-paused"),
      "the check to end",
    );
    if (!ended) run.child.kill("SIGKILL");
    const check = await run.done;
    expect(check.stderr).not.toContain("apiloom-test-paused");
    expect(check.code, check.stderr).toBe(1);
    expect(snapshotTree(join(project, "out"))).toEqual(before);
    expect(existsSync(join(project, "out", STAGING_DIR))).toBe(false);
  });
});
