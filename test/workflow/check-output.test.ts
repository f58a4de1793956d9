import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiloom, PETSTORE } from "../cli/run.js";

/*
 * Issue 46: `--check` in a two-API config. The changelog page's embedded record (one base64 line
 * of kilobytes) shows as one line saying its data changed, and every line of the output, the
 * diff on stdout included, carries the API's `[name] ` prefix.
 */
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "apiloom-check-"));
  writeFileSync(join(dir, "package.json"), "{}\n");
  mkdirSync(join(dir, "node_modules"));
  cpSync(PETSTORE, join(dir, "pets.json"));
  cpSync(PETSTORE, join(dir, "shop.json"));
  writeFileSync(
    join(dir, "apiloom.config.json"),
    JSON.stringify({
      artifacts: ["docs", "openapi"],
      apis: [
        { name: "pets", inputs: ["pets.json"], out: "out/pets" },
        { name: "shop", inputs: ["shop.json"], out: "out/shop" },
      ],
    }),
  );
  const first = apiloom(["generate"], dir);
  expect(first.code, first.stderr).toBe(0);
  // one endpoint fewer: the changelog page gets an entry and a new record
  const spec = JSON.parse(readFileSync(join(dir, "pets.json"), "utf8"));
  delete spec.paths[Object.keys(spec.paths)[0]!];
  writeFileSync(join(dir, "pets.json"), JSON.stringify(spec, null, 2));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("--check in a config of two APIs", () => {
  it("shows the changelog's data as one line, and labels every line with its API", () => {
    // the docs' diffs are shown with --verbose
    const check = apiloom(["generate", "--check", "--verbose"], dir);
    expect(check.code, check.stderr).toBe(1);
    const lines = check.stdout.split("\n").filter((l) => l !== "");
    expect(lines.length).toBeGreaterThan(3);
    for (const line of [...lines, ...check.stderr.split("\n")].filter(Boolean))
      // but the config's one line, which --verbose prints for the whole run
      expect(line).toMatch(
        /^\[(pets|shop)\] |^apiloom: 1 of 2 APIs failed|^apiloom: config /,
      );
    expect(lines.every((l) => l.startsWith("[pets] "))).toBe(true);
    expect(check.stdout).toMatch(
      /^\[pets\] ~ out\/pets\/docs\/changes\.md: its data changed$/m,
    );
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(300);
    // the page is that one line: none of its own lines, no base64
    expect(check.stdout).not.toContain("--- a/out/pets/docs/changes.md");
  });
});
