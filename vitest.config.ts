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
