import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { BUSY_FILE, BUSY_GUARD } from "./output-files.js";
import { makeFolders } from "./safe-path.js";
import { statOf } from "../sources/real-path.js";

export class OutputBusyError extends Error {}

/** Two apiloom processes must not write one folder at once; a dead run's lock is taken over. */
export function withOutputLock<T>(outDir: string, write: () => T): T {
  const release = holdOutputLock(outDir);
  try {
    return write();
  } finally {
    release();
  }
}

/** Takes the lock of withOutputLock; returns what releases it. */
export function holdOutputLock(outDir: string): () => void {
  makeFolders(outDir);
  const lockFile = join(outDir, BUSY_FILE);
  acquire(lockFile);
  // only a lock this process holds is removed: never one another run took after it
  return () => {
    if (holder(lockFile)?.pid === process.pid)
      rmSync(lockFile, { force: true });
  };
}

/** An empty lock file is busy while this young (a run writing its pid), dead when older. */
const UNWRITTEN_MS = 10_000;

function acquire(lockFile: string): void {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: "wx" });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const seen = holder(lockFile);
    if (seen === undefined) continue; // released meanwhile: try again
    if (!isDead(seen)) throw busy(lockFile, seen.pid);
    takeOver(lockFile);
  }
  throw busy(lockFile, holder(lockFile)?.pid);
}

/** Whether a lock's holder is gone; a lock holding other text than a pid is no run's. */
function isDead(seen: Holder): boolean {
  return seen.pid !== undefined
    ? !isRunning(seen.pid)
    : !seen.empty || Date.now() - seen.mtimeMs >= UNWRITTEN_MS;
}

function busy(lockFile: string, pid: number | undefined): OutputBusyError {
  return new OutputBusyError(
    `another apiloom (${pid === undefined ? "starting" : `pid ${pid}`}) is writing this output folder; wait for it, or delete ${lockFile} if no apiloom runs`,
  );
}

/**
 * Who holds the lock, read from one opened file (so its pid and time agree), or undefined when
 * there is no lock. A link or anything but a small regular file is never read through.
 */
type Holder = { pid?: number; empty: boolean; mtimeMs: number };

function holder(lockFile: string): Holder | undefined {
  let fd: number;
  try {
    fd = openSync(
      lockFile,
      constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | constants.O_NONBLOCK,
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    const stats = statOf(lockFile, true); // a link (ELOOP): no run's lock
    return stats && { empty: false, mtimeMs: stats.mtimeMs };
  }
  try {
    const stats = fstatSync(fd);
    const small = stats.isFile() && stats.size <= 64;
    const bytes = Buffer.alloc(64);
    const text = small
      ? bytes.toString("utf8", 0, readSync(fd, bytes, 0, 64, 0)).trim()
      : "";
    const pid = Number(text);
    return {
      ...(text !== "" && Number.isInteger(pid) && pid > 0 ? { pid } : {}),
      empty: small && text === "",
      mtimeMs: stats.mtimeMs,
    };
  } finally {
    closeSync(fd);
  }
}

/**
 * Removes a lock left by a run that is gone, under a second lock, the guard (made with `wx`), so
 * the lock is judged dead and removed with no other run between.
 */
function takeOver(lockFile: string): void {
  const guard = join(dirname(lockFile), BUSY_GUARD);
  try {
    writeFileSync(guard, "", { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    // a guard is held for microseconds: one older than UNWRITTEN_MS was left by a killed run
    try {
      if (Date.now() - lstatSync(guard).mtimeMs > UNWRITTEN_MS)
        rmSync(guard, { force: true });
    } catch {
      // gone meanwhile
    }
    return;
  }
  try {
    const seen = holder(lockFile);
    if (seen !== undefined && isDead(seen)) rmSync(lockFile, { force: true });
  } finally {
    rmSync(guard, { force: true });
  }
}

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
