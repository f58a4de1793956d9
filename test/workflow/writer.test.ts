import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { EmitterError, type GeneratedFile } from "../../src/emit/artifact.js";
import {
  MANIFEST_FILE,
  collectFiles,
  unsafePathReason,
} from "../../src/workflow/output/output-files.js";
import { readManifest, sha256 } from "../../src/workflow/records/manifest.js";
import { checkOutput } from "../../src/workflow/output/check.js";
import {
  OutputConflictError,
  recoverOutput,
  writeOutput,
} from "../../src/workflow/output/writer.js";
import { removeDir, snapshotTree } from "./harness.js";

const dirs: string[] = [];
const outDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "apiloom-writer-"));
  dirs.push(dir);
  return join(dir, "out");
};
afterAll(() => dirs.forEach(removeDir));

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

describe("collectFiles", () => {
  it("refuses a file a plugin makes outside its own path", () => {
    const batch = (path: string, file: string) => [
      { emitter: "notes", path, files: [{ path: file, contents: "x" }] },
    ];
    expect(() => collectFiles(batch("notes", "types.ts"))).toThrow(
      /plugin\/error: the plugin "notes" returned the path "types.ts", outside its own path "notes"/,
    );
    expect(() => collectFiles(batch("notes", "notes2/a.md"))).toThrow(
      /outside its own path/,
    );
    expect(() => collectFiles(batch("notes.md", "notes.md/a"))).not.toThrow();
    expect(collectFiles(batch("notes", "notes/a/b.md"))).toEqual([
      { path: "notes/a/b.md", contents: "x" },
    ]);
    expect(collectFiles(batch("notes.json", "notes.json"))).toHaveLength(1);
  });
  it("joins the files of several emitters, sorted by path", () => {
    const merged = collectFiles([
      {
        emitter: "types",
        files: [{ path: "types.ts", contents: "T" }],
      },
      {
        emitter: "client",
        files: [{ path: "z.ts", contents: "z" }],
      },
      {
        emitter: "server",
        files: [{ path: "a/b.ts", contents: "b" }],
      },
    ]);
    expect(merged.map((f) => f.path)).toEqual(["a/b.ts", "types.ts", "z.ts"]);
  });

  it.each([
    [
      [{ path: "types.ts", contents: "A" }],
      [{ path: "types.ts", contents: "B" }],
      "emitters client and server both make types.ts",
    ],
    [
      // even with the same text: each file belongs to one artifact
      [{ path: "types.ts", contents: "T" }],
      [{ path: "types.ts", contents: "T" }],
      "emitters client and server both make types.ts",
    ],
    [
      [{ path: "Api.ts", contents: "A" }],
      [{ path: "api.ts", contents: "A" }],
      "differ only by letter case",
    ],
    [
      [{ path: "docs", contents: "A" }],
      [{ path: "docs/index.md", contents: "B" }],
      "docs is made both as a file and as a folder",
    ],
  ])("treats a clash as an emitter bug (%#)", (a, b, message) => {
    expect(() =>
      collectFiles([
        { emitter: "client", files: a },
        { emitter: "server", files: b },
      ]),
    ).toThrow(message);
  });

  it.each([
    ["../escape.ts", "climbs out"],
    ["a/../../escape.ts", "climbs out"],
    ["/etc/passwd", "absolute"],
    ["C:/x.ts", "absolute"],
    ["a\\b.ts", "backslash"],
    ["a//b.ts", "empty"],
    ["./a.ts", "'.' segment"],
    ["", "empty"],
    [MANIFEST_FILE, "reserved"],
    [".apiloom-staging/0", "reserved"],
    ["a\u0000b", "refuse"],
  ])("rejects the unsafe path %j", (path, reason) => {
    expect(unsafePathReason(path)).toContain(reason);
    expect(() => files({ [path]: "x" })).toThrow(EmitterError);
  });

  it("accepts ordinary nested paths", () => {
    expect(unsafePathReason("client/endpoints/get-pet.ts")).toBeUndefined();
    expect(unsafePathReason(".well-known/openapi.json")).toBeUndefined();
  });
});

