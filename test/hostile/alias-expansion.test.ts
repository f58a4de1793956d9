import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  expectNoCrash,
  expectRejected,
  FIXTURES,
  generateInto,
  markedOutDir,
  outDir,
} from "./cli.js";

/** Class 1 of issue 10: YAML alias expansion ("billion laughs") and aliases inside their own anchor. */
describe("YAML alias expansion", () => {
  it("rejects a billion-laughs example at the alias that passes the limit, naming the limit", () => {
    const out = markedOutDir("laughs");
    const run = generateInto(out, join(FIXTURES, "laughs.openapi.yaml"));
    expectRejected(run, out, {
      file: "test/fixtures/hostile/laughs.openapi.yaml",
      line: 17,
      code: "parse/alias-expansion",
    });
    expect(run.stderr).toContain("more than 1,000,000 nodes");
  });

  it("rejects an alias inside its own anchor (an infinite value) at the alias", () => {
    const out = markedOutDir("alias-self");
    const run = generateInto(out, join(FIXTURES, "alias-self.openapi.yaml"));
    expectRejected(run, out, {
      file: "test/fixtures/hostile/alias-self.openapi.yaml",
      line: 8,
      column: 7,
      code: "parse/alias-expansion",
    });
  });

  it("reads ordinary shared anchors as before", () => {
    const out = outDir("aliases-shared");
    const run = generateInto(
      out,
      join(FIXTURES, "aliases-shared.openapi.yaml"),
    );
    expectNoCrash(run);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain("3 endpoints");
  });
});
