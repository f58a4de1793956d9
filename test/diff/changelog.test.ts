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
import { apiloom } from "../cli/run.js";
import { FIXTURES } from "./helpers.js";

describe("the docs' changelog page (issue 26, item 5)", () => {
  const dir = mkdtempSync(join(tmpdir(), "apiloom-changelog-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const generate = (cwd: string, ...extra: string[]) =>
    apiloom(
      [
        "generate",
        "spec.yaml",
        "--out",
        "gen",
        "--no-config",
        "--no-lock",
        "-a",
        "docs,openapi",
        ...extra,
      ],
      cwd,
    );
  const page = (cwd = dir) =>
    readFileSync(join(cwd, "gen/docs/changes.md"), "utf8");

  it("says what changed since the last run, and stays the same when nothing did", () => {
    copyFileSync(join(FIXTURES, "openapi3/old.yaml"), join(dir, "spec.yaml"));
    expect(generate(dir).code).toBe(0);
    expect(page()).toBe(
      "# Changes since the last run\n\nThe first run into this folder: there is no earlier API description to compare with.\n",
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
  }, 180_000);
});
