import { spawnSync } from "node:child_process";
import { CORPUS_DIR, CORPUS_PRESENT } from "./shared-corpus.js";

/**
 * The e2e project's setup. The CLI runs from dist/ (bin/apiloom.js); build it once so CLI tests
 * exercise the current source. Type errors do not stop the emit (CI type-checks separately with
 * `tsc --noEmit`). Without the shared corpus, says once that the corpus suites are skipped.
 */
export default function setup(): void {
  const result = spawnSync(
    process.execPath,
    ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"],
    { encoding: "utf8" },
  );
  if (result.status !== 0)
    process.stderr.write(
      `global setup: tsc reported problems while building dist/:\n${result.stdout}${result.stderr}`,
    );
  if (!CORPUS_PRESENT)
    process.stderr.write(
      `global setup: ${CORPUS_DIR} is absent: the suites over the shared corpus are skipped, and the oracles that also read it run without its documents\n`,
    );
}
