import { compareCodeUnits } from "../model/order.js";
import { readdirSync, statSync } from "node:fs";
import { isAbsolute, join } from "node:path";

export interface GlobResult {
  /** Matching files, `/`-separated, relative to the base folder unless the pattern was absolute. Sorted. */
  files: string[];
  /** Patterns that matched no file (a plain path that does not exist counts). */
  unmatched: string[];
}

export const MAGIC_SEGMENT = /[*?{[]/;
const MAGIC = MAGIC_SEGMENT;

/**
 * Expands input patterns: `*` and `?` within one path segment, `**` across folders, `{a,b}`
 * alternatives and `[abc]` classes. Like shells, wildcards skip dot-files, and `**` does not
 * descend into dot-folders or node_modules. Node 20 has no fs.glob, hence this.
 */
export function expandInputs(
  patterns: readonly string[],
  baseDir: string,
): GlobResult {
  const found = new Set<string>();
  const unmatched: string[] = [];
  for (const raw of patterns) {
    const pattern = raw.split("\\").join("/");
    const matches = new Set<string>();
    if (!MAGIC.test(pattern)) {
      const full = isAbsolute(pattern) ? pattern : join(baseDir, pattern);
      if (isFile(full)) matches.add(normalize(pattern));
    } else {
      const absolute = pattern.startsWith("/");
      const segments = pattern.split("/").filter((s) => s !== "" && s !== ".");
      walk(absolute ? "/" : baseDir, absolute ? "/" : "", segments, matches);
    }
    if (matches.size === 0) unmatched.push(raw);
    for (const match of matches) found.add(match);
  }
  return { files: [...found].sort(compareCodeUnits), unmatched };
}

/**
 * Whether a relative `/`-separated file path is one `expandInputs` would find for the pattern,
 * for file lists that are not on disk (a git commit's tree, for `apiloom diff --base`).
 */
export function matchesPattern(pattern: string, file: string): boolean {
  const segments = normalize(pattern.split("\\").join("/"))
    .split("/")
    .filter((s) => s !== "" && s !== ".");
  const names = normalize(file).split("/");
  const match = (i: number, j: number): boolean => {
    const head = segments[i];
    if (head === undefined) return j === names.length;
    if (j === names.length) return head === "**" && match(i + 1, j);
    const name = names[j]!;
    if (head === "**")
      return (
        match(i + 1, j) ||
        (j < names.length - 1 && globstarEnters(name) && match(i, j + 1))
      );
    if (!MAGIC.test(head)) return head === name && match(i + 1, j + 1);
    if (name.startsWith(".") && !head.startsWith(".")) return false;
    return segmentRegExp(head).test(name) && match(i + 1, j + 1);
  };
  return match(0, 0);
}

/** Whether `**` descends into a folder of this name: not dot-folders, not node_modules. */
export function globstarEnters(name: string): boolean {
  return !name.startsWith(".") && name !== "node_modules";
}

function walk(
  dir: string,
  prefix: string,
  segments: readonly string[],
  found: Set<string>,
): void {
  const [head, ...rest] = segments;
  if (head === undefined) return;
  if (head === "**") {
    walk(dir, prefix, rest, found);
    for (const entry of listDir(dir)) {
      if (!entry.isDirectory()) continue;
      if (!globstarEnters(entry.name)) continue;
      walk(join(dir, entry.name), prefix + entry.name + "/", segments, found);
    }
    return;
  }
  if (!MAGIC.test(head)) {
    const full = join(dir, head);
    if (rest.length === 0) {
      if (isFile(full)) found.add(prefix + head);
    } else walk(full, prefix + head + "/", rest, found);
    return;
  }
  const matcher = segmentRegExp(head);
  for (const entry of listDir(dir)) {
    if (entry.name.startsWith(".") && !head.startsWith(".")) continue;
    if (!matcher.test(entry.name)) continue;
    const full = join(dir, entry.name);
    if (rest.length === 0) {
      if (entry.isFile() || (entry.isSymbolicLink() && isFile(full)))
        found.add(prefix + entry.name);
    } else if (entry.isDirectory() || entry.isSymbolicLink())
      walk(full, prefix + entry.name + "/", rest, found);
  }
}

/** One path segment's pattern as an anchored regular expression. */
export function segmentRegExp(segment: string): RegExp {
  let source = "";
  let depth = 0;
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i]!;
    if (ch === "*") source += "[^/]*";
    else if (ch === "?") source += "[^/]";
    else if (ch === "{") {
      depth++;
      source += "(?:";
    } else if (ch === "}" && depth > 0) {
      depth--;
      source += ")";
    } else if (ch === "," && depth > 0) source += "|";
    else if (ch === "[") {
      const end = segment.indexOf("]", i + 1);
      if (end === -1) source += "\\[";
      else {
        const body = segment.slice(i + 1, end).replace(/^!/, "^");
        source += `[${body.replace(/\\/g, "\\\\")}]`;
        i = end;
      }
    } else source += ch.replace(/[.+^$()|\\\]]/g, "\\$&");
  }
  return new RegExp(`^${source}$`);
}

function listDir(dir: string) {
  try {
    return readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      compareCodeUnits(a.name, b.name),
    );
  } catch {
    return [];
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function normalize(path: string): string {
  return path.replace(/^\.\//, "").replace(/\/+/g, "/");
}
