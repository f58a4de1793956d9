import { availableParallelism } from "node:os";
import { relative } from "node:path";
import { configDefaults, defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";
import { ISOLATED } from "./test/isolated.js";

/**
 * Three projects, all run by `npm test`:
 * - `unit` (`npm run test:unit`): the tests beside the code in src/. They import the source,
 *   never dist/ or the CLI, so there is no build before them. They share one module graph per
 *   worker (`isolate: false`), which halves the time spent loading modules; a unit test must not
 *   mock modules or change globals.
 * - `e2e` and `e2e-isolated` (`npm run test:e2e`): test/, which runs the real CLI from dist/,
 *   compiles and runs generated code; their global setup builds dist/ first (only when an e2e
 *   file is selected). `e2e` shares one module graph per worker too: importing apiloom's modules
 *   again for each file was about half of a short file's CPU (40 short e2e files: 47.7 s of CPU
 *   with a graph each, 26.3 s shared). The e2e files that mock a module, change a global or
 *   measure in-process are `e2e-isolated`, one graph per file (test/isolated.ts, which
 *   test/test-layout.test.ts keeps whole).
 */
const shared = { testTimeout: 60_000, hookTimeout: 60_000 };

/**
 * The e2e files that took longest in CI (issue 28), roughly longest first: a rough order is
 * enough, it only keeps a long file from starting last.
 */
export const SLOW_FIRST = [
  "test/conformance/prism-corpus.test.ts",
  "test/compat/matrix.test.ts",
  "test/workflow/fingerprint.test.ts",
  "test/hostile/kill.test.ts",
  "test/conformance/prism.test.ts",
  "test/validators/oracle.test.ts",
  "test/docs/docs-corpus.test.ts",
  "test/workflow/several-apis.test.ts",
  "test/workflow/determinism.test.ts",
  "test/validators/oracles/samples.test.ts",
  "test/hostile/handlers-bytes.test.ts",
  "test/diff/handlers-accept.test.ts",
  "test/docs/client-examples.test.ts",
  "test/hostile/one-off-run.test.ts",
  "test/client/corpus.test.ts",
];

/**
 * vitest orders files by the durations of the last run it remembers (node_modules/.vite), and
 * without them (a fresh clone, CI) by size, so a long file could start last and leave one core
 * working alone at the end. Without remembered durations, this starts SLOW_FIRST's files first,
 * in its order, and the others after them in vitest's order; with them, vitest's order stands.
 */
class SlowFirst extends BaseSequencer {
  override async sort(
    files: TestSpecification[],
  ): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const root = this.ctx.config.root;
    const path = (file: TestSpecification) => relative(root, file.moduleId);
    const remembered = files.some((file) =>
      this.ctx.cache.getFileTestResults(`${file.project.name}:${path(file)}`),
    );
    if (remembered) return sorted;
    const rank = (file: TestSpecification) => {
      const i = SLOW_FIRST.indexOf(path(file));
      return i < 0 ? SLOW_FIRST.length : i;
    };
    // a stable sort: within a rank (the files not listed), vitest's order
    return sorted
      .map((file, i) => ({ file, i }))
      .sort((a, b) => rank(a.file) - rank(b.file) || a.i - b.i)
      .map(({ file }) => file);
  }
}

export default defineConfig({
  test: {
    // vitest's default is one worker fewer than the cores: one on a 2-core machine, which ran the
    // e2e files one after another while most of their time is spent waiting on a child process
    // (tsc, Prism, the CLI). Two files at once keep both cores busy. The files must not share a
    // path they write (each uses its own temp folder; test/install packs from a copy).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    sequence: { sequencer: SlowFirst },
    projects: [
      {
        test: {
          ...shared,
          name: "unit",
          include: ["src/**/*.test.ts"],
          isolate: false,
          globalSetup: ["test/temp-folder.ts"],
        },
      },
      {
        test: {
          ...shared,
          name: "e2e",
          include: ["test/**/*.test.ts"],
          exclude: [...configDefaults.exclude, ...ISOLATED],
          isolate: false,
          globalSetup: ["test/temp-folder.ts", "test/global-setup.ts"],
        },
      },
      {
        test: {
          ...shared,
          name: "e2e-isolated",
          include: ISOLATED,
          globalSetup: ["test/temp-folder.ts", "test/global-setup.ts"],
        },
      },
    ],
  },
});
