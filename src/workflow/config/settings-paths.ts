import { existsSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { ConfigError } from "./error.js";
import { isRemoteInput } from "../sources/remote-url.js";

// Where the settings' paths point (settings.ts): folders that must be folders, the project a run
// without a config belongs to, and patterns typed relative to the working folder.

/** A folder setting must not name a file; `mustExist` for folders apiloom only reads. */
export function checkFolder(
  path: string,
  what: string,
  mustExist: boolean,
): void {
  let isFolder: boolean;
  try {
    isFolder = statSync(path).isDirectory();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOTDIR")
      throw new ConfigError(`${what}: ${path} is inside a file, not a folder`);
    if (code === "ENOENT" && mustExist)
      throw new ConfigError(`${what}: the folder ${path} does not exist`);
    return;
  }
  if (!isFolder)
    throw new ConfigError(`${what}: ${path} is a file, not a folder`);
}

/**
 * Without a config, what paths are relative to: the output folder's project (the nearest folder
 * with a package.json or .git), so the output does not depend on the working folder.
 */
export function projectFolder(out: string, cwd: string): string {
  for (let dir = out; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json")) || existsSync(join(dir, ".git")))
      return dir;
    if (dirname(dir) === dir) return resolve(cwd);
  }
}

/** A pattern typed relative to the working folder, rewritten relative to baseDir. */
export function relativePattern(
  baseDir: string,
  cwd: string,
  pattern: string,
): string {
  if (isAbsolute(pattern) || isRemoteInput(pattern)) return pattern;
  const rel = relative(baseDir, resolve(cwd, pattern));
  return rel.split(sep).join("/") || ".";
}
