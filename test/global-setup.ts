import { spawnSync } from "node:child_process";

/**
 * The CLI runs from dist/ (bin/apiloom.js); build it once so CLI tests exercise the current source.
 * Type errors do not stop the emit (CI type-checks separately with `tsc --noEmit`).
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
}
