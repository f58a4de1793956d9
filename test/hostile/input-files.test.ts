import { spawnSync } from "node:child_process";
import {
  cpSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import {
  apiloom,
  expectNoCrash,
  expectRejected,
  FIXTURES,
  generateInto,
  markedOutDir,
  outDir,
  REPO,
} from "./cli.js";

/**
 * Class 4 of issue 22: inputs are regular files of a sane size, read safely. Each test works in
 * its own copy of test/fixtures/hostile/input-files/ (FIFOs, links and 2 GiB sparse files are
 * made there, never committed). Limits are bytes; the spawn's hang guard (cli.ts) is a safety
 * net, never the assertion: a run that hangs fails on its exit code.
 */
const POSIX = process.platform !== "win32";

/** Every file under `dir` with its bytes (base64), by relative path. */
function treeBytes(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, {
    recursive: true,
    withFileTypes: true,
  }))
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      files[relative(dir, path)] = readFileSync(path).toString("base64");
    }
  return files;
}

function sandbox(name: string): { spec: string; shown: string } {
  const dir = outDir(`input-files-${name}`);
  cpSync(join(FIXTURES, "input-files"), dir, { recursive: true });
  const spec = join(dir, "spec");
  return { spec, shown: relative(REPO, spec).split("\\").join("/") };
}

/** Line and column of the first `$ref` in a fixture of the spec folder. */
function refAt(file: string, target: string): { line: number; column: number } {
  const lines = readFileSync(file, "utf8").split("\n");
  const line = lines.findIndex((l) => l.includes(`"${target}`));
  return { line: line + 1, column: lines[line]!.indexOf("$ref") + 1 };
}

const REF_SPEC = "ref-target.openapi.yaml";

function expectRefRejected(
  name: string,
  make: (target: string) => void,
  code: string,
  extra: string[] = [],
): string {
  const { spec, shown } = sandbox(name);
  make(join(spec, "target.yaml"));
  const out = markedOutDir(`input-files-${name}-out`);
  const run = generateInto(out, ...extra, join(spec, REF_SPEC));
  expectRejected(run, out, {
    file: `${shown}/${REF_SPEC}`,
    ...refAt(join(spec, REF_SPEC), "target.yaml"),
    code,
  });
  return run.stderr;
}

describe.runIf(POSIX)("only regular files are read", () => {
  const mkfifo = (path: string) =>
    expect(spawnSync("mkfifo", [path]).status).toBe(0);

  it("a FIFO given as an input is an error naming it; the run ends though nobody writes to it", () => {
    const { spec, shown } = sandbox("fifo-input");
    mkfifo(join(spec, "pipe.yaml"));
    const out = markedOutDir("input-files-fifo-input-out");
    const run = generateInto(out, join(spec, "pipe.yaml"));
    expectRejected(run, out, {
      file: `${shown}/pipe.yaml`,
      line: 1,
      column: 1,
      code: "input/not-a-file",
    });
    expect(run.stderr).toContain("FIFO");
  });

  it("a FIFO reached by $ref is an error at the $ref; the run ends", () => {
    const stderr = expectRefRejected("fifo-ref", mkfifo, "input/not-a-file");
    expect(stderr).toContain("FIFO");
  });

  it("a $ref target replaced by a FIFO after a good run: the next run ends, the output as it was", () => {
    const { spec, shown } = sandbox("fifo-swapped");
    const target = join(spec, "target.yaml");
    writeFileSync(target, "Pet: { type: object }\n");
    const out = outDir("input-files-fifo-swapped-out");
    const first = generateInto(out, join(spec, REF_SPEC));
    expect(first.code, first.stderr).toBe(0);
    const before = treeBytes(out);
    rmSync(target);
    mkfifo(target);
    // the up-to-date check must not hash the FIFO: a full run, which names it
    const run = generateInto(out, join(spec, REF_SPEC));
    expectNoCrash(run);
    expect(run.code, run.stderr).toBe(1);
    const { line, column } = refAt(join(spec, REF_SPEC), "target.yaml");
    expect(run.stderr).toContain(
      `${shown}/${REF_SPEC}:${line}:${column}: error input/not-a-file`,
    );
    expect(treeBytes(out)).toEqual(before);
  });

  it("a folder reached by $ref is an error at the $ref, not EISDIR", () => {
    const stderr = expectRefRejected(
      "folder-ref",
      (p) => mkdirSync(p),
      "input/not-a-file",
    );
    expect(stderr).toContain("is a folder");
    expect(stderr).not.toContain("EISDIR");
  });

  it("/dev/zero through a symlink, as an input and as a $ref target, is refused unread", () => {
    const { spec, shown } = sandbox("device-input");
    symlinkSync("/dev/zero", join(spec, "zero.yaml"));
    const out = markedOutDir("input-files-device-input-out");
    const run = generateInto(out, join(spec, "zero.yaml"));
    expectRejected(run, out, {
      file: `${shown}/zero.yaml`,
      line: 1,
      column: 1,
      code: "input/not-a-file",
    });
    expect(run.stderr).toContain("character device");
    // followed only with --allow-external-refs (the link leaves the folder): refused there too
    const stderr = expectRefRejected(
      "device-ref",
      (p) => symlinkSync("/dev/zero", p),
      "input/not-a-file",
      ["--allow-external-refs"],
    );
    expect(stderr).toContain("character device");
  });
});

