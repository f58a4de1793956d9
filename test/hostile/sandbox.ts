import {
  cpSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { REPO, outDir } from "./cli.js";

/**
 * A folder standing for "everything outside --out": files and a folder a planted journal or
 * manifest might aim at, and the project whose output folder is `project/out`. Tests compare
 * {@link snapshotOutside} before and after a run: it must not change by a byte.
 */
export const BOOKKEEPING = join(REPO, "test/fixtures/hostile-bookkeeping");

export interface Sandbox {
  root: string;
  project: string;
  out: string;
}

export function makeSandbox(name: string, spec = "pets.yaml"): Sandbox {
  const root = outDir(name);
  writeFileSync(join(root, "victim.txt"), "the victim's own bytes\n");
  mkdirSync(join(root, "victim-dir"));
  writeFileSync(join(root, "victim-dir/keep.ts"), "export const keep = 1;\n");
  writeFileSync(join(root, "victim-dir/index.ts"), "// someone else's\n");
  const project = join(root, "project");
  mkdirSync(project);
  cpSync(join(BOOKKEEPING, spec), join(project, "pets.yaml"));
  return { root, project, out: join(project, "out") };
}

/**
 * Every entry under `dir` except the `skip` subtree: kind, mode and bytes (a link's target),
 * so a file rewritten with the same text, a link replaced by a copy or a chmod all show.
 */
export function snapshotTree(
  dir: string,
  skip?: string,
): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (sub: string) => {
    for (const name of readdirSync(join(dir, sub)).sort()) {
      const rel = sub ? `${sub}/${name}` : name;
      if (rel === skip) continue;
      const full = join(dir, rel);
      const stat = lstatSync(full);
      const mode = (stat.mode & 0o7777).toString(8);
      if (stat.isSymbolicLink()) out[rel] = `link ${readlinkSync(full)}`;
      else if (stat.isDirectory()) {
        out[rel] = `dir ${mode}`;
        walk(rel);
      } else
        out[rel] =
          `file ${mode} ${readFileSync(full).toString("base64")} ${stat.mtimeMs}`;
    }
  };
  walk("");
  return out;
}

/** The sandbox without its output folder. */
export function snapshotOutside(box: Sandbox): Record<string, string> {
  return snapshotTree(box.root, "project/out");
}

/** `generate` in the project, no config and no lock, into `out`. */
export const GENERATE = [
  "generate",
  "--no-config",
  "--no-lock",
  "-o",
  "out",
  "pets.yaml",
];
