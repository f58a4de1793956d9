import { isAbsolute, relative, sep } from "node:path";

/**
 * Whether an input (or a document's place) is an http(s) URL rather than a file path: fetched by
 * the workflow before the reading (workflow/sources/remote-inputs.ts), shown and named by its URL, and
 * never resolved against a folder.
 */
export function isUrlInput(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

/**
 * A URL as apiloom shows it anywhere (a message, a diagnostic's place, a report, a log line):
 * its user info, a user name or password (`https://user:pass@host/x.yaml`), written as `***`
 * (`https://***@host/x.yaml`), so that no credential is printed; any other text as it is. The
 * authority ends at the first `/`, `?`, `#` or `\` (as URL reads http(s)); its last `@` ends the
 * user info.
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
