import { remoteSettings } from "../../src/workflow/config/remote-settings.js";
import { performance } from "node:perf_hooks";
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseGenerateArgs } from "../../src/cli/generate-options.js";
import { runOnce } from "../../src/cli/generate-run.js";
import { paint } from "../../src/cli/colors.js";
import { DEFAULT_LAYOUT } from "../../src/emit/layout.js";
import { resolveOptions } from "../../src/workflow/config/settings.js";
import { fakeStages } from "./fake-stages.js";
import { FIXTURES, removeDir } from "./harness.js";

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));

describe("a write the file system refuses", () => {
  it("is reported with the output folder and exits 1, without a stack trace", async () => {
    const dir = mkdtempSync(join(tmpdir(), "apiloom-write-failure-"));
    dirs.push(dir);
    cpSync(join(FIXTURES, "pets.yaml"), join(dir, "pets.yaml"));
    // the settings check would refuse this folder; here it turns into a file between the
    // settings and the write, as a file made by something else meanwhile would
    writeFileSync(join(dir, "out"), "not a folder\n");
    let stderr = "";
    const code = await runOnce(
      {
        baseDir: dir,
        inputs: ["pets.yaml"],
        out: join(dir, "out"),
        maxInputBytes: 100 * 1024 * 1024,
        remote: remoteSettings(undefined, {}),
        ...resolveOptions(
          {},
          {},
          { cwd: dir, baseDir: dir, file: "test", layout: DEFAULT_LAYOUT },
        ),
      },
      parseGenerateArgs([]),
      fakeStages,
      {
        stdout: { write: () => true },
        stderr: { write: (text: string) => (stderr += text) },
        cwd: dir,
        paint: paint(false),
      },
    );
    expect(code).toBe(1);
    expect(stderr).toContain("apiloom generate: cannot write out/: ");
    expect(stderr).toContain("a file is where a folder must be (ENOTDIR");
    expect(stderr).toContain("nothing in the output folder was changed");
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
