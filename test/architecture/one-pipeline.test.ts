import {
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runGenerate } from "../../src/cli/generate.js";
import { generate } from "../../src/index.js";
import { MANIFEST_FILE } from "../../src/workflow/output/output-files.js";
import { REPO } from "./source-tree.js";

function filesBelow(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else
        out.set(
          relative(root, full).split(sep).join("/"),
          readFileSync(full, "utf8"),
        );
    }
  };
  walk(root);
  return out;
}

const sink = () => {
  let text = "";
  return { write: (s: string) => (text += s), text: () => text };
};

describe("one pipeline", () => {
  const dir = mkdtempSync(join(tmpdir(), "apiloom-one-pipeline-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("the CLI writes exactly the files and reports the diagnostics that generate() returns", async () => {
    cpSync(join(REPO, "specs"), join(dir, "specs"), { recursive: true });
    const specs = readdirSync(join(dir, "specs"))
      .sort()
      .map((f) => `specs/${f}`);
    const stderr = sink();
    const code = await runGenerate(
      [...specs, "--out", "gen", "--no-config", "--no-lock", "--verbose"],
      { cwd: dir, stdout: sink(), stderr },
    );
    expect(code).toBe(0);
    const written = filesBelow(join(dir, "gen"));
    written.delete(MANIFEST_FILE);

    const result = await generate(specs, {
      cwd: dir,
      layout: { outDir: "gen" },
    });
    expect([...written.keys()].sort()).toEqual(result.files.map((f) => f.path));
    for (const file of result.files)
      expect(written.get(file.path), file.path).toBe(file.contents);
    const warnings = result.diagnostics.filter((d) => d.severity === "warning");
    expect(warnings.length).toBeGreaterThan(0);
    expect(stderr.text()).toContain(`0 errors, ${warnings.length} warnings`);
    // each diagnostic generate() returns is the one the CLI printed, at the same place
    for (const d of warnings)
      expect(stderr.text()).toContain(`${d.file}:${d.line}:${d.column}`);
  });
});
