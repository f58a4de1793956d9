import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CORPUS_DIR, CORPUS_PRESENT } from "./shared-corpus.js";

/**
 * The e2e project's setup. The CLI runs from dist/ (bin/apiloom.js); build it once so CLI tests
 * exercise the current source. Type errors do not stop the emit (CI type-checks separately with
 * `tsc --noEmit`). A build that went clean leaves a hash of what it read in dist/ (STAMP): the
 * next run with the same sources, configs and compiler skips the build (seconds of CPU for every
 * `vitest run <file>`). Without the shared corpus, says once that the corpus suites are skipped.
 */
const STAMP = "dist/.build-inputs";

export default function setup(): void {
  const inputs = buildInputs();
  const fresh =
    existsSync("dist/cli/main.js") &&
    existsSync(STAMP) &&
    readFileSync(STAMP, "utf8") === inputs;
  if (!fresh) {
    const result = spawnSync(
      process.execPath,
      ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"],
      { encoding: "utf8" },
    );
    if (result.status !== 0)
      process.stderr.write(
        `global setup: tsc reported problems while building dist/:\n${result.stdout}${result.stderr}`,
      );
    else writeFileSync(STAMP, inputs);
  }
  if (!CORPUS_PRESENT)
    process.stderr.write(
      `global setup: ${CORPUS_DIR} is absent: the suites over the shared corpus are skipped, and the oracles that also read it run without its documents\n`,
    );
}

/** A hash of everything the build reads: the compiler's version, both tsconfigs and src/. */
function buildInputs(): string {
  const hash = createHash("sha256");
  for (const file of [
    "node_modules/typescript/package.json",
    "tsconfig.json",
    "tsconfig.build.json",
    ...sources("src"),
  ])
    hash.update(`${file}\0`).update(readFileSync(file)).update("\0");
  return hash.digest("hex") + "\n";
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((e) => {
      const path = join(dir, e.name);
      if (e.isDirectory()) return sources(path);
      // the tests beside the code are not built (tsconfig.build.json leaves them out)
      return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts")
        ? [path]
        : [];
    });
}
