import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { typeCheck } from "../server/generated.js";
import {
  expectNoCrash,
  expectRejected,
  FIXTURES,
  generateInto,
  markedOutDir,
  outDir,
} from "./cli.js";

/**
 * Class 6 of issue 10: YAML 1.1 implicit typing (`1.10` read as 1.1, `0x1F` as 31) in fields the
 * format defines as strings, and tags that would construct code.
 */
describe("implicit typing and tags", () => {
  it("reads a number where a string belongs as the text written, with a warning at its line", () => {
    const out = outDir("yaml11-typing");
    const run = generateInto(out, join(FIXTURES, "yaml11-typing.openapi.yaml"));
    expectNoCrash(run);
    expect(run.code, run.stderr).toBe(0);
    const file = "test/fixtures/hostile/yaml11-typing.openapi.yaml";
    const warnings = run.stderr
      .split("\n")
      .filter((l) => l.includes("input/not-a-string"))
      .map((l) => l.split(": warning")[0]);
    expect(warnings).toEqual(
      [
        "3:3", // title: 2024
        "4:3", // version: 1.10
        "6:5", // tag name: 1.0
        "10:7", // operationId: 0x1F
        "13:14", // tags: [1.0, …]
        "15:11", // parameter name: 404
        "19:17", // description: 1e3
      ].map((at) => `${file}:${at}`),
    );
    expect(run.stderr).toContain(
      `"version" must be a string, but 1.10 is read as a number (1.1); it is taken as the text "1.10"`,
    );
    const doc = JSON.parse(readFileSync(join(out, "openapi.json"), "utf8"));
    expect(doc.info).toMatchObject({ title: "2024", version: "1.10" });
    const get = doc.paths["/items"].get;
    expect(get.operationId).toMatch(/0x1F/);
    expect(get.summary).toBe("yes"); // YAML 1.2: yes/NO stay strings, never booleans
    expect(get.description).toBe("NO");
    expect(get.tags).toEqual(["1.0", "on"]);
    expect(get.parameters[0].name).toBe("404");
    expect(get.parameters[0].schema.enum).toEqual(["yes", "no", "0o17"]);
    expect(get.responses["200"].description).toBe("1e3");
    expect(readFileSync(join(out, "docs/index.md"), "utf8")).not.toMatch(
      /\b1\.1\b(?!0)/,
    );
    expect(typeCheck(out).output).toBe("");
  });

  it("does the same for JSON numbers where strings belong", () => {
    const out = outDir("json-typing");
    const run = generateInto(out, join(FIXTURES, "yaml11-typing.swagger.json"));
    expect(run.code, run.stderr).toBe(0);
    const file = "test/fixtures/hostile/yaml11-typing.swagger.json";
    expect(run.stderr).toContain(
      `${file}:3:38: warning input/not-a-string "version"`,
    );
    expect(run.stderr).toContain(
      `${file}:6:16: warning input/not-a-string "operationId"`,
    );
    const doc = JSON.parse(readFileSync(join(out, "openapi.json"), "utf8"));
    expect(doc.info.version).toBe("1.10");
  });

  for (const [name, line, column, tag] of [
    ["unknown-tags.openapi.yaml", 11, 24, "!!js/function"],
    [
      "unknown-tags-python.swagger.yaml",
      3,
      12,
      "!!python/object/apply:os.system",
    ],
  ] as const)
    it(`never constructs ${tag}: an error at the tag`, () => {
      const out = markedOutDir(name);
      const run = generateInto(out, join(FIXTURES, name));
      expectRejected(run, out, {
        file: `test/fixtures/hostile/${name}`,
        line,
        column,
        code: "parse/invalid-yaml",
      });
      expect(run.stderr).toContain(
        `unknown tag ${tag}; only YAML's core types are read`,
      );
    });
});
