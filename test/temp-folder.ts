import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Both projects' first global setup: the run's own temp folder, as TMPDIR of every worker and
 * every process they start, removed when the run ends. A test's temp folders (and a killed CLI's
 * leftovers) go with it, so no test leaves files behind in the machine's temp folder.
 */
export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), "apiloom-test-run-"));
  const before = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    rmSync(dir, { recursive: true, force: true });
  };
}
