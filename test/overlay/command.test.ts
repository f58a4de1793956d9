import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { runOverlay } from "../../src/cli/overlay.js";

/** `apiloom overlay`'s own output: what it prints where an input fails. */
const dir = mkdtempSync(join(tmpdir(), "apiloom-overlay-command-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(
  join(dir, "vendor.json"),
  JSON.stringify({
    openapi: "3.0.0",
    info: { title: "Azure Addons Resource Provider", version: "2017-05-15" },
    paths: {},
  }),
);

async function run(args: string[]) {
  let err = "";
  const stderr = { write: (s: string) => ((err += s), true) };
  const stdout = { write: () => true };
  const io = { cwd: dir, stdout, stderr } as unknown as Parameters<
    typeof runOverlay
  >[1];
  return { code: await runOverlay(args, io), err };
}

// docs/inputs.md: wherever apiloom shows a URL, a diagnostic's place too, its user info is `***`
for (const side of ["original", "edited"])
  it(`the ${side} document's URL is printed without its password`, async () => {
    const url = "https://apiuser:s3cret@127.0.0.1:9/openapi.json";
    const args =
      side === "edited" ? ["vendor.json", url] : [url, "vendor.json"];
    const { code, err } = await run(args);
    expect(code).toBe(1);
    expect(err).toMatch(
      /^https:\/\/\*\*\*@127\.0\.0\.1:9\/openapi\.json:1:1: /,
    );
    expect(err).not.toContain("s3cret");
  });
