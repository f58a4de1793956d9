import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { apiloom } from "../cli/run.js";
import { FIXTURES } from "./helpers.js";

describe("generate says what changed since the last run", () => {
  const dir = mkdtempSync(join(tmpdir(), "apiloom-summary-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const generate = (...extra: string[]) =>
    apiloom(
      ["generate", "spec.yaml", "--out", "gen", "--no-config", ...extra],
      dir,
    );

  it("one line from the OpenAPI document it wrote last time, the same counts as apiloom diff", () => {
    copyFileSync(join(FIXTURES, "openapi3/old.yaml"), join(dir, "spec.yaml"));
    const first = generate();
    expect(first.code).toBe(0);
    expect(first.stderr).not.toContain("since the last run");

    copyFileSync(join(FIXTURES, "openapi3/new.yaml"), join(dir, "spec.yaml"));
    const second = generate();
    expect(second.code).toBe(0);
    const diff = apiloom(
      ["diff", "openapi3/old.yaml", "--to", "openapi3/new.yaml"],
      FIXTURES,
    );
    const counts = /: (\d+ breaking, .*changed)\n$/.exec(diff.stdout)![1];
    expect(second.stderr).toContain(
      `apiloom: since the last run: ${counts} (apiloom diff tells what and where)\n`,
    );

    // nothing changed: nothing to say
    const third = generate("--force");
    expect(third.code).toBe(0);
    expect(third.stderr).not.toContain("since the last run");
  }, 120_000);
});
