import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

describe("apiloom --version", () => {
  it("prints the version package.json declares, not a copy typed into the CLI", () => {
    const { version } = JSON.parse(readFileSync("package.json", "utf8")) as {
      version: string;
    };
    const result = spawnSync(
      process.execPath,
      ["bin/apiloom.js", "--version"],
      { encoding: "utf8" },
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`apiloom ${version}\n`);
  });
});
