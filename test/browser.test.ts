import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { findChromium } from "./browser.js";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("findChromium: the browser tests need nothing installed by hand", () => {
  it("without a system Chromium on PATH, uses the one npm install brought (@sparticuz/chromium)", async () => {
    vi.stubEnv("APILOOM_CHROMIUM", "");
    vi.stubEnv("PATH", mkdtempSync(join(tmpdir(), "apiloom-empty-path-")));
    const found = await findChromium();
    expect(found.source).toBe("@sparticuz/chromium");
    expect(found.executablePath).not.toBe("");
  }, 120_000);

  it("prefers a Chromium found on PATH", async () => {
    const dir = mkdtempSync(join(tmpdir(), "apiloom-path-"));
    writeFileSync(join(dir, "chromium"), "#!/bin/sh\n", { mode: 0o755 });
    vi.stubEnv("APILOOM_CHROMIUM", "");
    vi.stubEnv("PATH", dir);
    expect(await findChromium()).toEqual({
      executablePath: join(dir, "chromium"),
      source: "PATH",
    });
  });

  it("names a bad APILOOM_CHROMIUM and how to recover, instead of skipping", async () => {
    vi.stubEnv("APILOOM_CHROMIUM", join(tmpdir(), "no-such-chromium"));
    await expect(findChromium()).rejects.toThrow(
      /APILOOM_CHROMIUM=.*no-such-chromium is not an executable file; unset it/,
    );
  });
});
