import {
  mkdirSync,
  mkdtempSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { watchFolders } from "../../src/workflow/watch.js";

/**
 * The folder watchers of `--watch` (src/workflow/watch.ts), in process: a recursive target's
 * subfolders are watched as they come and go, also one that replaces another of the same name.
 * Nothing is timed: each wait is a bounded count of checks.
 */

const dirs: string[] = [];
const closers: (() => void)[] = [];
afterEach(() => {
  closers.splice(0).forEach((close) => close());
  dirs
    .splice(0)
    .forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});

function watchTree() {
  const root = mkdtempSync(join(tmpdir(), "apiloom-watch-folders-"));
  dirs.push(root);
  const seen: string[] = [];
  const { close } = watchFolders(
    [{ dir: root, recursive: true }],
    { outDir: join(root, "out") },
    () => true,
    10,
    (paths) => seen.push(...paths),
  );
  closers.push(close);
  return { root, seen };
}

async function eventually(condition: () => boolean, what: string) {
  for (let i = 0; i < 400; i++) {
    if (condition()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`never happened: ${what}`);
}

it("a new subfolder is watched, and the file written into it at once is reported", async () => {
  const { root, seen } = watchTree();
  mkdirSync(join(root, "v2/deep"), { recursive: true });
  writeFileSync(join(root, "v2/deep/api.yaml"), "one\n");
  await eventually(
    () => seen.includes(join(root, "v2/deep/api.yaml")),
    "the file in the new folder",
  );
  seen.length = 0;
  writeFileSync(join(root, "v2/deep/api.yaml"), "two\n");
  await eventually(
    () => seen.includes(join(root, "v2/deep/api.yaml")),
    "a later change in it",
  );
});

it("a subfolder replaced by another of the same name is watched anew", async () => {
  const { root, seen } = watchTree();
  mkdirSync(join(root, "specs"));
  writeFileSync(join(root, "specs/api.yaml"), "old\n");
  await eventually(
    () => seen.includes(join(root, "specs/api.yaml")),
    "the first file",
  );
  mkdirSync(join(root, "next"));
  writeFileSync(join(root, "next/api.yaml"), "new\n");
  rmSync(join(root, "specs"), { recursive: true });
  renameSync(join(root, "next"), join(root, "specs"));
  for (let save = 0; save < 3; save++) {
    seen.length = 0;
    writeFileSync(join(root, "saved.tmp"), `save ${save}\n`);
    renameSync(join(root, "saved.tmp"), join(root, "specs/api.yaml"));
    await eventually(
      () => seen.includes(join(root, "specs/api.yaml")),
      `rename save ${save} in the replaced folder`,
    );
  }
});
