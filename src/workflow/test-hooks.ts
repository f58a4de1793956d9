import { writeSync } from "node:fs";

/**
 * Lets the crash tests stop the writer at a chosen point and SIGKILL it there:
 * `APILOOM_TEST_PAUSE=stage:2` blocks for good after the second staged file,
 * `apply:1` after the first rename into place. The marker line on stderr tells the test when.
 */
export function testPause(phase: "stage" | "apply", count: number): void {
  const wanted = process.env.APILOOM_TEST_PAUSE;
  if (wanted !== `${phase}:${count}`) return;
  writeSync(2, `apiloom-test-paused ${phase}:${count}\n`);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
}
