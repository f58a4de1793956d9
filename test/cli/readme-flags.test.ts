import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO, apiloom } from "./run.js";

/** The long flags a help text lists (`--out`, `--no-lock`, …), in order. */
function flagsOf(help: string): string[] {
  return [...help.matchAll(/^ +(?:-\w, )?(--[a-z][a-z-]*)/gm)].map(
    (m) => m[1]!,
  );
}

describe("the Flags table of docs/configuration.md is the CLI's", () => {
  const help = apiloom(["generate", "--help"]);
  const page = readFileSync(join(REPO, "docs/configuration.md"), "utf8");
  const at = page.indexOf("\n## Flags\n");
  expect(at).toBeGreaterThan(-1);
  const section = page.slice(at, page.indexOf("\n## ", at + 1));
  const tableFlags = [...section.matchAll(/`(?:-\w, )?(--[a-z][a-z-]*)/g)].map(
    (m) => m[1]!,
  );

  it("lists every flag `apiloom generate --help` prints", () => {
    expect(help.code).toBe(0);
    const cli = flagsOf(help.stdout).filter((f) => f !== "--help");
    expect(cli.length).toBeGreaterThan(15);
    expect(cli.filter((f) => !tableFlags.includes(f))).toEqual([]);
  });

  it("lists no flag the CLI does not have", () => {
    const cli = flagsOf(help.stdout);
    expect(tableFlags.filter((f) => !cli.includes(f))).toEqual([]);
  });
});
