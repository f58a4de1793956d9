import { spawnSync } from "node:child_process";
import { isBuilt, recordBuild } from "../scripts/build-stamp.mjs";
import { CORPUS_DIR, CORPUS_PRESENT } from "./shared-corpus.js";

/**
 * The e2e project's setup. The CLI runs from dist/ (bin/apiloom.js loads dist/cli/bundle.js,
 * scripts/bundle.mjs joins it from what tsc wrote and makes its code cache,
 * dist/cli/bundle.cache); build both once so CLI tests
 * exercise the current source. Type errors do not stop the emit (CI type-checks separately with
 * `tsc --noEmit`). Without the shared corpus, says once that the corpus suites are skipped.
 *
 * A build without problems (this one, or `npm run build`) leaves a record (scripts/build-stamp.mjs);
 * the next run skips the build while it still matches the inputs and dist/, so a `vitest run
 * <file>` loop spends no seconds of CPU rebuilding identical output.
 */
export default function setup(): void {
  if (!isBuilt()) {
    const result = spawnSync(
      process.execPath,
      ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"],
      { encoding: "utf8" },
    );
    // the CLI's one file (bin/apiloom.js loads it) and its code cache: joined from what tsc wrote,
    // even with problems
    const bundled = spawnSync(process.execPath, ["scripts/bundle.mjs"], {
      encoding: "utf8",
    });
    if (bundled.status !== 0)
      throw new Error(
        `global setup: scripts/bundle.mjs failed:\n${bundled.stdout}${bundled.stderr}`,
      );
    if (result.status !== 0)
      process.stderr.write(
        `global setup: tsc reported problems while building dist/:\n${result.stdout}${result.stderr}`,
      );
    else recordBuild();
  }
  if (!CORPUS_PRESENT)
    process.stderr.write(
      `global setup: ${CORPUS_DIR} is absent: the suites over the shared corpus are skipped, and the oracles that also read it run without its documents\n`,
    );
}