describe("writeOutput", () => {
  it("writes, then leaves unchanged files alone, removes what it no longer makes and keeps the rest", () => {
    const out = outDir();
    const first = writeOutput(
      out,
      files({ "a.ts": "A\n", "sub/b.ts": "B\n", "sub/deep/c.ts": "C\n" }),
    );
    expect(first).toEqual({
      written: ["a.ts", "sub/b.ts", "sub/deep/c.ts"],
      unchanged: [],
      removed: [],
      diagnostics: [],
    });
    expect(readManifest(out)?.files).toEqual({
      "a.ts": sha256("A\n"),
      "sub/b.ts": sha256("B\n"),
      "sub/deep/c.ts": sha256("C\n"),
    });
    writeFileSync(join(out, "sub/mine.md"), "hand-made\n");

    const second = writeOutput(
      out,
      files({ "a.ts": "A2\n", "sub/b.ts": "B\n" }),
    );
    expect(second).toEqual({
      written: ["a.ts"],
      unchanged: ["sub/b.ts"],
      removed: ["sub/deep/c.ts"],
      diagnostics: [],
    });
    expect(snapshotTree(out)).toEqual({
      "a.ts": "A2\n",
      "sub/b.ts": "B\n",
      "sub/mine.md": "hand-made\n",
      [MANIFEST_FILE]: readFileSync(join(out, MANIFEST_FILE), "utf8"),
    });
    expect(existsSync(join(out, "sub/deep"))).toBe(false); // emptied folder pruned
  });

  it("does not even rewrite the manifest when nothing changed", async () => {
    const out = outDir();
    writeOutput(out, files({ "a.ts": "A\n" }));
    const stamp = () => statSync(join(out, MANIFEST_FILE)).mtimeMs;
    const before = stamp();
    await new Promise((r) => setTimeout(r, 20));
    expect(writeOutput(out, files({ "a.ts": "A\n" })).written).toEqual([]);
    expect(stamp()).toBe(before);
    expect(readdirSync(out).sort()).toEqual([MANIFEST_FILE, "a.ts"]);
  });

  it("refuses to overwrite a file it did not make, and writes nothing then", () => {
    const out = outDir();
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, "b.ts"), "mine\n");
    expect(() =>
      writeOutput(out, files({ "a.ts": "A\n", "b.ts": "B\n" })),
    ).toThrow(OutputConflictError);
    expect(snapshotTree(out)).toEqual({ "b.ts": "mine\n" });
  });

  it("never writes through a symbolic link or over a file where a folder should be", () => {
    const out = outDir();
    const elsewhere = outDir();
    mkdirSync(out, { recursive: true });
    mkdirSync(elsewhere, { recursive: true });
    symlinkSync(elsewhere, join(out, "docs"));
    writeFileSync(join(out, "client"), "a file\n");
    expect(() =>
      writeOutput(
        out,
        files({ "docs/index.md": "x", "client/index.ts": "y", "ok.ts": "z" }),
      ),
    ).toThrow(
      [
        "client/index.ts: client is a file, not a folder; move it away or choose another output folder",
        "docs/index.md: docs is a symbolic link; apiloom acts only inside the output folder; move it away or choose another output folder",
      ].join("\n"),
    );
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(existsSync(join(out, "ok.ts"))).toBe(false);
  });

  it("does not delete through a folder that became a symbolic link", () => {
    const out = outDir();
    const elsewhere = outDir();
    writeOutput(out, files({ "docs/index.md": "x", "a.ts": "a" }));
    mkdirSync(elsewhere, { recursive: true });
    writeFileSync(join(elsewhere, "index.md"), "not apiloom's\n");
    rmSync(join(out, "docs"), { recursive: true });
    symlinkSync(elsewhere, join(out, "docs"));
    expect(writeOutput(out, files({ "a.ts": "a" })).removed).toEqual([]);
    expect(readFileSync(join(elsewhere, "index.md"), "utf8")).toBe(
      "not apiloom's\n",
    );
  });

  it("adopts a file that already holds exactly the generated text", () => {
    const out = outDir();
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, "a.ts"), "A\n");
    expect(writeOutput(out, files({ "a.ts": "A\n" }))).toEqual({
      written: [],
      unchanged: ["a.ts"],
      removed: [],
      diagnostics: [],
    });
    expect(readManifest(out)?.files).toEqual({ "a.ts": sha256("A\n") });
  });

  it("recovery rolls a committed journal forward and discards uncommitted staging", () => {
    const out = outDir();
    writeOutput(out, files({ "a.ts": "A\n", "b.ts": "B\n" }));
    mkdirSync(join(out, ".apiloom-staging"));
    writeFileSync(join(out, ".apiloom-staging/0"), "A2\n");
    expect(recoverOutput(out).status).toBe("discarded");
    expect(snapshotTree(out)["a.ts"]).toBe("A\n");

    mkdirSync(join(out, ".apiloom-staging"));
    writeFileSync(join(out, ".apiloom-staging/0"), "A2\n");
    const manifest = JSON.stringify({
      generator: "apiloom",
      version: 1,
      files: { "a.ts": sha256("A2\n") },
    });
    writeFileSync(join(out, ".apiloom-staging/manifest"), manifest);
    const journal = {
      version: 2,
      moves: [[".apiloom-staging/0", "a.ts", sha256("A2\n")]],
      remove: ["b.ts"],
      manifest: [".apiloom-staging/manifest", sha256(manifest)],
    };
    writeFileSync(join(out, ".apiloom-journal.json"), JSON.stringify(journal));
    expect(recoverOutput(out)).toEqual({
      status: "rolled-forward",
      diagnostics: [],
    });
    expect(snapshotTree(out)).toEqual({
      "a.ts": "A2\n",
      [MANIFEST_FILE]: manifest,
    });
    expect(recoverOutput(out).status).toBe("clean");
  });

  it("discards a journal whose staged file does not hash to what it says, touching nothing else", () => {
    const out = outDir();
    writeOutput(out, files({ "a.ts": "A\n" }));
    const before = snapshotTree(out);
    mkdirSync(join(out, ".apiloom-staging"));
    writeFileSync(join(out, ".apiloom-staging/0"), "A2 torn");
    writeFileSync(join(out, ".apiloom-staging/manifest"), "{}");
    writeFileSync(
      join(out, ".apiloom-journal.json"),
      JSON.stringify({
        version: 2,
        moves: [[".apiloom-staging/0", "a.ts", sha256("A2\n")]],
        remove: [],
        manifest: [".apiloom-staging/manifest", sha256("{}")],
      }),
    );
    const { status, diagnostics } = recoverOutput(out);
    expect(status).toBe("discarded");
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([
      ["output/unsafe-journal", 1],
    ]);
    expect(diagnostics[0]!.message).toContain(
      ".apiloom-staging/0 does not hash to what the journal says",
    );
    expect(snapshotTree(out)).toEqual(before);
  });
});

