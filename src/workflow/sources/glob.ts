import { createRequire } from "node:module";
import { isAbsolute, join, resolve } from "node:path";
import type Picomatch from "picomatch";
import type * as Tinyglobby from "tinyglobby";
import { compareCodeUnits } from "../../model/order.js";
import { statOf } from "./real-path.js";
import { isUrlInput } from "../../model/source-url.js";

// Input patterns are globs as tinyglobby walks them and picomatch matches them (tinyglobby's own
// matcher, so the walk and every match agree): `*` and `?` within one path segment, `**` across
// folders, `{a,b}` alternatives, `[abc]` classes. Like shells, wildcards skip dot-files, and `**`
// does not descend into dot-folders or node_modules (unless the pattern names node_modules).

// Loaded on first use, so a run given file paths loads neither (test/cli/lazy-modules.test.ts).
// require keeps a module once loaded: asking again costs a cache lookup
const require = createRequire(import.meta.url);
const tinyglobby = () => require("tinyglobby") as typeof Tinyglobby;
const picomatch = () => require("picomatch") as typeof Picomatch;

/**
 * Whether an input is a pattern to expand rather than a path. A path that names an existing file
 * is that file even when it holds glob characters (`petstore[v2].yaml`): see {@link expandInputs}.
 */
export function isPattern(input: string): boolean {
  return tinyglobby().isDynamicPattern(slashed(input));
}

/**
 * Expands input patterns into `files`, sorted, without duplicates, `/`-separated, relative to
 * `baseDir` unless the pattern was absolute: an input naming an existing file is that file, glob
 * characters or not; a URL is kept as it is. `unmatched`: the patterns that matched no file (a
 * plain path that does not exist counts).
 */
export function expandInputs(patterns: readonly string[], baseDir: string) {
  const found = new Set<string>();
  const unmatched: string[] = [];
  for (const raw of patterns) {
    if (isUrlInput(raw)) {
      found.add(raw);
      continue;
    }
    const pattern = slashed(raw);
    const full = isAbsolute(pattern) ? pattern : join(baseDir, pattern);
    const matches = statOf(full)?.isFile()
      ? [normalize(pattern)]
      : isPattern(pattern)
        ? walk(pattern, baseDir)
        : [];
    if (matches.length === 0) unmatched.push(raw);
    for (const match of matches) found.add(match);
  }
  return { files: [...found].sort(compareCodeUnits), unmatched };
}

/**
 * The files a pattern matches: walked from its leading folders (`../specs/*` from `../specs`,
 * `/abs/*` from `/abs`), and named as the pattern names them.
 */
function walk(pattern: string, baseDir: string): string[] {
  const { prefix, rest, dir } = patternRoot(pattern, baseDir);
  const files = tinyglobby().globSync(rest, {
    cwd: dir,
    dot: false,
    onlyFiles: true,
    expandDirectories: false,
    ignore: ignored(pattern),
  });
  const lead =
    prefix === "" ? "" : prefix.endsWith("/") ? prefix : `${prefix}/`;
  return files.map((file) => lead + file);
}

/**
 * Where the walk of a pattern starts: `dir`, its leading folders (`prefix`) from `baseDir` or the
 * root, and whether the rest of the pattern (`rest`) goes below it (`recursive`). `--watch` watches
 * that folder.
 */
export function patternRoot(pattern: string, baseDir: string) {
  const segments = normalize(slashed(pattern)).split("/");
  const magic = segments.findIndex((s) => isPattern(s));
  const prefix = segments.slice(0, magic).join("/");
  return {
    prefix,
    rest: segments.slice(magic).join("/"),
    dir: isAbsolute(slashed(pattern)) ? prefix || "/" : join(baseDir, prefix),
    recursive: magic < segments.length - 1,
  };
}

/** A matcher of absolute paths (`/`-separated) for a pattern taken from `baseDir`. */
export function absoluteMatcher(pattern: string, baseDir: string) {
  return patternMatcher(slashed(resolve(baseDir, slashed(pattern))));
}

/** Whether `expandInputs` would find a relative file for the pattern (a git tree's, for diff --base). */
export function matchesPattern(pattern: string, file: string): boolean {
  return patternMatcher(normalize(slashed(pattern)))(normalize(file));
}

/** A matcher of whole `/`-separated paths for a pattern, as {@link expandInputs} expands it. */
export function patternMatcher(pattern: string): (path: string) => boolean {
  return picomatch()(pattern, { dot: false, ignore: ignored(pattern) });
}

/** `**` enters no node_modules folder, unless the pattern names one. */
function ignored(pattern: string): string[] {
  return pattern.includes("node_modules") ? [] : ["**/node_modules/**"];
}

export function slashed(path: string): string {
  return path.split("\\").join("/");
}

function normalize(path: string): string {
  return path.replace(/^\.\//, "").replace(/\/+/g, "/");
}
