import {
  lstatSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { apiloom, expectNoCrash } from "./cli.js";
import {
  expectRefused,
  setSpecs,
  treeBytes,
  userProject,
} from "./user-files.js";

/**
 * Every byte the user wrote stays: the handlers file is edited at the byte level (the stubs are
 * spliced into the bytes as read), and through a link; a lock apiloom would rewrite whole is
 * refused when it holds a byte that is not UTF-8; a folder where either file should be is a
 * one-line error with exit 2. Refused runs leave the whole project, output folder included,
 * byte for byte as it was.
 */

const EF_BF_BD = Buffer.from([0xef, 0xbf, 0xbd]);
const latin1 = (text: string) => Buffer.from(text, "latin1");

/** Whether `a`'s bytes appear in `b` in order (b is a, plus insertions). */
function insertionOnly(a: Buffer, b: Buffer): boolean {
  let i = 0;
  for (let j = 0; j < b.length && i < a.length; j++) if (a[i] === b[j]) i++;
  return i === a.length;
}

describe("the handlers file keeps every byte", () => {
  it("a Latin-1 comment and string survive a stub being added, byte for byte", () => {
    const dir = userProject("handlers-latin1", ["notes-v1.yaml"]);
    expect(apiloom(["generate"], dir).code).toBe(0);
    const file = join(dir, "src/handlers.ts");
    const scaffold = readFileSync(file);
    // the scaffold is ASCII; a Latin-1 comment goes on top, and a handler with a Latin-1 string
    // before the insertion point, so a wrong byte offset would put the stub in the wrong place
    expect(scaffold.every((b) => b < 0x80)).toBe(true);
    const withLatin1 = latin1(
      "// notes for the café (Latin-1)\n" +
        scaffold
          .toString("latin1")
          .replace(
            "listNotes: notImplemented,",
            'listNotes: async () => ({ status: 200, body: "café crème" }) as never,',
          ),
    );
    expect(withLatin1.includes(latin1('"café crème"'))).toBe(true);
    writeFileSync(file, withLatin1);

    setSpecs(dir, ["notes-v2.yaml"]);
    const run = apiloom(["generate"], dir);
    expectNoCrash(run);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(
      "apiloom: added 1 handler stub to src/handlers.ts: deleteNote",
    );
    const after = readFileSync(file);
    expect(after.includes(EF_BF_BD)).toBe(false);
    expect(after.includes(latin1("// notes for the café (Latin-1)\n"))).toBe(
      true,
    );
    expect(after.includes(latin1('"café crème"'))).toBe(true);
    expect(insertionOnly(withLatin1, after)).toBe(true);
    // the stub went into the handlers object: read again, the file needs nothing and the run
    // warns of nothing (a stub spliced at a wrong offset breaks the object)
    const text = after.toString("latin1");
    expect(text).toMatch(/deleteNote: notImplemented,\n\} satisfies Handlers;/);
    // (--force: the run would be skipped, the handlers file being as the last run left it)
    const again = apiloom(["generate", "--force"], dir);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/0 errors, 0 warnings/);
    expect(readFileSync(file).equals(after)).toBe(true);
  });

  it("a handlers file that is a link is edited through it: the file it points to gets the stub, the link stays", () => {
    const dir = userProject("handlers-link", ["notes-v1.yaml"]);
    expect(apiloom(["generate"], dir).code).toBe(0);
    mkdirSync(join(dir, "shared"));
    renameSync(join(dir, "src/handlers.ts"), join(dir, "shared/handlers.ts"));
    symlinkSync("../shared/handlers.ts", join(dir, "src/handlers.ts"));

    setSpecs(dir, ["notes-v2.yaml"]);
    const run = apiloom(["generate"], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain("added 1 handler stub");
    expect(lstatSync(join(dir, "src/handlers.ts")).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, "src/handlers.ts"))).toBe(
      "../shared/handlers.ts",
    );
    expect(readFileSync(join(dir, "shared/handlers.ts"), "utf8")).toContain(
      "deleteNote: notImplemented",
    );
    expect(apiloom(["generate", "--check"], dir).code).toBe(0);
  });
});

describe("refused, with nothing written anywhere", () => {
  /** A project after one good run, then `spoil`ed, then a run that must change nothing. */
  function refusedRun(name: string, spoil: (dir: string) => void) {
    const dir = userProject(name, ["notes-v1.yaml"]);
    expect(apiloom(["generate"], dir).code).toBe(0);
    setSpecs(dir, ["notes-v2.yaml"]);
    spoil(dir);
    const before = treeBytes(dir);
    const run = apiloom(["generate"], dir);
    expect(treeBytes(dir)).toEqual(before);
    return { dir, run };
  }

  it("a handlers path that is a folder", () => {
    const { run } = refusedRun("handlers-folder", (dir) => {
      renameSync(join(dir, "src/handlers.ts"), join(dir, "src/kept.ts"));
      mkdirSync(join(dir, "src/handlers.ts"));
    });
    expectRefused(
      run,
      /^apiloom generate: the handlers file \S+\/src\/handlers\.ts is a folder; give the path of a file$/,
    );
  });

  it("a handlers file that is a link to nothing", () => {
    const { run } = refusedRun("handlers-dangling", (dir) => {
      renameSync(join(dir, "src/handlers.ts"), join(dir, "src/kept.ts"));
      symlinkSync("gone.ts", join(dir, "src/handlers.ts"));
    });
    expectRefused(
      run,
      /^apiloom generate: the handlers file \S+\/src\/handlers\.ts is a link to a file that does not exist/,
    );
  });

  it("a lock path that is a folder", () => {
    const { run } = refusedRun("lock-folder", (dir) => {
      renameSync(join(dir, "apiloom.lock.json"), join(dir, "kept.json"));
      mkdirSync(join(dir, "apiloom.lock.json"));
    });
    expectRefused(
      run,
      /^apiloom generate: the name lock \S+\/apiloom\.lock\.json is a folder; give the path of a file$/,
    );
  });

  // a FIFO's read never ends: generate and --check hung for good (held-out kill hunt)
  for (const [what, path] of [
    ["the handlers file", "src/handlers.ts"],
    ["the name lock", "apiloom.lock.json"],
  ])
    it(`${what} a FIFO`, () => {
      const { run } = refusedRun(`fifo-${path.length}`, (dir) => {
        renameSync(join(dir, path), join(dir, "kept"));
        execFileSync("mkfifo", [join(dir, path)]);
      });
      expectRefused(
        run,
        new RegExp(
          `^apiloom generate: ${what} \\S+/${path.replace(".", "\\.")} is a FIFO, socket or device; give the path of a file$`,
        ),
      );
    });

  it("a lock with a byte that is not UTF-8, named by line and column", () => {
    const { run } = refusedRun("lock-latin1", (dir) => {
      const lock = join(dir, "apiloom.lock.json");
      const text = readFileSync(lock, "latin1");
      // line 4 is `    "GET /notes": "listNotes",`: é in place of the second o of "notes"
      expect(text.split("\n")[3]).toBe('    "GET /notes": "listNotes",');
      writeFileSync(lock, latin1(text.replace("listNotes", "listNétes")));
    });
    expectRefused(
      run,
      /^apiloom generate: \S+\/apiloom\.lock\.json:4:25: byte 0xE9 is not UTF-8: the name lock is rewritten whole/,
    );
  });
});
