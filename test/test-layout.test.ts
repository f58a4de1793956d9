import { readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { ISOLATED } from "./isolated.js";

/**
 * The rules that keep the two vitest projects honest (vitest.config.ts): the `unit` project runs
 * src/ with no build before it and one module graph per worker, and no test needs `../shared`
 * except through test/shared-corpus.ts, whose suites say when the corpus is absent.
 */
function files(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory())
      return e.name === "node_modules" || e.name === "out"
        ? []
        : files(full, pattern);
    return pattern.test(e.name) ? [full] : [];
  });
}

/** `file:line: text` for each line of `paths` that matches `pattern`. */
function offending(paths: string[], pattern: RegExp): string[] {
  return paths.flatMap((path) =>
    readFileSync(path, "utf8")
      .split("\n")
      .flatMap((line, i) =>
        pattern.test(line) ? [`${path}:${i + 1}: ${line.trim()}`] : [],
      ),
  );
}

describe("the test layout", () => {
  const unitTests = files("src", /\.test\.ts$/);

  it("unit tests (src/) neither run the CLI nor read dist/, which the unit project does not build", () => {
    expect(unitTests.length).toBeGreaterThan(20);
    expect(
      // the repo's dist/ ("dist/, ../dist/, ${ROOT}/dist/), not a package's (ajv/dist/2020.js)
      offending(unitTests, /bin\/apiloom|["'`.}]\/?dist\/|global-setup/),
    ).toEqual([]);
  });

  it("unit tests (src/) mock no module and change no global: they share one module graph per worker", () => {
    expect(
      offending(
        unitTests,
        /vi\.(mock|doMock|stubGlobal|stubEnv|useFakeTimers)\(|process\.chdir\(/,
      ),
    ).toEqual([]);
  });

  it("e2e tests that mock, stub, spy, fake timers, touch `process`, measure memory or time, read a child's peak RSS, or run Prism in-process are in test/isolated.ts: the others share one module graph per worker", () => {
    const e2e = files("test", /\.test\.ts$/).map((f) => f.split(sep).join("/"));
    for (const path of ISOLATED) expect(e2e, path).toContain(path);
    // this file's patterns are text here
    const needing = (pattern: RegExp) =>
      e2e.filter(
        (path) =>
          path !== "test/test-layout.test.ts" &&
          pattern.test(readFileSync(path, "utf8")),
      );
    const own = [
      ...needing(
        /vi\.(mock|doMock|unmock|hoisted|stubGlobal|stubEnv|spyOn|useFakeTimers|resetModules)\(|process\.env(\.\w+|\[[^\]]+\])\s*=[^=]|delete process\.env|Object\.assign\(process\.env|globalThis\.\w+\s*=[^=]|Object\.defineProperty\((globalThis|process)\b|process\.(on|once|off|exitCode|stdout\.write|stderr\.write|chdir|umask)\b|memoryUsage|getHeapStatistics|performance\.now\(|recordPeakArgs|resourceUsage|maxRSS/,
      ),
      // Prism in-process (test/conformance/prism.ts and what imports it)
      ...needing(/\/prism\.js"|\/corpus-run\.js"/),
    ];
    expect(own.length).toBeGreaterThan(10);
    expect(
      [...new Set(own)].filter((path) => !ISOLATED.includes(path)),
    ).toEqual([]);
  });

  it("only test/shared-corpus.ts names the shared corpus's folder; every other test reads it through there", () => {
    const sources = [
      ...unitTests,
      ...files("test", /\.(ts|mjs|js)$/).filter(
        (f) => f !== join("test", "shared-corpus.ts"),
      ),
    ];
    expect(
      offending(sources, /["'`](\.\.\/)+shared\/(corpus|seeds)\b/),
    ).toEqual([]);
  });

  it("a test's temp folders are under the run's own folder (test/temp-folder.ts), which goes when the run ends", () => {
    expect(basename(tmpdir())).toMatch(/^apiloom-test-run-/);
  });
});
