/**
 * The e2e files that run with a module graph of their own (`isolate: true`): each mocks a module,
 * stubs a global or an environment variable, spies, fakes timers, writes over or listens on
 * `process`, measures memory or time in-process, or runs Prism in-process (its Ajv instances and
 * json-schema-faker's settings are global); or reads a child's peak RSS (recordPeakArgs,
 * test/hostile/cli.ts): on Linux a child's ru_maxrss starts at its parent's RSS when it forks
 * (kept through exec), and a worker that ran other files is larger (changelog-bound's 250 MiB
 * ceiling read 326 MiB in a shared worker). The other e2e files share one module graph per
 * worker (vitest.config.ts); test/test-layout.test.ts keeps this list whole.
 */
export const ISOLATED = [
  "test/browser.test.ts",
  "test/cli/code-cache.test.ts",
  "test/cli/lazy-modules.test.ts",
  "test/client/default-timeouts.test.ts",
  "test/client/dispatcher-limits.test.ts",
  "test/client/fetch-calls.test.ts",
  "test/client/hostile-bodies.test.ts",
  "test/client/page-memory.test.ts",
  "test/client/retry-after.test.ts",
  "test/client/transport.test.ts",
  "test/conformance/prism-adapters.test.ts",
  "test/conformance/prism-corpus.test.ts",
  "test/conformance/prism.test.ts",
  "test/dates/reader.test.ts",
  "test/fuzz/generate.fuzz.test.ts",
  "test/hostile/disk-faults.test.ts",
  "test/hostile/nesting.test.ts",
  "test/hostile/postman-large-body.test.ts",
  "test/inputs/postman-import.test.ts",
  "test/mocks/selected.test.ts",
  "test/plugins/changelog-bound.test.ts",
  "test/model/pattern-es2025.test.ts",
  "test/server/query-pass.test.ts",
  "test/webhooks/many.test.ts",
  "test/webhooks/replay-window.test.ts",
  "test/workflow/early-stage-refusal.test.ts",
  "test/workflow/fingerprint.test.ts",
  "test/workflow/journal-race.test.ts",
  "test/workflow/progress.test.ts",
  "test/workflow/short-write.test.ts",
  "test/workflow/watch-rewatch.test.ts",
];
