import { spawnSync } from "node:child_process";
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  rmSync,
  statfsSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPO, expectNoCrash, type Run } from "./cli.js";
import {
  BOOKKEEPING,
  GENERATE,
  makeSandbox,
  snapshotTree,
  type Sandbox,
} from "./sandbox.js";

/**
 * Issue 22, class 7: a refusal from the disk (full, read-only, no permission) ends the run with
 * exit 1 and an error naming the output folder and the cause, the output folder byte for byte as
 * it was (mtimes included) and no staging left behind.
 *
 * A full or read-only disk needs a file system of its own: a small tmpfs, which only root may
 * mount (CI runs as root). Without it those tests are skipped, saying why. Root also passes
 * every permission check, so the permission tests run the command as `nobody` when root.
 */

const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;

/** Runs the real CLI, as `nobody` when we are root (so file permissions apply). */
function apiloomAs(
  args: readonly string[],
  cwd: string,
  asNobody: boolean,
): Run {
  const started = performance.now();
  const result = spawnSync(
    process.execPath,
    [join(REPO, "bin/apiloom.js"), ...args],
    {
      cwd,
      encoding: "utf8",
      timeout: 60_000,
      env: { ...process.env, NO_COLOR: "1" },
      ...(asNobody ? { uid: NOBODY, gid: NOBODY } : {}),
    },
  );
  return {
    code: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    ms: performance.now() - started,
  };
}

const run = (box: Sandbox, out = "out") =>
  apiloomAs([...GENERATE.slice(0, -2), out, "pets.yaml"], box.project, false);

function useV2(box: Sandbox): void {
  cpSync(join(BOOKKEEPING, "pets-v2.yaml"), join(box.project, "pets.yaml"));
}

function expectNoBookkeeping(out: string): void {
  expect(readdirSync(out).filter((n) => n.startsWith(".apiloom-"))).toEqual([
    ".apiloom-manifest.json",
  ]);
}

/** A tmpfs of `size` mounted at `dir`, or why there cannot be one. */
function mountTmpfs(dir: string, size: string): string | undefined {
  if (!isRoot) return "mounting a tmpfs needs root";
  mkdirSync(dir, { recursive: true });
  const m = spawnSync(
    "mount",
    ["-t", "tmpfs", "-o", `size=${size}`, "tmpfs", dir],
    {
      encoding: "utf8",
    },
  );
  if (m.status !== 0)
    return `mount -t tmpfs failed: ${(m.stderr || m.error?.message || "").trim()}`;
  mounted.push(dir);
  return undefined;
}

const mounted: string[] = [];
afterAll(() => {
  for (const dir of mounted.reverse())
    spawnSync("umount", ["-l", dir], { encoding: "utf8" });
});

describe("a full disk (ENOSPC) while staging", () => {
  it("exits 1 naming the folder and the cause, leaves the output byte-identical and no staging (needs root for a tmpfs)", (ctx) => {
    const box = makeSandbox("disk-faults-full");
    const disk = join(box.project, "disk");
    const why = mountTmpfs(disk, "1m");
    if (why) ctx.skip(`skipped: ${why}`);
    const out = join(disk, "out");
    expect(run(box, "disk/out").code).toBe(0);
    useV2(box);
    // leave a few pages: the lock file fits, the changed files do not
    const free = () => {
      const s = statfsSync(disk);
      return s.bavail * s.bsize;
    };
    writeFileSync(join(disk, "filler"), Buffer.alloc(free() - 12 * 1024));
    const before = snapshotTree(out);

    const full = run(box, "disk/out");
    expectNoCrash(full);
    expect(full.code, full.stderr).toBe(1);
    expect(full.stderr).toContain(
      "cannot write disk/out/: no space left on the device (ENOSPC",
    );
    expect(full.stderr).toContain("nothing in the output folder was changed");
    expect(snapshotTree(out)).toEqual(before);
    expect(existsSync(join(out, ".apiloom-staging"))).toBe(false);

    // the space staging took is given back, and with room the run completes
    rmSync(join(disk, "filler"));
    const again = run(box, "disk/out");
    expect(again.code, again.stderr).toBe(0);
    expectNoBookkeeping(out);
  });
});

