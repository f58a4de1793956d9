import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { apiloom, expectNoCrash, type Run } from "./cli.js";
import {
  BOOKKEEPING,
  GENERATE,
  makeSandbox,
  snapshotOutside,
  snapshotTree,
  type Sandbox,
} from "./sandbox.js";

/**
 * Issue 22, class 1: the manifest, the journal and the staging folder are read back from the
 * output folder, which a pull request can change at will (`generated/` is committed). Whatever
 * they say, apiloom writes, renames and deletes only inside the output folder; a journal it
 * cannot trust is reported and discarded, an unsafe manifest entry reported and ignored.
 */

const sha256 = (bytes: string | Buffer) =>
  createHash("sha256").update(bytes).digest("hex");

/** A sandbox whose output folder holds a finished run of pets.yaml. */
function generated(name: string): Sandbox {
  const box = makeSandbox(name);
  const first = apiloom(GENERATE, box.project);
  expect(first.code, first.stderr).toBe(0);
  return box;
}

function plant(box: Sandbox, name: string, text: string): void {
  writeFileSync(join(box.out, name), text);
}

function fixture(name: string): string {
  return readFileSync(join(BOOKKEEPING, name), "utf8");
}

/** A warning of `code` at `file:line:` in the run's report. */
function expectWarning(run: Run, file: string, line: number, code: string) {
  const hit = run.stderr
    .split("\n")
    .find((l) => l.startsWith(`${file}:${line}:`) && l.includes(code));
  expect(
    hit,
    `no "${file}:${line}: … ${code}" in:\n${run.stderr}`,
  ).toBeDefined();
}

let outsideBefore: Record<string, string>;

describe("a planted journal", () => {
  let box: Sandbox;
  beforeAll(() => {
    box = generated("bookkeeping-journal");
    outsideBefore = snapshotOutside(box);
  });

  it("moving a file to ../../victim.txt is reported and discarded; the victim keeps its bytes", () => {
    plant(box, "payload.txt", "payload\n");
    plant(box, ".apiloom-journal.json", fixture("journal-move-out.json"));
    const run = apiloom(GENERATE, box.project);
    expectNoCrash(run);
    expect(run.code, run.stderr).toBe(0);
    expectWarning(run, "out/.apiloom-journal.json", 1, "output/unsafe-journal");
    expect(snapshotOutside(box)).toEqual(outsideBefore);
    expect(existsSync(join(box.out, ".apiloom-journal.json"))).toBe(false);
    // a file apiloom did not make stays where it is
    expect(readFileSync(join(box.out, "payload.txt"), "utf8")).toBe(
      "payload\n",
    );
  });

  it("removing ../../victim.txt is reported and discarded; the victim stays", () => {
    plant(box, ".apiloom-journal.json", fixture("journal-remove-out.json"));
    const run = apiloom(GENERATE, box.project);
    expect(run.code, run.stderr).toBe(0);
    expectWarning(run, "out/.apiloom-journal.json", 1, "output/unsafe-journal");
    expect(snapshotOutside(box)).toEqual(outsideBefore);
  });

  it("in this apiloom's own format, with hashes that match, is still refused for a path outside (at its line)", () => {
    mkdirSync(join(box.out, ".apiloom-staging"));
    const staged = "export const planted = true;\n";
    const manifest = '{"generator":"apiloom","version":1,"files":{}}\n';
    plant(box, ".apiloom-staging/0", staged);
    plant(box, ".apiloom-staging/manifest", manifest);
    plant(
      box,
      ".apiloom-journal.json",
      fixture("journal-v2-move-out.json")
        .replace("MANIFEST_HASH", sha256(manifest))
        .replace("HASH", sha256(staged)),
    );
    const outBefore = snapshotTree(box.out);
    const run = apiloom(GENERATE, box.project);
    expect(run.code, run.stderr).toBe(0);
    expectWarning(run, "out/.apiloom-journal.json", 4, "output/unsafe-journal");
    expect(run.stderr).toContain("climbs out with '..'");
    expect(snapshotOutside(box)).toEqual(outsideBefore);
    // discarded: the staging is gone and the output is what it was
    const outAfter = snapshotTree(box.out);
    for (const p of Object.keys(outBefore).filter((p) =>
      p.startsWith(".apiloom-"),
    ))
      delete outBefore[p];
    expect(
      Object.keys(outAfter).filter((p) => p.startsWith(".apiloom-")),
    ).toEqual([".apiloom-manifest.json"]);
    delete outAfter[".apiloom-manifest.json"];
    expect(outAfter).toEqual(outBefore);
  });

  it("whose staged file does not hash to what it says is not rolled forward", () => {
    mkdirSync(join(box.out, ".apiloom-staging"));
    const manifest = '{"generator":"apiloom","version":1,"files":{}}\n';
    plant(box, ".apiloom-staging/0", "export const swapped = 1;\n");
    plant(box, ".apiloom-staging/manifest", manifest);
    plant(
      box,
      ".apiloom-journal.json",
      JSON.stringify(
        {
          version: 2,
          moves: [
            [".apiloom-staging/0", "types.ts", sha256("what was staged\n")],
          ],
          remove: [],
          manifest: [".apiloom-staging/manifest", sha256(manifest)],
        },
        null,
        2,
      ),
    );
    const before = readFileSync(join(box.out, "types.ts"), "utf8");
    const run = apiloom(GENERATE, box.project);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain("does not hash to what the journal says");
    expect(readFileSync(join(box.out, "types.ts"), "utf8")).toBe(before);
    expect(run.stderr).toContain("0 written");
  });

  it("is reported by --check, which touches nothing", () => {
    plant(box, ".apiloom-journal.json", fixture("journal-remove-out.json"));
    const outBefore = snapshotTree(box.out);
    const run = apiloom([...GENERATE, "--check"], box.project);
    expect(run.code, run.stderr).toBe(1);
    expectWarning(run, "out/.apiloom-journal.json", 1, "output/unsafe-journal");
    expect(run.stderr).toContain("an interrupted run left the output folder");
    expect(snapshotTree(box.out)).toEqual(outBefore);
    expect(snapshotOutside(box)).toEqual(outsideBefore);
  });
});

