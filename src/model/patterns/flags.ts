/**
 * The flags a JSON Schema `pattern` compiles with: `u`, as JSON Schema 2020-12 §6.4 asks; the
 * older, looser syntax (`[\w-.]`) without it. `undefined`: no RegExp (`schema/invalid-pattern`),
 * and so is a property escape `u` refuses, since without `u` `\p{sc=Garay}` reads `p{sc=Garay}`.
 */
export function patternFlags(pattern: string): "u" | "" | undefined {
  if (compiles(pattern, "u")) return "u";
  if (hasPropertyEscape(pattern)) return undefined;
  return compiles(pattern, "") ? "" : undefined;
}

function compiles(pattern: string, flags: "u" | ""): boolean {
  try {
    new RegExp(pattern, flags);
    return true;
  } catch {
    return false;
  }
}

/** Whether `pattern` holds `\p{` or `\P{` as an escape (`\\p{` is a backslash and a `p`). */
export const hasPropertyEscape = (pattern: string) =>
  /^(?:[^\\]|\\[^])*?\\[pP]\{/.test(pattern);