describe.runIf(POSIX)("a size limit, checked before reading", () => {
  const MIB = 1024 * 1024;
  const sparse = (bytes: number) => (path: string) => {
    writeFileSync(path, "");
    truncateSync(path, bytes);
  };

  it("a 2 GiB sparse input is refused with the default 100 MiB limit, naming the flag", () => {
    const { spec, shown } = sandbox("sparse-input");
    sparse(2 * 1024 * MIB)(join(spec, "huge.yaml"));
    const out = markedOutDir("input-files-sparse-input-out");
    const run = generateInto(out, join(spec, "huge.yaml"));
    expectRejected(run, out, {
      file: `${shown}/huge.yaml`,
      line: 1,
      column: 1,
      code: "input/too-large",
    });
    expect(run.stderr).toContain("is 2 GiB, more than the limit of 100 MiB");
    expect(run.stderr).toContain("--max-input-size");
  });

  it("a $ref'd file one byte over --max-input-size is refused at the $ref", () => {
    const stderr = expectRefRejected(
      "large-ref",
      sparse(MIB + 1),
      "input/too-large",
      ["--max-input-size", "1"],
    );
    expect(stderr).toContain("more than the limit of 1 MiB");
  });

  it("--max-input-size and merge.maxInputSize raise the limit", () => {
    const { spec } = sandbox("raised");
    const input = join(spec, "padded.openapi.yaml");
    const small = readFileSync(join(spec, "small.openapi.yaml"), "utf8");
    writeFileSync(input, small + `# ${"x".repeat(1.5 * MIB)}\n`);
    const refused = markedOutDir("input-files-raised-refused");
    const run = generateInto(refused, "--max-input-size", "1", input);
    expectRejected(run, refused, {
      file: relative(REPO, input).split("\\").join("/"),
      line: 1,
      code: "input/too-large",
    });
    const byFlag = generateInto(
      outDir("input-files-raised-flag"),
      "--max-input-size",
      "2",
      input,
    );
    expectNoCrash(byFlag);
    expect(byFlag.code, byFlag.stderr).toBe(0);
    const config = join(spec, "apiloom.config.json");
    writeFileSync(config, JSON.stringify({ merge: { maxInputSize: 1 } }));
    const byConfig = apiloom([
      "generate",
      "-c",
      config,
      "--no-lock",
      "-o",
      outDir("input-files-raised-config"),
      input,
    ]);
    expect(byConfig.code, byConfig.stderr).toBe(1);
    expect(byConfig.stderr).toContain("input/too-large");
    writeFileSync(config, JSON.stringify({ merge: { maxInputSize: 2 } }));
    const raised = apiloom([
      "generate",
      "-c",
      config,
      "--no-lock",
      "-o",
      outDir("input-files-raised-config"),
      input,
    ]);
    expect(raised.code, raised.stderr).toBe(0);
  });
});

describe.runIf(POSIX)("the $ref folder guard compares real paths", () => {
  const SPEC = "outside-link.openapi.yaml";

  it("a symlink inside the spec folder that points outside (a file, a folder) is outside", () => {
    const { spec, shown } = sandbox("outside-link");
    symlinkSync("../outside/secret.yaml", join(spec, "linked-file.yaml"));
    symlinkSync("../outside", join(spec, "linked-folder"));
    const out = markedOutDir("input-files-outside-link-out");
    const run = generateInto(out, join(spec, SPEC));
    for (const target of ["linked-file.yaml", "linked-folder/secret.yaml"])
      expectRejected(run, out, {
        file: `${shown}/${SPEC}`,
        ...refAt(join(spec, SPEC), target),
        code: "ref/outside-folder",
      });
    expect(run.stderr).not.toContain("secretFromOutside");
    // allowed on purpose, the links are followed
    const allowed = outDir("input-files-outside-link-allowed");
    const followed = generateInto(
      allowed,
      "--allow-external-refs",
      join(spec, SPEC),
    );
    expect(followed.code, followed.stderr).toBe(0);
    expect(readFileSync(join(allowed, "openapi.json"), "utf8")).toContain(
      "secretFromOutside",
    );
  });

  it("a malformed $ref URI is ref/invalid at the $ref, and the operation is kept", () => {
    const { spec, shown } = sandbox("malformed-uri");
    const SPEC = "malformed-uri.openapi.yaml";
    const out = markedOutDir("input-files-malformed-uri-out");
    const run = generateInto(out, join(spec, SPEC));
    expectRejected(run, out, {
      file: `${shown}/${SPEC}`,
      ...refAt(join(spec, SPEC), "common%zz.yaml"),
      code: "ref/invalid",
    });
    expect(run.stderr).not.toContain("URI malformed");
    expect(run.stderr).toContain("apiloom: 2 endpoints, 1 error");
  });
});