describe("a planted manifest entry", () => {
  it("../../victim.txt is reported at its line and never removed (0 removed)", () => {
    const box = generated("bookkeeping-manifest");
    const before = snapshotOutside(box);
    const file = join(box.out, ".apiloom-manifest.json");
    const manifest = JSON.parse(readFileSync(file, "utf8"));
    manifest.files["../../victim.txt"] = sha256(
      readFileSync(join(box.root, "victim.txt")),
    );
    manifest.files["/etc/hostname"] = "0".repeat(64);
    manifest.files["C:\\victim.txt"] = "0".repeat(64);
    const text = JSON.stringify(manifest, null, 2);
    writeFileSync(file, text);
    const line = (key: string) =>
      text.split("\n").findIndex((l) => l.includes(JSON.stringify(key))) + 1;

    const run = apiloom(GENERATE, box.project);
    expectNoCrash(run);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain("0 removed");
    for (const key of ["../../victim.txt", "/etc/hostname", "C:\\victim.txt"])
      expectWarning(
        run,
        "out/.apiloom-manifest.json",
        line(key),
        "output/unsafe-manifest-entry",
      );
    expect(snapshotOutside(box)).toEqual(before);
    // the manifest is rewritten without them: the next run has nothing to say
    const again = apiloom(GENERATE, box.project);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).not.toContain("output/unsafe-manifest-entry");
  });
});

describe("symbolic links planted in the output folder", () => {
  it("a generated folder that is a link outside is a conflict: nothing written through it", () => {
    const box = makeSandbox("bookkeeping-link-folder");
    mkdirSync(box.out);
    symlinkSync(join(box.root, "victim-dir"), join(box.out, "client"));
    const before = snapshotOutside(box);
    const run = apiloom(GENERATE, box.project);
    expectNoCrash(run);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("client is a symbolic link");
    expect(snapshotOutside(box)).toEqual(before);
  });

  it("a manifest entry behind a linked folder is reported and not deleted through the link", () => {
    const box = generated("bookkeeping-link-entry");
    symlinkSync(join(box.root, "victim-dir"), join(box.out, "old"));
    const file = join(box.out, ".apiloom-manifest.json");
    const manifest = JSON.parse(readFileSync(file, "utf8"));
    manifest.files["old/keep.ts"] = sha256("export const keep = 1;\n");
    writeFileSync(file, JSON.stringify(manifest, null, 2));
    const before = snapshotOutside(box);
    const run = apiloom(GENERATE, box.project);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain("0 removed");
    expect(run.stderr).toMatch(
      /output\/unsafe-manifest-entry .*old is a symbolic link/,
    );
    expect(snapshotOutside(box)).toEqual(before);
  });

  it("links at the bookkeeping names (staging, journal, temp journal, busy, manifest) are never followed", () => {
    const box = generated("bookkeeping-link-names");
    const victim = join(box.root, "victim.txt");
    symlinkSync(
      join(box.root, "victim-dir"),
      join(box.out, ".apiloom-staging"),
    );
    symlinkSync(victim, join(box.out, ".apiloom-journal.json.tmp"));
    symlinkSync(victim, join(box.out, ".apiloom-busy"));
    symlinkSync(victim, join(box.out, ".apiloom-manifest.json.tmp"));
    // a changed spec, so the run stages, commits and applies
    writeFileSync(
      join(box.project, "pets.yaml"),
      readFileSync(join(BOOKKEEPING, "pets-v2.yaml")),
    );
    const before = snapshotOutside(box);
    const run = apiloom(GENERATE, box.project);
    expectNoCrash(run);
    expect(run.code, run.stderr).toBe(0);
    expect(snapshotOutside(box)).toEqual(before);
    expect(
      readdirSync(box.out).filter((n) => n.startsWith(".apiloom-")),
    ).toEqual([".apiloom-manifest.json"]);

    // a journal that is a link to a journal elsewhere is not read as ours
    writeFileSync(
      join(box.root, "victim-dir/journal.json"),
      fixture("journal-remove-out.json"),
    );
    symlinkSync(
      join(box.root, "victim-dir/journal.json"),
      join(box.out, ".apiloom-journal.json"),
    );
    symlinkSync(victim, join(box.out, "payload.ts"));
    const before2 = snapshotOutside(box);
    const linked = apiloom(GENERATE, box.project);
    expect(linked.code, linked.stderr).toBe(0);
    expect(linked.stderr).toContain("the journal is not a regular file");
    expect(snapshotOutside(box)).toEqual(before2);
  });
});
