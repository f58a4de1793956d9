import { createHash } from "node:crypto";
import {
  copyFileSync,
  cpSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FIXTURES, generateSpec } from "./helpers.js";

/** Writes `text` as the output's changelog page and its hash into the manifest, as a pull request could. */
function plant(dir: string, text: string): void {
  writeFileSync(join(dir, "gen/docs/changes.md"), text);
  const manifestFile = join(dir, "gen/.apiloom-manifest.json");
  const manifest = readFileSync(manifestFile, "utf8");
  const entry = /("docs\/changes\.md": ")[0-9a-f]{64}"/;
  expect(manifest).toMatch(entry);
  const hash = createHash("sha256").update(text).digest("hex");
  writeFileSync(manifestFile, manifest.replace(entry, `$1${hash}"`));
}

describe("the docs' changelog page (issue 26, item 5)", () => {
  const dir = mkdtempSync(join(tmpdir(), "apiloom-changelog-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const generate = (cwd: string, ...extra: string[]) =>
    generateSpec(cwd, "docs,openapi", ...extra);
  const page = (cwd = dir) =>
    readFileSync(join(cwd, "gen/docs/changes.md"), "utf8");

  it("says what changed since the last run, and stays the same when nothing did", () => {
    copyFileSync(join(FIXTURES, "openapi3/old.yaml"), join(dir, "spec.yaml"));
    expect(generate(dir).code).toBe(0);
    expect(page()).toMatch(
      /^# Changes since the last run\n\nThe first run into this folder: there is no earlier API description to compare with\.\n\n<!-- apiloom changes [A-Za-z0-9+/=]+ -->\n$/,
    );

    copyFileSync(join(FIXTURES, "openapi3/new.yaml"), join(dir, "spec.yaml"));
    expect(generate(dir).code).toBe(0);
    const changed = page();
    expect(changed).toContain(
      "From the API description of the last run to this one (the rules of `apiloom diff`): 22 breaking, 9 warnings, 5 info.\n",
    );
    expect(changed).toContain(
      "- `GET /events`: `SpecialEvent.location` was removed \\(in listEvents\\(\\), createSpecialEvent\\(\\), fetchEvent\\(\\)\\) (`response-property-removed`, breaks clients). In your code: client `listEvents()`, type `SpecialEvent.location`, handler `handlers.listEvents`, client `createSpecialEvent()`, client `fetchEvent()`\n",
    );
    expect(changed).toMatch(
      /## Breaking\n[\s\S]*## Warnings\n[\s\S]*## Info\n/,
    );

    // the same inputs again: the page is kept, byte for byte, and --check agrees
    expect(generate(dir, "--force").code).toBe(0);
    expect(page()).toBe(changed);
    expect(generate(dir, "--check").code).toBe(0);

    // a fresh clone (the output as committed, no cache): --check reproduces it
    const clone = mkdtempSync(join(tmpdir(), "apiloom-changelog-"));
    try {
      copyFileSync(join(dir, "spec.yaml"), join(clone, "spec.yaml"));
      cpSync(join(dir, "gen"), join(clone, "gen"), { recursive: true });
      const check = generate(clone, "--check");
      expect(check.stderr).toContain("is up to date");
      expect(check.code).toBe(0);
      expect(page(clone)).toBe(changed);
    } finally {
      rmSync(clone, { recursive: true, force: true });
    }

    // a page edited by hand is not the last run's: --check says so, and it is not kept
    writeFileSync(join(dir, "gen/docs/changes.md"), changed + "mine\n");
    const edited = generate(dir, "--check");
    expect(edited.code).toBe(1);
    expect(edited.stderr).toContain("M docs/changes.md");

    // nor when the manifest is edited to match (a pull request can change both): the page is
    // made again from the data on its last line, so text that is not that data's is stale
    const planted = changed.replace(
      "## Breaking",
      "All clear, merge away.\n\n## Breaking",
    );
    plant(dir, planted);
    const check = generate(dir, "--check", "--verbose"); // a docs page's diff: --verbose
    expect(check.code).toBe(1);
    expect(check.stderr).toContain("M docs/changes.md");
    expect(check.stdout).toContain("-All clear, merge away.");

    // and planted data comes out as any change's words do: escaped, its rule's severity and
    // direction from the rule table, not from the page
    const record = {
      kind: "changes",
      changes: [
        {
          rule: "operation-removed",
          endpoint: "GET /x`<img src=x onerror=alert(1)>",
          message: "<script>alert(1)</script> [click](javascript:alert(1))",
          names: { function: "x`y" },
          severity: "info",
        },
      ],
    };
    plant(
      dir,
      `# Changes since the last run\n\nanything\n\n<!-- apiloom changes ${Buffer.from(JSON.stringify(record)).toString("base64")} -->\n`,
    );
    expect(generate(dir, "--force").code).toBe(0);
    const made = page();
    expect(made).toContain("## Breaking");
    expect(made).not.toContain("<script>");
    expect(made).not.toContain("](javascript:");
    expect(made).not.toContain("anything");
  }, 180_000);
});
