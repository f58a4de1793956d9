import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

/**
 * Two projects, both run by `npm test`:
 * - `unit` (`npm run test:unit`): the tests beside the code in src/. They import the source,
 *   never dist/ or the CLI, so there is no build before them. They share one module graph per
 *   worker (`isolate: false`), which halves the time spent loading modules; a unit test must not
 *   mock modules or change globals (an e2e test may).
 * - `e2e` (`npm run test:e2e`): test/, which runs the real CLI from dist/, compiles and runs
 *   generated code; its global setup builds dist/ first (only when an e2e file is selected).
 */
const shared = { testTimeout: 60_000, hookTimeout: 60_000 };

export default defineConfig({
  test: {
    // vitest's default is one worker fewer than the cores: one on a 2-core machine, which ran the
    // e2e files one after another while most of their time is spent waiting on a child process
    // (tsc, Prism, the CLI). Two files at once keep both cores busy. The files must not share a
    // path they write (each uses its own temp folder; test/install packs from a copy).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        test: {
          ...shared,
          name: "unit",
          include: ["src/**/*.test.ts"],
          isolate: false,
        },
      },
      {
        test: {
          ...shared,
          name: "e2e",
          include: ["test/**/*.test.ts"],
          globalSetup: ["test/global-setup.ts"],
        },
      },
    ],
  },
});
