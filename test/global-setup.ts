import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { CORPUS_DIR, CORPUS_PRESENT } from "./shared-corpus.js";

/**
 * The e2e project's setup. The CLI runs from dist/ (bin/apiloom.js loads dist/cli/bundle.js,
 * scripts/bundle.mjs joins it from what tsc wrote and makes its code cache,
 * dist/cli/bundle.cache); build both once so CLI tests
 * exercise the current source. Type errors do not stop the emit (CI type-checks separately with
 * `tsc --noEmit`). Without the shared corpus, says once that the corpus suites are skipped.
 *
 * A build without problems leaves a record (STAMP, under node_modules/.cache, never in the
 * package): a hash of what it read (the compiler's version, both tsconfigs, src/) and a hash of
 * the dist/ it left. The next run skips the build when both still match, so a `vitest run
 * <file>` loop spends no seconds of CPU rebuilding identical output, and a dist/ that anything
 * else rewrote since (another branch's build, a hand edit) is built again.
 */
const STAMP = "node_modules/.cache/apiloom-test/build-inputs";

export default function setup(): void {
  const inputs = hashOf([
    "node_modules/typescript/package.json",
    "tsconfig.json",
    "tsconfig.build.json",
    "scripts/bundle.mjs",
    "scripts/code-cache.mjs",
    "bin/load-cli.js",
    "node_modules/esbuild/package.json",
    ...files(
      "src",
      (name) => name.endsWith(".ts") && !name.endsWith(".test.ts"),
    ),
  ]);
  const record = () => `${inputs}\n${hashOf(files("dist"))}\n`;
  const fresh =
    existsSync(STAMP) &&
    existsSync("dist/cli/bundle.js") &&
    existsSync("dist/cli/bundle.cache") &&
    readFileSync(STAMP, "utf8") === record();
  if (!fresh) {
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
    else {
      mkdirSync(dirname(STAMP), { recursive: true });
      writeFileSync(STAMP, record());
    }
  }
  if (!CORPUS_PRESENT)
    process.stderr.write(
      `global setup: ${CORPUS_DIR} is absent: the suites over the shared corpus are skipped, and the oracles that also read it run without its documents\n`,
    );
}

/** One hash over the paths and bytes of `paths`. */
function hashOf(paths: readonly string[]): string {
  const hash = createHash("sha256");
  for (const path of paths)
    hash.update(`${path}\0`).update(readFileSync(path)).update("\0");
  return hash.digest("hex");
}

/** The files under `dir` (those whose name `keep` accepts), in a stable order. */
function files(
  dir: string,
  keep: (name: string) => boolean = () => true,
): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((e) => {
      const path = join(dir, e.name);
      if (e.isDirectory()) return files(path, keep);
      return e.isFile() && keep(e.name) ? [path] : [];
    });
}
