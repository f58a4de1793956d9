import { createHash } from "node:crypto";
import {
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import type { GeneratedFile } from "../../src/emit/artifact.js";
import { checkOutput } from "../../src/workflow/output/check.js";
import { collectFiles } from "../../src/workflow/output/output-files.js";
import {
  OutputConflictError,
  recoverOutput,
  writeOutput,
} from "../../src/workflow/output/writer.js";
import { snapshotTree } from "./sandbox.js";

/**
 * Issue 22, class 1, as a property: whatever journal, manifest, staged files and links a pull
 * request plants in the output folder, the real writer (recovery, plan, stage, commit, apply)
 * and `--check` change nothing outside it. Paths mix `..`, `/`, `\`, NUL, absolute paths,
 * drive letters, the sandbox's own absolute paths and names that are links to outside.
 * A fixed seed and a modest count keep `npm test` fast and its verdict the change's, not the dice's.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const SEED = Number(process.env.FUZZ_SEED ?? 22);

const roots: string[] = [];
afterAll(() =>
  roots.forEach((r) => rmSync(r, { recursive: true, force: true })),
);

const sha256 = (text: string) =>
  createHash("sha256").update(text).digest("hex");

const files = (entries: Record<string, string>): GeneratedFile[] =>
  collectFiles([
    {
      emitter: "test",
      files: Object.entries(entries).map(([path, contents]) => ({
        path,
        contents,
      })),
    },
  ]);

const OLD = files({
  "a.ts": "A\n",
  "sub/b.ts": "B\n",
  "gone/c.ts": "C\n",
});
const NEW = files({ "a.ts": "A2\n", "sub/b.ts": "B2\n", "new/d.ts": "D\n" });

/** `$OUTSIDE` stands for the sandbox's outside folder, `$FILE` for its file (absolute). */
const SEGMENTS = [
  "..",
  ".",
  "",
  "a.ts",
  "sub",
  "b.ts",
  "link",
  "flink",
  "outside",
  "victim.txt",
  ".apiloom-staging",
  "0",
  "manifest",
  "x\u0000y",
  "a\\..\\..\\victim.txt",
  "C:",
];
const PATH = fc.oneof(
  fc.constantFrom(
    "../victim.txt",
    "../../victim.txt",
    "../outside/keep.txt",
    "$FILE",
    "$OUTSIDE/keep.txt",
    "C:\\victim.txt",
    "C:victim.txt",
    "\\\\server\\share\\x",
    "link/keep.txt",
    "flink",
    "sub/../../victim.txt",
    "a.ts",
    "sub/b.ts",
    "gone/c.ts",
    "nul\u0000.ts",
    ".apiloom-staging/0",
  ),
  fc
    .array(fc.constantFrom(...SEGMENTS), { minLength: 1, maxLength: 4 })
    .map((s) => s.join("/")),
);
const STAGED = fc.oneof(
  fc.constantFrom(
    ".apiloom-staging/0",
    ".apiloom-staging/1",
    ".apiloom-staging/manifest",
  ),
  PATH,
);
const HASH = fc.oneof(
  fc.constant("right"),
  fc.constant("0".repeat(64)),
  fc.constant(42),
);

const PLANT = fc.record({
  journal: fc.option(
    fc.record({
      version: fc.constantFrom(2, 1, undefined),
      moves: fc.array(fc.tuple(STAGED, PATH, HASH), { maxLength: 3 }),
      remove: fc.array(PATH, { maxLength: 3 }),
      manifest: fc.tuple(STAGED, HASH),
    }),
  ),
  staged: fc.array(fc.constantFrom("0", "1", "manifest"), { maxLength: 3 }),
  stagingLink: fc.boolean(),
  manifestKeys: fc.array(PATH, { maxLength: 4 }),
  links: fc.subarray([
    "a.ts",
    "link",
    "flink",
    "sub",
    "gone",
    "new",
    ".apiloom-journal.json.tmp",
    ".apiloom-busy",
    ".apiloom-manifest.json.tmp",
  ]),
});

type Plant = typeof PLANT extends fc.Arbitrary<infer T> ? T : never;

function sandbox(): { root: string; out: string } {
  const root = mkdtempSync(join(tmpdir(), "apiloom-bookkeeping-"));
  roots.push(root);
  writeFileSync(join(root, "victim.txt"), "victim\n");
  mkdirSync(join(root, "outside"));
  writeFileSync(join(root, "outside/keep.txt"), "keep\n");
  writeFileSync(join(root, "outside/0"), "staged elsewhere\n");
  const out = join(root, "project/out");
  mkdirSync(out, { recursive: true });
  writeOutput(out, OLD);
  return { root, out };
}

function plant(root: string, out: string, p: Plant): void {
  const real = (path: unknown) =>
    typeof path === "string"
      ? path
          .replace("$FILE", join(root, "victim.txt"))
          .replace("$OUTSIDE", join(root, "outside"))
      : path;
  const stagedText = (name: string) => `staged ${name}\n`;
  for (const name of p.links) {
    const target =
      name === "flink" || name.endsWith(".ts") || name.startsWith(".apiloom-")
        ? join(root, "victim.txt")
        : join(root, "outside");
    rmSync(join(out, name), { recursive: true, force: true });
    symlinkSync(target, join(out, name));
  }
  if (p.stagingLink)
    symlinkSync(join(root, "outside"), join(out, ".apiloom-staging"));
  else if (p.staged.length > 0) {
    mkdirSync(join(out, ".apiloom-staging"));
    for (const name of p.staged)
      writeFileSync(join(out, ".apiloom-staging", name), stagedText(name));
  }
  const hash = (h: unknown, staged: unknown) =>
    h === "right" && typeof staged === "string"
      ? sha256(stagedText(staged.split("/").pop()!))
      : h;
  if (p.journal) {
    const j = p.journal;
    writeFileSync(
      join(out, ".apiloom-journal.json"),
      JSON.stringify({
        version: j.version,
        moves: j.moves.map(([s, t, h]) => [real(s), real(t), hash(h, s)]),
        remove: j.remove.map(real),
        manifest: [real(j.manifest[0]), hash(j.manifest[1], j.manifest[0])],
      }),
    );
  }
  if (p.manifestKeys.length > 0) {
    const manifest = {
      generator: "apiloom",
      version: 1,
      files: Object.fromEntries([
        ...OLD.map((f) => [f.path, sha256(f.contents)]),
        ...p.manifestKeys.map((k) => [real(k), sha256("victim\n")]),
      ]),
    };
    writeFileSync(
      join(out, ".apiloom-manifest.json"),
      JSON.stringify(manifest),
    );
  }
}

describe("planted bookkeeping (fast-check, fixed seed)", () => {
  it(`never changes anything outside the output folder (${RUNS} runs, seed ${SEED})`, () => {
    fc.assert(
      fc.property(PLANT, (p) => {
        const { root, out } = sandbox();
        plant(root, out, p);
        const before = snapshotTree(root, "project");
        checkOutput(out, NEW, { files: [], baseDir: root });
        expect(snapshotTree(root, "project")).toEqual(before);
        try {
          writeOutput(out, NEW);
        } catch (error) {
          // a link where a generated file or folder must go is refused, never followed
          if (!(error instanceof OutputConflictError)) throw error;
        }
        recoverOutput(out);
        expect(snapshotTree(root, "project")).toEqual(before);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
