import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, isAbsolute, join } from "node:path";

/**
 * `node_modules/.cache/apiloom` in the nearest folder up from `dir` that has node_modules, not
 * looking past the project root (the first folder with package.json, where findConfigFile stops).
 */
export function projectCacheDir(dir: string): string | undefined {
  for (let at = dir; ; at = dirname(at)) {
    if (existsSync(join(at, "node_modules")))
      return join(at, "node_modules/.cache/apiloom");
    if (existsSync(join(at, "package.json")) || dirname(at) === at)
      return undefined;
  }
}

/**
 * Where apiloom keeps what is only this machine's business: the project's cache folder, or
 * without one the user's (`$XDG_CACHE_HOME/apiloom`, else `~/.cache/apiloom`); undefined when
 * there is no home either.
 */
export function cacheDir(dir: string): string | undefined {
  const project = projectCacheDir(dir);
  if (project) return project;
  const xdg = process.env["XDG_CACHE_HOME"];
  if (xdg && isAbsolute(xdg)) return join(xdg, "apiloom");
  try {
    const home = homedir();
    return home ? join(home, ".cache/apiloom") : undefined;
  } catch {
    return undefined;
  }
}
