import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BUSY_FILE, BUSY_GUARD } from "./output-files.js";
import { holdOutputLock, OutputBusyError } from "./output-lock.js";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true })));
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), "apiloom-lock-"));
  dirs.push(dir);
  return dir;
}
const gonePid = () => spawnSync(process.execPath, ["-e", ""]).pid!;

describe("the output folder lock", () => {
  it("is busy while its holder has created it but not written its pid yet", () => {
    const out = folder();
    writeFileSync(join(out, BUSY_FILE), ""); // another run, between open and write
    expect(() => holdOutputLock(out)).toThrow(OutputBusyError);
    expect(() => holdOutputLock(out)).toThrow(/another apiloom \(starting\)/);
    expect(readFileSync(join(out, BUSY_FILE), "utf8")).toBe("");
  });

  it("takes over a lock left unwritten long ago, or left by a process that is gone", () => {
    const out = folder();
    const lock = join(out, BUSY_FILE);
    writeFileSync(lock, "");
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    let release = holdOutputLock(out);
    expect(readFileSync(lock, "utf8")).toBe(String(process.pid));
    release();
    expect(existsSync(lock)).toBe(false);
    writeFileSync(lock, String(gonePid()));
    release = holdOutputLock(out);
    expect(readFileSync(lock, "utf8")).toBe(String(process.pid));
    release();
    expect(existsSync(lock)).toBe(false);
    // nothing is left beside it
    expect(existsSync(join(out, BUSY_GUARD))).toBe(false);
  });

  it("leaves a dead lock to the run holding the takeover guard: busy, nothing removed", () => {
    // two runs that find one dead lock judge and remove it one at a time, under the guard; a
    // rename of the lock aside (the way before) let a third run lock the folder meanwhile
    const out = folder();
    const lock = join(out, BUSY_FILE);
    const dead = String(gonePid());
    writeFileSync(lock, dead);
    writeFileSync(join(out, BUSY_GUARD), ""); // another run is taking it over
    expect(() => holdOutputLock(out)).toThrow(OutputBusyError);
    expect(readFileSync(lock, "utf8")).toBe(dead);
    expect(existsSync(join(out, BUSY_GUARD))).toBe(true);
  });

  it("clears a guard left by a run killed while it held it, then takes the dead lock over", () => {
    const out = folder();
    const lock = join(out, BUSY_FILE);
    writeFileSync(lock, String(gonePid()));
    const guard = join(out, BUSY_GUARD);
    writeFileSync(guard, "");
    const old = new Date(Date.now() - 60_000);
    utimesSync(guard, old, old);
    const release = holdOutputLock(out);
    expect(readFileSync(lock, "utf8")).toBe(String(process.pid));
    expect(existsSync(guard)).toBe(false);
    release();
    expect(existsSync(lock)).toBe(false);
  });

  it("a link planted at the lock's name is no run's lock: replaced, its target untouched", () => {
    const out = folder();
    const victim = join(folder(), "victim.txt");
    writeFileSync(victim, "keep\n");
    symlinkSync(victim, join(out, BUSY_FILE));
    const release = holdOutputLock(out);
    expect(readFileSync(join(out, BUSY_FILE), "utf8")).toBe(
      String(process.pid),
    );
    release();
    expect(readFileSync(victim, "utf8")).toBe("keep\n");
  });

  it("releasing removes only this process's own lock", () => {
    const out = folder();
    const lock = join(out, BUSY_FILE);
    const release = holdOutputLock(out);
    writeFileSync(lock, String(process.ppid)); // taken by another run meanwhile
    release();
    expect(readFileSync(lock, "utf8")).toBe(String(process.ppid));
  });
});
