import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  expandInputs,
  matchesPattern,
} from "../../src/workflow/sources/glob.js";
import { removeDir } from "./harness.js";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "apiloom-glob-"));
  for (const file of [
    "specs/b.yaml",
    "specs/a.json",
    "specs/.hidden.yaml",
    "specs/v2/c.yaml",
    "specs/v2/deep/d.yml",
    "specs/node_modules/x.yaml",
    "specs/[x].yaml",
    "other/e.yaml",
  ]) {
    mkdirSync(join(dir, file, ".."), { recursive: true });
    writeFileSync(join(dir, file), "");
  }
});
afterAll(() => removeDir(dir));

describe("expandInputs", () => {
  it.each([
    [["specs/*"], ["specs/[x].yaml", "specs/a.json", "specs/b.yaml"]],
    [["specs/*.yaml"], ["specs/[x].yaml", "specs/b.yaml"]],
    [
      ["specs/**/*.{yaml,yml}"],
      [
        "specs/[x].yaml",
        "specs/b.yaml",
        "specs/v2/c.yaml",
        "specs/v2/deep/d.yml",
      ],
    ],
    [
      ["specs/?.json", "./other/e.yaml"],
      ["other/e.yaml", "specs/a.json"],
    ],
    [["specs/[ab].*"], ["specs/a.json", "specs/b.yaml"]],
    [["specs/.hidden.yaml", "specs/.h*"], ["specs/.hidden.yaml"]],
    [
      ["specs/*/c.yaml", "specs/b.yaml", "specs/b.yaml"],
      ["specs/b.yaml", "specs/v2/c.yaml"],
    ],
  ])("%j gives %j, sorted and without duplicates", (patterns, expected) => {
    expect(expandInputs(patterns, dir)).toEqual({
      files: expected,
      unmatched: [],
    });
  });

  it("reports patterns that match nothing, literal or not", () => {
    expect(
      expandInputs(["specs/*.graphql", "missing.yaml", "specs/a.json"], dir),
    ).toEqual({
      files: ["specs/a.json"],
      unmatched: ["specs/*.graphql", "missing.yaml"],
    });
  });

  it("reads a path that names an existing file as that file, glob characters or not (issue 41)", () => {
    // as a glob, `[x]` is a class matching `x.yaml`, which does not exist
    expect(expandInputs(["specs/[x].yaml"], dir)).toEqual({
      files: ["specs/[x].yaml"],
      unmatched: [],
    });
    expect(expandInputs([join(dir, "specs/[x].yaml")], dir).files).toEqual([
      join(dir, "specs/[x].yaml").split("\\").join("/"),
    ]);
  });

  it("skips node_modules under `**` unless the pattern names it", () => {
    expect(expandInputs(["specs/**/x.yaml"], dir).files).toEqual([]);
    expect(expandInputs(["specs/node_modules/*.yaml"], dir).files).toEqual([
      "specs/node_modules/x.yaml",
    ]);
  });

  it("expands absolute patterns from their leading folders", () => {
    expect(expandInputs([join(dir, "specs/v2/*.yaml")], "/").files).toEqual([
      join(dir, "specs/v2/c.yaml").split("\\").join("/"),
    ]);
  });

  it("accepts patterns that climb out of the base folder", () => {
    expect(expandInputs(["../other/*.yaml"], join(dir, "specs")).files).toEqual(
      ["../other/e.yaml"],
    );
  });
});

describe("matchesPattern (apiloom diff --base matches a commit's file list)", () => {
  const files = [
    "specs/b.yaml",
    "specs/a.json",
    "specs/.hidden.yaml",
    "specs/v2/c.yaml",
    "specs/v2/deep/d.yml",
    "specs/node_modules/x.yaml",
    "specs/[x].yaml",
    "other/e.yaml",
  ];
  it.each([
    "specs/*",
    "specs/*.yaml",
    "specs/**/*.{yaml,yml}",
    "specs/**",
    "**/*.yaml",
    "specs/?.json",
    "./other/e.yaml",
    "specs/[ab].*",
    "specs/.h*",
    "specs/.hidden.yaml",
    "specs/*/c.yaml",
    "specs/**/d.yml",
  ])("%s matches what expandInputs finds on disk", (pattern) => {
    // the file system walk is the oracle
    expect(files.filter((f) => matchesPattern(pattern, f)).sort()).toEqual(
      expandInputs([pattern], dir).files,
    );
  });
});
