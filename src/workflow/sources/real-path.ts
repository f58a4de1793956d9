import {
  lstatSync,
  readdirSync,
  readlinkSync,
  realpathSync,
  statSync,
  type Dirent,
  type Stats,
} from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { isInside } from "../../model/source-url.js";

/** `to` relative to `from` with `/` on every platform: how apiloom shows and records paths. */
export function slashedRelative(from: string, to: string): string {
  return relative(from, to).split(sep).join("/");
}

/** {@link slashedRelative}, but a folder that is `from` by real path (a shell's `$PWD` through a
 * link, where Node's cwd is its target) is `from`: `specs/a.json`, not `../link/specs/a.json`. */
export function projectRelative(from: string, to: string): string {
  const real = realPathOf(from);
  for (let dir = resolve(to); !isInside(from, dir); dir = dirname(dir))
    if (realPathOf(dir) === real) return slashedRelative(dir, to);
    else if (dir === dirname(dir)) break;
  return slashedRelative(from, to);
}

export function entriesOf(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

/** What is at `path` (with `link`, a link itself, not followed), or undefined when nothing is. */
export function statOf(path: string, link = false): Stats | undefined {
  try {
    return link ? lstatSync(path) : statSync(path);
  } catch {
    return undefined;
  }
}

/** Links followed on the way to a path before giving up (Linux's own limit is 40). */
const MAX_LINKS = 40;

/**
 * Where `path` really is, though its end may not exist yet: the real path of its longest existing
 * prefix, the rest after it; a dangling link is followed to where a file made through it would land.
 */
export function realPathOf(path: string): string {
  return follow(resolve(path), MAX_LINKS);
}

function follow(path: string, links: number): string {
  try {
    return realpathSync(path);
  } catch {
    // missing (or a dangling link, or a loop): resolve the parent, then this name under it
  }
  const parent = dirname(path);
  if (parent === path) return path;
  const base = join(follow(parent, links), basename(path));
  if (links === 0) return base;
  let target: string;
  try {
    if (!lstatSync(base).isSymbolicLink()) return base;
    target = readlinkSync(base);
  } catch {
    return base; // it does not exist: apiloom would create it here
  }
  return follow(resolve(dirname(base), target), links - 1);
}

/**
 * Whether `path` is `folder` or lies under it, as written or by real path (a symbolic link on
 * the way to either, or a folder reached through one, counts as where it leads).
 */
export function isInsideReal(path: string, folder: string): boolean {
  return (
    isInside(path, folder) || isInside(realPathOf(path), realPathOf(folder))
  );
}

/** Whether two paths name the same place, as written or by real path (a missing one names none). */
export function isSamePlace(a: string | undefined, b: string | undefined) {
  if (a === undefined || b === undefined) return false;
  return resolve(a) === resolve(b) || realPathOf(a) === realPathOf(b);
}

/** ` (really <real path>)` when a link makes `path` lead elsewhere, else nothing. */
export function realNote(path: string): string {
  const real = realPathOf(path);
  return real === resolve(path) ? "" : ` (really ${real})`;
}