describe("the output folder lock", () => {
  it("refuses to write while another live apiloom holds the folder", () => {
    const out = outDir();
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, ".apiloom-busy"), String(process.ppid));
    expect(() => writeOutput(out, files({ "a.ts": "A\n" }))).toThrow(
      `another apiloom (pid ${process.ppid}) is writing this output folder`,
    );
    expect(existsSync(join(out, "a.ts"))).toBe(false);
  });

  it("takes over a lock whose process is gone, and releases it", () => {
    const out = outDir();
    mkdirSync(out, { recursive: true });
    const gone = spawnSync(process.execPath, ["-e", ""]).pid!;
    writeFileSync(join(out, ".apiloom-busy"), String(gone));
    expect(writeOutput(out, files({ "a.ts": "A\n" })).written).toEqual([
      "a.ts",
    ]);
    expect(existsSync(join(out, ".apiloom-busy"))).toBe(false);
  });
});

describe("checkOutput", () => {
  it("reports added, changed, removed and conflicting files with a capped diff", () => {
    const out = outDir();
    writeOutput(
      out,
      files({ "keep.ts": "k\n", "gone.ts": "g\n", "edit.ts": "1\n2\n3\n" }),
    );
    writeFileSync(join(out, "theirs.ts"), "hand\n");
    const report = checkOutput(
      out,
      files({
        "keep.ts": "k\n",
        "edit.ts": "1\nTWO\n3\n",
        "new.ts": "n\n",
        "theirs.ts": "ours\n",
      }),
      { files: [], baseDir: out },
    );
    expect(report.stale).toEqual([
      "M edit.ts",
      "A new.ts",
      "D gone.ts",
      "! theirs.ts: a file apiloom did not make is in the way",
    ]);
    expect(report.diff).toContain(
      "--- a/edit.ts\n+++ b/edit.ts\n@@ -1,3 +1,3 @@\n 1\n-2\n+TWO\n 3\n",
    );
    expect(report.diff).toContain(
      "--- /dev/null\n+++ b/new.ts\n@@ -0,0 +1 @@\n+n\n",
    );
    expect(report.diff).toContain("--- a/gone.ts\n+++ /dev/null\n");

    const long = Array.from({ length: 500 }, (_, i) => `line ${i}\n`).join("");
    const capped = checkOutput(
      out,
      files({ "keep.ts": long }),
      { files: [], baseDir: out },
      40,
    );
    expect(capped.diff.split("\n").length).toBeLessThanOrEqual(41);
    expect(capped.diff).toMatch(/\.\.\. \d+ more diff lines/);
  });

  it("is clean right after a write", () => {
    const out = outDir();
    const made = files({ "a.ts": "A\n", "b/c.ts": "C\n" });
    writeOutput(out, made);
    expect(checkOutput(out, made, { files: [], baseDir: out })).toMatchObject({
      stale: [],
      diff: "",
      diagnostics: [],
    });
  });
});
