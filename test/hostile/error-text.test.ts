import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { apiloom } from "./cli.js";

/*
 * A config or a lock that is no JSON is refused with V8's parse error, which quotes the text it
 * refused: a planted file's escape sequence reached the terminal (or a CI log that renders it)
 * raw. Every command's refusal now prints its message as the diagnostics are printed: each
 * control character escaped, the line breaks kept.
 */
const dir = mkdtempSync(join(tmpdir(), "apiloom-error-text-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PLANTED = '{"out": \u001b[31mRED\u009b2J';

describe("a refused config's message", () => {
  it("never carries a control character to the terminal (generate, inspect)", () => {
    writeFileSync(join(dir, "package.json"), "{}\n");
    writeFileSync(join(dir, "apiloom.config.json"), PLANTED);
    // (diff's refusal of a lock is test/workflow/lock-per-output.test.ts's)
    for (const args of [
      ["generate"],
      ["inspect", "--config", "apiloom.config.json"],
    ]) {
      const run = apiloom(args, dir, { NO_COLOR: "1" });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("apiloom.config.json");
      expect(run.stderr).not.toMatch(/[\u001b\u009b]/);
      expect(run.stderr).toContain("\\x1b[31mRED\\x9b2J");
    }
  });
});
