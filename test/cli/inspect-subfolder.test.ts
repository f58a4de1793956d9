import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { apiloom, outDir, PETSTORE } from "./run.js";

// Issue 46: `inspect` with a relative path typed in a subfolder read it from the project's root
// (input/unreadable) where `generate` read it from the subfolder.
describe("inspect from a subfolder of the project", () => {
  it("reads a relative path as generate does", () => {
    const dir = outDir("inspect-subfolder");
    mkdirSync(join(dir, "spec"));
    mkdirSync(join(dir, "app/src"), { recursive: true });
    cpSync(PETSTORE, join(dir, "spec/pets.json"));
    // the project's root: where generate and inspect load inputs from
    writeFileSync(join(dir, "package.json"), "{}\n");
    const cwd = join(dir, "app/src");
    const inspect = apiloom(["inspect", "../../spec/pets.json", "--json"], cwd);
    expect(inspect.code, inspect.stderr + inspect.stdout).toBe(0);
    const model = JSON.parse(inspect.stdout) as {
      endpoints: unknown[];
      diagnostics: { code: string }[];
    };
    expect(model.endpoints.length).toBeGreaterThan(10);
    expect(model.diagnostics.map((d) => d.code)).not.toContain(
      "input/unreadable",
    );
    const generate = apiloom(
      ["generate", "../../spec/pets.json", "-o", "../../out", "--no-config"],
      cwd,
    );
    expect(generate.code, generate.stderr).toBe(0);
    const table = apiloom(["inspect", "../../spec/pets.json"], cwd);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toContain("spec/pets.json:");
    expect(readFileSync(join(dir, "out/types.ts"), "utf8")).toContain("Pet");
  });
});
