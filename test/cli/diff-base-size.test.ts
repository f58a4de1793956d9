import { execFileSync, spawnSync } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PETSTORE, REPO, expectNoCrash, outDir } from "./run.js";

/**
 * Issue 41 item 7: `apiloom diff --base <ref>` reads the base's inputs from git. A blob over the
 * input size limit is `input/too-large` with its size (it was "not in <ref>"), and no command
 * reads its bytes: its size is asked first. A git on the PATH that logs each call shows which
 * objects were read.
 */
describe("apiloom diff --base on a blob over the input size limit", () => {
  const dir = outDir("diff-base-size");
  const git = (...args: string[]) =>
    execFileSync("git", args, { cwd: dir, stdio: "pipe" });
  git("init", "-q");
  git("config", "user.email", "t@example.com");
  git("config", "user.name", "t");
  // a limit of 1 MiB, and a committed spec of 2 MiB (valid JSON: a long description)
  writeFileSync(
    join(dir, "apiloom.config.json"),
    JSON.stringify({ inputs: ["specs/*.json"], merge: { maxInputSize: 1 } }),
  );
  mkdirSync(join(dir, "specs"));
  const big = JSON.parse(readFileSync(PETSTORE, "utf8")) as {
    info: { description?: string };
  };
  big.info.description = "x".repeat(2 * 1024 * 1024);
  writeFileSync(join(dir, "specs/pets.json"), JSON.stringify(big));
  git("add", ".");
  git("commit", "-qm", "base");
  copyFileSync(PETSTORE, join(dir, "specs/pets.json"));

  // a git that logs its arguments, then runs the real one
  const bin = join(dir, "bin");
  mkdirSync(bin);
  const realGit = execFileSync("sh", ["-c", "command -v git"], {
    encoding: "utf8",
  }).trim();
  writeFileSync(
    join(bin, "git"),
    `#!/bin/sh\necho "$*" >> "${join(dir, "git.log")}"\nexec "${realGit}" "$@"\n`,
  );
  chmodSync(join(bin, "git"), 0o755);

  it("says input/too-large with the size, and reads none of the blob", () => {
    const run = spawnSync(
      process.execPath,
      [join(REPO, "bin/apiloom.js"), "diff", "--base", "HEAD"],
      {
        cwd: dir,
        encoding: "utf8",
        env: {
          ...process.env,
          NO_COLOR: "1",
          PATH: `${bin}:${process.env.PATH}`,
        },
      },
    );
    const result = {
      code: run.status,
      stdout: run.stdout,
      stderr: run.stderr,
    };
    expectNoCrash(result);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toMatch(
      /specs\/pets\.json:1:1: error input\/too-large \(HEAD\) the file is 2\.0 MiB, more than the limit of 1 MiB/,
    );
    expect(result.stderr).not.toContain("not in HEAD");
    const calls = readFileSync(join(dir, "git.log"), "utf8");
    expect(calls).toContain("ls-tree -l");
    expect(calls).not.toMatch(/^(show|cat-file (blob|-p)) .*/m);
  });

  it("a blob under the limit is still read and compared", () => {
    git("add", ".");
    git("commit", "-qm", "small");
    const run = spawnSync(
      process.execPath,
      [
        join(REPO, "bin/apiloom.js"),
        "diff",
        "--base",
        "HEAD",
        "--format",
        "json",
      ],
      { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).changes).toEqual([]);
  });
});
