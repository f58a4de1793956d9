import {
  closeSync,
  constants,
  fstatSync,
  linkSync,
  lstatSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  writeSync,
} from "node:fs";
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
  // only a lock this process holds is removed: never one another run took after it
  return () => {
    if (readText(lockFile) === String(process.pid))
      rmSync(lockFile, { force: true });
  };
}

/**
 * An empty lock file is a run between creating it and writing its pid (or one killed right
 * there): it is taken for busy while this young, and for left behind when older.
 */
const UNWRITTEN_MS = 10_000;

function acquire(lockFile: string): void {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(lockFile, "wx");
      try {
        writeSync(fd, String(process.pid));
      } finally {
        closeSync(fd);
      }
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const seen = holder(lockFile);
    if (seen === undefined) continue; // released meanwhile: try again
    if (
      seen.pid !== undefined
        ? isRunning(seen.pid)
        : seen.empty && Date.now() - seen.mtimeMs < UNWRITTEN_MS
    )
      throw busy(lockFile, seen.pid);
    takeOver(lockFile, seen.ino);
  }
  throw busy(lockFile, holder(lockFile)?.pid);
}

function busy(lockFile: string, pid: number | undefined): OutputBusyError {
  return new OutputBusyError(
    `another apiloom (${pid === undefined ? "starting" : `pid ${pid}`}) is writing this output folder; wait for it, or delete ${lockFile} if no apiloom runs`,
  );
}

/**
 * Who holds the lock, read from one opened file (so its pid, inode and time agree): its pid
 * (undefined while unwritten, or for text that is none), or undefined when there is no lock. A
 * link or anything but a small regular file planted there is never read through.
 */
function holder(
  lockFile: string,
): { pid?: number; empty: boolean; ino: number; mtimeMs: number } | undefined {
  let fd: number;
  try {
    fd = openSync(
      lockFile,
      constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | constants.O_NONBLOCK,
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    try {
      const stats = lstatSync(lockFile); // a link (ELOOP): no run's lock
      return { empty: false, ino: stats.ino, mtimeMs: stats.mtimeMs };
    } catch {
      return undefined;
    }
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
      // a run between creating its lock and writing its pid; anything else without a pid (a
      // link planted there, other text) is no run's lock
      empty: small && text === "",
      ino: stats.ino,
      mtimeMs: stats.mtimeMs,
    };
  } finally {
    closeSync(fd);
  }
}

/**
 * Removes a lock left by a run that is gone. Two runs may find the same dead lock at once: each
 * moves the lock aside first and removes it only when it is the one found dead (the same inode);
 * a live run's new lock moved aside by mistake is put back.
 */
function takeOver(lockFile: string, deadIno: number): void {
  const aside = `${lockFile}.${process.pid}`;
  try {
    renameSync(lockFile, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  try {
    if (lstatSync(aside).ino !== deadIno)
      try {
        linkSync(aside, lockFile); // back where it was, unless a third run locked meanwhile
      } catch {
        // then that run holds the folder, and this one will find it busy
      }
  } finally {
    rmSync(aside, { force: true });
  }
}

/** The lock's text: a pid is a few bytes; a link or anything larger planted there is not read. */
function readText(file: string): string {
  try {
    const stats = lstatSync(file);
    if (!stats.isFile() || stats.size > 64) return "";
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
