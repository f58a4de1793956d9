import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  apiloom,
  expectNoCrash,
  expectRejected,
  FIXTURES,
  generateInto,
  markedOutDir,
  outDir,
} from "./cli.js";

/** Class 5 of issue 10: duplicate keys, where the last one silently won and an operation vanished. */
describe("duplicate keys", () => {
  it("YAML: an error at the second key naming the first one's line; nothing is written", () => {
    const out = markedOutDir("duplicate-paths");
    const run = generateInto(
      out,
      join(FIXTURES, "duplicate-paths.openapi.yaml"),
    );
    const file = "test/fixtures/hostile/duplicate-paths.openapi.yaml";
    expectRejected(run, out, {
      file,
      line: 12,
      column: 3,
      code: "parse/duplicate-key",
    });
    expect(run.stderr).toContain(
      `duplicate key "/users": it is also at line 4 `,
    );
    expect(run.stderr).toContain(`related: ${file}:4:3`);
  });

  it("YAML: the same in a flow mapping, with the column when both are on one line", () => {
    const out = markedOutDir("duplicate-status");
    const run = generateInto(
      out,
      join(FIXTURES, "duplicate-status.swagger.yaml"),
    );
    const file = "test/fixtures/hostile/duplicate-status.swagger.yaml";
    expectRejected(run, out, {
      file,
      line: 6,
      column: 69,
      code: "parse/duplicate-key",
    });
    expect(run.stderr).toContain(
      `duplicate key "200": it is also at line 6, column 19 `,
    );
  });

  it("JSON: a warning at the second key naming the first one's line; --strict fails", () => {
    const input = join(FIXTURES, "duplicate-keys.openapi.json");
    const file = "test/fixtures/hostile/duplicate-keys.openapi.json";
    const out = outDir("duplicate-json");
    const run = generateInto(out, input);
    expectNoCrash(run);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(
      new RegExp(
        `^${file}:8:5: warning parse/duplicate-json-key duplicate key "/users": it is also at line 5, and this later one wins`,
        "m",
      ),
    );
    expect(run.stderr).toContain(`related: ${file}:5:5`);

    const strictOut = markedOutDir("duplicate-json-strict");
    const strict = apiloom([
      "generate",
      "--no-config",
      "--no-lock",
      "--strict",
      "-o",
      strictOut,
      input,
    ]);
    expectRejected(strict, strictOut, {
      file,
      line: 8,
      column: 5,
      code: "parse/duplicate-json-key",
    });
  });

  it("JSON: 200,000 of them are 200,000 warnings, each a row of the docs, and no crash", () => {
    const dir = outDir("duplicate-json-many");
    const input = join(dir, "many.json");
    writeFileSync(
      input,
      '{"openapi":"3.0.3","info":{"title":"d","version":"1"},"paths":{},"x":{' +
        '"a":1,'.repeat(200_000) +
        '"a":1}}',
    );
    const out = join(dir, "out");
    // a row per diagnostic: past ~120,000 a page's lines were too many for one call's arguments
    const run = apiloom([
      "generate",
      "--no-config",
      "--no-lock",
      "-q",
      "-a",
      "docs",
      "-o",
      out,
      input,
    ]);
    expectNoCrash(run);
    expect(run.code, run.stderr).toBe(0);
    const page = readFileSync(join(out, "docs/diagnostics.md"), "utf8");
    expect(
      page.match(/^\| warning +\| `parse\/duplicate-json-key`/gm)?.length,
    ).toBe(200_000);
    const html = readFileSync(join(out, "docs/index.html"), "utf8");
    expect(
      html.match(/<td><code>parse\/duplicate-json-key<\/code>/g)?.length,
    ).toBe(200_000);
  }, 120_000);
});
