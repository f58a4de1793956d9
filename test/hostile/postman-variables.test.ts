import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectNoCrash, FIXTURES, generateInto, outDir } from "./cli.js";

/**
 * Class 6 of issue 22: Postman `{{var}}` expansion is bounded like YAML aliases. A reference
 * past a bound (fan-out, depth, a cycle) is a warning at its variable's entry and stays as it is,
 * unresolved, so the rest of the pipeline makes it a path parameter like any unresolved variable.
 */
const DIR = "test/fixtures/hostile/postman-variables";

/** Line of the `{` that opens the variable entry whose key is `key` (where entries are located). */
function entryLine(file: string, key: string): number {
  const lines = readFileSync(
    join(FIXTURES, "postman-variables", file),
    "utf8",
  ).split("\n");
  return lines.findIndex((l) => l.includes(`"key": "${key}"`));
}

function warningAt(stderr: string, place: string, code: string): string {
  const hit = stderr
    .split("\n")
    .find((l) => l.startsWith(place) && l.includes(` warning ${code} `));
  expect(hit, `no "${place} … ${code}" in:\n${stderr}`).toBeDefined();
  return hit!;
}

function paths(out: string): string[] {
  const doc = JSON.parse(readFileSync(join(out, "openapi.json"), "utf8"));
  return Object.keys(doc.paths);
}

describe("Postman variable expansion", () => {
  it("8 levels × 10 references: a warning at the variable, the reference kept unresolved", () => {
    const out = outDir("postman-fan-out");
    const run = generateInto(
      out,
      join(FIXTURES, "postman-variables/fan-out.postman.json"),
    );
    expectNoCrash(run);
    expect(run.code, run.stderr).toBe(0);
    const line = entryLine("fan-out.postman.json", "l8");
    const hit = warningAt(
      run.stderr,
      `${DIR}/fan-out.postman.json:${line}:5:`,
      "postman/variable-expansion",
    );
    expect(hit).toContain("10,000 substitutions");
    // {{l8}} and {{l2}} (10 substitutions, within the bounds: no warning) are path parameters
    expect(paths(out).sort()).toEqual(["/items/{l2}/plain", "/items/{l8}"]);
    expect(run.stderr).not.toMatch(/"l2"|\{\{l2\}\}/);
  });

  it("a cycle a → b → a: postman/variable-cycle at the variable, the reference kept", () => {
    const out = outDir("postman-cycle");
    const run = generateInto(
      out,
      join(FIXTURES, "postman-variables/cycle.postman.json"),
    );
    expectNoCrash(run);
    expect(run.code, run.stderr).toBe(0);
    const line = entryLine("cycle.postman.json", "a");
    const hit = warningAt(
      run.stderr,
      `${DIR}/cycle.postman.json:${line}:5:`,
      "postman/variable-cycle",
    );
    expect(hit).toContain("a → b → a");
    expect(paths(out).sort()).toEqual(["/items/ok", "/items/{a}"]);
  });
});
