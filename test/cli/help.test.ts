import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("apiloom --help", () => {
  it("shows inspect's files as optional: with a config it reads the config's inputs (issue 46)", () => {
    const result = spawnSync(process.execPath, ["bin/apiloom.js", "--help"], {
      encoding: "utf8",
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^ {2}inspect \[files\.\.\.\] +Print/m);
    expect(result.stdout).not.toContain("inspect <files...>");
  });
});