describe("a read-only disk (EROFS)", () => {
  it("names the output folder and the cause, for a folder there and one to be made (needs root for a tmpfs)", (ctx) => {
    const box = makeSandbox("disk-faults-readonly");
    const disk = join(box.project, "disk");
    const why = mountTmpfs(disk, "1m");
    if (why) ctx.skip(`skipped: ${why}`);
    expect(run(box, "disk/out").code).toBe(0);
    const remount = spawnSync("mount", ["-o", "remount,ro", disk], {
      encoding: "utf8",
    });
    expect(remount.status, remount.stderr).toBe(0);
    useV2(box);
    const before = snapshotTree(join(disk, "out"));

    const there = run(box, "disk/out");
    expectNoCrash(there);
    expect(there.code, there.stderr).toBe(1);
    expect(there.stderr).toContain(
      "cannot write disk/out/: the file system is read-only (EROFS",
    );
    expect(snapshotTree(join(disk, "out"))).toEqual(before);

    // before: "ENOENT: no such file or directory, mkdir" (recursive mkdir hides the cause)
    const toMake = run(box, "disk/new/out");
    expect(toMake.code, toMake.stderr).toBe(1);
    expect(toMake.stderr).toContain(
      `cannot write disk/new/out/: the file system is read-only (EROFS at ${join(disk, "new")})`,
    );
    expect(toMake.stderr).not.toContain("ENOENT");
  });
});

describe("a folder the user may not write (EACCES)", () => {
  const who = isRoot
    ? "run as nobody, since root passes permission checks"
    : "";

  /** A sandbox with pets.yaml generated, owned by the user the command runs as. */
  function owned(name: string): Sandbox {
    const box = makeSandbox(name);
    if (isRoot) {
      chmodSync(box.root, 0o755);
      chownSync(box.project, NOBODY, NOBODY);
      chownSync(join(box.project, "pets.yaml"), NOBODY, NOBODY);
    }
    const first = apiloomAs(GENERATE, box.project, isRoot);
    expect(first.code, first.stderr).toBe(0);
    return box;
  }

  afterAll(() => {
    // let the sandboxes be cleaned up
    for (const name of ["disk-faults-eacces-sub", "disk-faults-eacces-out"])
      spawnSync("chmod", ["-R", "u+w", join(REPO, "test/hostile/out", name)]);
  });

  it(`in a generated sub-folder: exit 1 before anything is staged, output byte-identical ${who}`, () => {
    const box = owned("disk-faults-eacces-sub");
    useV2(box);
    chmodSync(join(box.out, "client"), 0o555);
    const before = snapshotTree(box.out);
    const denied = apiloomAs(GENERATE, box.project, isRoot);
    expectNoCrash(denied);
    expect(denied.code, denied.stderr).toBe(1);
    expect(denied.stderr).toContain(
      `cannot write out/: permission denied (EACCES at ${join(box.out, "client")})`,
    );
    expect(snapshotTree(box.out)).toEqual(before);
    chmodSync(join(box.out, "client"), 0o755);
    const again = apiloomAs(GENERATE, box.project, isRoot);
    expect(again.code, again.stderr).toBe(0);
    expectNoBookkeeping(box.out);
  });

  it(`for the output folder itself: exit 1 naming it and the cause ${who}`, () => {
    const box = owned("disk-faults-eacces-out");
    useV2(box);
    chmodSync(box.out, 0o555);
    const before = snapshotTree(box.out);
    const denied = apiloomAs(GENERATE, box.project, isRoot);
    expectNoCrash(denied);
    expect(denied.code, denied.stderr).toBe(1);
    expect(denied.stderr).toContain(
      "cannot write out/: permission denied (EACCES",
    );
    expect(snapshotTree(box.out)).toEqual(before);
  });
});
