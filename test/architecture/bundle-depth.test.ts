import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SRC, sourceFiles } from "./source-tree.js";

/**
 * The CLI runs as one file, dist/cli/bundle.js, where `import.meta.url` is the bundle's URL
 * (scripts/bundle.mjs). A module that reads a path relative to its own URL (`../../templates`)
 * reads the same file from the bundle only at the bundle's depth: a file of a folder of src/
 * (`src/emit/templates.ts`), never one of a folder below.
 */
describe("modules that read paths relative to themselves", () => {
  it("sit at the bundle's depth, src/<folder>/<file>", () => {
    const relativeLiteral = /(["'])\.\.\/[^"'\n]*\1/;
    const importLine = /^\s*(import|export)\b|\bfrom\s*["']|\bimport\s*\(/;
    const readers = sourceFiles(false).filter((file) => {
      const text = readFileSync(join(SRC, file), "utf8");
      return (
        /\bimport\.meta\.(url|dirname|filename)\b/.test(text) &&
        text
          .split("\n")
          .some((line) => relativeLiteral.test(line) && !importLine.test(line))
      );
    });
    // not vacuous: the templates' folder is found so
    expect(readers).toContain("emit/templates.ts");
    expect(readers.filter((file) => file.split("/").length !== 2)).toEqual([]);
  });
});
