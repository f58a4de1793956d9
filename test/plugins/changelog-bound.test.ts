import { createHash } from "node:crypto";
import {
  copyFileSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { FIXTURES, generateSpec } from "../diff/helpers.js";
import { REPO, recordPeakArgs } from "../hostile/cli.js";

/*
 * The docs' changelog page carries its record (base64 on its last line) and a run reads the
 * last run's page back. A page is read only up to a bound (CHANGELOG_MAX_BYTES, 4 MiB): one
 * planted past it, with the manifest edited to match as a pull request could, is not read
 * (issue 41): a warning names it, and the page is made from this run's comparison.
 */
describe("the changelog page's record, read back", () => {
  const dir = mkdtempSync(join(tmpdir(), "apiloom-changelog-bound-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const generate = (...extra: string[]) =>
    generateSpec(dir, "docs,openapi", ...extra);

  it("is discarded with a warning past the bound, and the page made anew", () => {
    copyFileSync(join(FIXTURES, "openapi3/old.yaml"), join(dir, "spec.yaml"));
    expect(generate().code).toBe(0);
    const page = join(dir, "gen/docs/changes.md");
    // a valid record, padded past 4 MiB with changes the rule table knows
    const change = {
      rule: "operation-removed",
      endpoint: "GET /x",
      message: "x".repeat(1000),
      names: {},
    };
    const record = {
      kind: "changes",
      changes: Array.from({ length: 4000 }, () => change),
    };
    const planted = `# Changes since the last run\n\nplanted\n\n<!-- apiloom changes ${Buffer.from(JSON.stringify(record)).toString("base64")} -->\n`;
    expect(planted.length).toBeGreaterThan(4 * 1024 * 1024);
    writeFileSync(page, planted);
    const manifestFile = join(dir, "gen/.apiloom-manifest.json");
    const hash = createHash("sha256").update(planted).digest("hex");
    writeFileSync(
      manifestFile,
      readFileSync(manifestFile, "utf8").replace(
        /("docs\/changes\.md": ")[0-9a-f]{64}"/,
        `$1${hash}"`,
      ),
    );
    const run = generate("--force", "--verbose");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(
      /gen\/docs\/changes\.md:1:1: warning output\/changelog-too-large the last run's docs\/changes\.md is not read back: the file is [\d.]+ MiB, more than the limit of 4 MiB/,
    );
    const made = readFileSync(page, "utf8");
    expect(made).toContain(
      "No change to the API description since the last run.",
    );
    expect(made.length).toBeLessThan(1000);
  }, 120_000);

  it("planted at 200 MiB, costs the run a stat, not its bytes: the peak stays under 250 MiB", () => {
    const big = mkdtempSync(join(tmpdir(), "apiloom-changelog-big-"));
    try {
      copyFileSync(join(FIXTURES, "openapi3/old.yaml"), join(big, "spec.yaml"));
      expect(generateSpec(big, "docs,openapi").code).toBe(0);
      const page = join(big, "gen/docs/changes.md");
      const planted = Buffer.alloc(200 * 1024 * 1024, "a");
      writeFileSync(page, planted);
      const manifestFile = join(big, "gen/.apiloom-manifest.json");
      const hash = createHash("sha256").update(planted).digest("hex");
      writeFileSync(
        manifestFile,
        readFileSync(manifestFile, "utf8").replace(
          /("docs\/changes\.md": ")[0-9a-f]{64}"/,
          `$1${hash}"`,
        ),
      );
      // the child records its own peak RSS (KiB) as it exits: a ceiling, not a timing
      const peakFile = join(big, "peak.txt");
      const run = spawnSync(
        process.execPath,
        [
          ...recordPeakArgs(peakFile),
          join(REPO, "bin/apiloom.js"),
          "generate",
          "spec.yaml",
          ...["--out", "gen", "--no-config", "--no-lock", "-a", "docs,openapi"],
          "--force",
        ],
        { cwd: big, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } },
      );
      expect(run.status, run.stderr).toBe(0);
      expect(run.stderr).toContain("output/changelog-too-large");
      expect(readFileSync(page, "utf8").length).toBeLessThan(1000);
      const peakMiB = Number(readFileSync(peakFile, "utf8")) / 1024;
      expect(peakMiB).toBeLessThan(250);
    } finally {
      rmSync(big, { recursive: true, force: true });
    }
  }, 120_000);
});
