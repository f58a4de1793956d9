import { mkdirSync, symlinkSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  buildCli,
  makeProject,
  mtimes,
  removeDir,
  runCli,
  snapshotTree,
} from "./harness.js";

/**
 * A second run into an output folder reached through a symbolic link (`--out` a link to a
 * folder elsewhere, or a folder reached through a linked parent) takes the no-change path, as
 * into the folder itself: nothing is rewritten, though the first run wrote the project's name
 * lock, which it had read as missing (the lock is compared by what the run left there).
 */
let cli: string;
const dirs: string[] = [];
beforeAll(async () => {
  cli = await buildCli();
});
afterAll(() => {
  dirs.forEach(removeDir);
  removeDir(dirname(cli));
});

for (const shape of ["out -> elsewhere/real", "gen -> far/away, out gen/out"])
  it(`a second run into a linked --out (${shape}) changes nothing and says so`, async () => {
    const dir = makeProject(["pets.yaml"]);
    dirs.push(dir);
    let out = "out";
    if (shape.startsWith("out")) {
      mkdirSync(join(dir, "elsewhere/real"), { recursive: true });
      symlinkSync(join(dir, "elsewhere/real"), join(dir, "out"));
    } else {
      mkdirSync(join(dir, "far/away"), { recursive: true });
      symlinkSync("far/away", join(dir, "gen"));
      out = "gen/out";
    }
    const args = ["generate", "specs/pets.yaml", "--out", out];
    const first = await runCli(cli, args, { cwd: dir, fake: false });
    expect(first.code, first.stderr).toBe(0);
    const files = Object.keys(snapshotTree(join(dir, out)));
    const before = mtimes(join(dir, out), files);
    const second = await runCli(cli, args, { cwd: dir, fake: false });
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toContain("nothing changed since the last run");
    expect(mtimes(join(dir, out), files)).toEqual(before);
  });
