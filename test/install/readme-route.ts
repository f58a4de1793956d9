import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { REPO } from "../cli/run.js";

/*
 * The README's install route, as a newcomer follows it: the `sh` block of its Install section
 * that runs `npm pack` is read from README.md and run command by command. The clone is a copy of
 * what the tarball is made from, named `apiloom/` beside the project as the README says; an
 * `npm ci` is not run (installing the repository's dev dependencies again would take minutes),
 * `npm run pack:user` builds and packs in a folder of its own, and npm prefers its cache.
 */

export interface Shell {
  code: number | null;
  out: string;
  stdout: string;
}

/** Runs `cmd` in `cwd`, without colour, without a second build of dist/ in `npm pack`. */
export function sh(
  cmd: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): Shell {
  const result = spawnSync(cmd, args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", APILOOM_PACK_NO_BUILD: "1", ...env },
  });
  return {
    code: result.status,
    out: `${result.stdout}${result.stderr}`,
    stdout: result.stdout,
  };
}

/** The README's install commands: each `cd`-separated step, as lists of words. */
export function readmeInstallCommands(): string[][] {
  const readme = readFileSync(join(REPO, "README.md"), "utf8");
  const install = readme.slice(readme.indexOf("## Install"));
  const block = [...install.matchAll(/^```sh\n([\s\S]*?)^```$/gm)]
    .map((m) => m[1]!)
    .find((text) => /\bnpm (pack\b|run pack:user\b)/.test(text));
  if (!block)
    throw new Error(
      "README.md's Install section has no npm pack (nor npm run pack:user)",
    );
  return block
    .split("\n")
    .map((line) => line.replace(/(^|\s)#.*$/, "").trim())
    .filter(Boolean)
    .flatMap((line) => line.split(/\s*&&\s*/))
    .map((command) => command.split(/\s+/));
}

/**
 * Follows the README from `dir`, which holds the project (`my-project/`, the folder the README's
 * `cd ..` names): copies the clone to `dir/apiloom`, runs the README's commands, and returns the
 * tarball's path. Fails the test on a command that fails or that the route does not know.
 */
export function installByReadme(dir: string): string {
  const clone = join(dir, "apiloom");
  for (const path of [
    "package.json",
    "README.md",
    "bin",
    "dist",
    "templates",
    "scripts",
    "src",
    "tsconfig.json",
    "tsconfig.build.json",
  ])
    cpSync(join(REPO, path), join(clone, path), { recursive: true });
  mkdirSync(join(dir, "my-project"), { recursive: true });
  let cwd = dir;
  let tarball: string | undefined;
  for (const [tool, ...args] of readmeInstallCommands()) {
    if (tool === "cd") {
      cwd = join(cwd, args[0]!);
      continue;
    }
    expect(tool, `README: ${tool} ${args.join(" ")}`).toBe("npm");
    if (args[0] === "ci") continue;
    // `npm run pack:user` installs the build's tools in a folder of its own: from npm's cache
    // when it has them, as the `npm i` below
    const offline = { npm_config_prefer_offline: "true" };
    const extra =
      args[0] === "i" || args[0] === "install"
        ? ["--prefer-offline", "--no-audit", "--no-fund"]
        : [];
    const run = sh("npm", [...args, ...extra], cwd, offline);
    expect(run.code, `npm ${args.join(" ")}:\n${run.out}`).toBe(0);
    if (args[0] === "pack" || args.join(" ") === "run pack:user") {
      const name = readdirSync(cwd).find((f) => f.endsWith(".tgz"));
      if (name) tarball = join(cwd, name);
    }
  }
  expect(tarball, "the README's route packs no tarball").toBeDefined();
  return tarball!;
}
