import { isAbsolute, relative, resolve, sep } from "node:path";

/** Whether an input (or a document's place) is an http(s) URL rather than a file path. */
export function isUrlInput(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

/** Where an input is: a URL input as it is, a file resolved against `baseDir`. */
export function inputPlace(file: string, baseDir: string): string {
  return isUrlInput(file) ? file : resolve(baseDir, file);
}

/**
 * A URL as apiloom shows it anywhere, its user info written as `***` so that no credential is
 * printed. The authority ends at the first `/`, `?`, `#` or `\` (as URL reads http(s)).
 */
export function shownUrl(text: string): string {
  return text.replace(/^(https?:\/\/)[^/?#\\]*@/i, "$1***@");
}

/** A file as messages name it: relative to `cwd` when inside it; a URL by {@link shownUrl}. */
export function displayPath(cwd: string, abs: string): string {
  if (isUrlInput(abs)) return shownUrl(abs);
  const rel = relative(cwd, abs);
  return (rel === "" || isAbsolute(rel) ? abs : rel).split(sep).join("/");
}
