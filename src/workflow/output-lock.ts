import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import { BUSY_FILE } from "./output-files.js";
import { makeFolders } from "./safe-path.js";

export class OutputBusyError extends Error {}

/**
 * Runs `write` while holding the output folder: two apiloom processes (a watcher and a manual
 * run) must not write one folder at once, or one's recovery would delete the other's staging.
 * The holder's pid is in the lock file; a lock left by a process that no longer runs (killed) is
 * taken over.
 */
export function withOutputLock<T>(outDir: string, write: () => T): T {
  const release = holdOutputLock(outDir);
  try {
    return write();
  } finally {
    release();
  }
}

/** Takes the lock of withOutputLock for longer than one call; returns what releases it. */
export function holdOutputLock(outDir: string): () => void {
  makeFolders(outDir);
  const lockFile = join(outDir, BUSY_FILE);
  acquire(lockFile);
  return () => rmSync(lockFile, { force: true });
}

function acquire(lockFile: string): void {
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(lockFile, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || attempt > 0)
        throw error;
    }
    const holder = Number(readText(lockFile));
    if (Number.isInteger(holder) && holder > 0 && isRunning(holder))
      throw new OutputBusyError(
        `another apiloom (pid ${holder}) is writing this output folder; wait for it, or delete ${lockFile} if no apiloom runs`,
      );
    rmSync(lockFile, { force: true });
  }
}

function readText(file: string): string {
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    return "";
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
