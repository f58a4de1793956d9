import {
  accessSync,
  constants,
  lstatSync,
  mkdirSync,
  realpathSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { isInside } from "../../model/source-url.js";
import { statOf } from "../sources/real-path.js";
import { LineIndex } from "../../ingest/parse/lines.js";

// Paths read back from the output folder are a stranger's (docs/untrusted-input.md).

/** Why `path` is not a plain relative `/`-separated path inside a folder, or undefined. */
export function pathShapeProblem(path: string): string | undefined {
  if (typeof path !== "string") return "the path is not a string";
  if (path === "") return "the path is empty";
  if (path.startsWith("/") || /^[a-zA-Z]:/.test(path))
    return "the path is absolute";
  if (path.includes("\\")) return "the path contains a backslash";
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f<>:"|?*]/.test(path))
    return "the path contains a character file systems refuse";
  const segments = path.split("/");
  if (segments.some((s) => s === "..")) return "the path climbs out with '..'";
  if (segments.some((s) => s === "" || s === "."))
    return "the path has an empty or '.' segment";
  return undefined;
}

/** Why a folder on the way to `path` cannot take it (a file, or a link that could lead outside). */
export function blockedFolder(outDir: string, path: string) {
  const segments = path.split("/");
  for (let i = 1; i < segments.length; i++) {
    const folder = segments.slice(0, i).join("/");
    const stat = statOf(join(outDir, folder), true);
    if (!stat) return undefined; // missing: it will be made, inside the folder before it
    if (stat.isSymbolicLink()) return linked(folder);
    if (!stat.isDirectory()) return `${folder} is a file, not a folder`;
  }
  return undefined;
}

/**
 * Why the way to `path` leaves `outDir` on disk, or undefined when every folder on the way is a
 * real folder inside it; `path` itself is missing or a `final` (never a link).
 */
export function wayProblem(
  outDir: string,
  path: string,
  final: "file" | "folder" = "file",
): string | undefined {
  const blocked = blockedFolder(outDir, path);
  if (blocked) return blocked;
  const stat = statOf(join(outDir, path), true);
  if (stat?.isSymbolicLink()) return linked(path);
  if (stat && final === "file" && !stat.isFile())
    return `${path} is a folder or special file, not a file`;
  if (stat && final === "folder" && !stat.isDirectory())
    return `${path} is not a folder`;
  let root: string;
  try {
    root = realpathSync(outDir);
  } catch {
    return undefined; // no output folder yet: nothing on the way exists
  }
  let folder = dirname(join(outDir, path));
  for (;;)
    try {
      const real = realpathSync(folder);
      if (isInside(real, root)) return undefined;
      return `${path} resolves outside the output folder (${real})`;
    } catch {
      const up = dirname(folder);
      if (up === folder) return undefined;
      folder = up;
    }
}

function linked(path: string): string {
  return `${path} is a symbolic link; apiloom acts only inside the output folder`;
}

/**
 * Makes `dir` and its missing parents one at a time (a recursive mkdir answers ENOENT on a
 * read-only file system); returns the folders it made, outermost first.
 */
export function makeFolders(dir: string): string[] {
  const missing: string[] = [];
  for (let at = dir; ; at = dirname(at)) {
    if (lstatSync(at, { throwIfNoEntry: false })) break;
    missing.unshift(at);
    if (dirname(at) === at) break;
  }
  for (const folder of missing)
    try {
      mkdirSync(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  return missing;
}

/** Throws the file system's error when the deepest existing folder on the way is not writable. */
export function assertWritableWay(outDir: string, path: string): void {
  let folder = dirname(join(outDir, path));
  while (!statOf(folder, true)) {
    if (dirname(folder) === folder) return;
    folder = dirname(folder);
  }
  accessSync(folder, constants.W_OK);
}

export function placeInText(text: string, needle: string) {
  return new LineIndex(text).position(Math.max(0, text.indexOf(needle)));
}
