/**
 * How a JSON Schema `pattern` (ECMA-262 syntax) becomes a JavaScript RegExp: with the `u` flag,
 * as JSON Schema 2020-12 §6.4 asks and ajv does; patterns written for the older, looser syntax
 * (`\_`, `[\w-.]`) are accepted without it. `undefined`: not a JavaScript regular expression at
 * all, so the validators skip it and the reader reports `schema/invalid-pattern`.
 *
 * A pattern holding a Unicode property escape (`\p{…}`, `\P{…}`) that `u` refuses is not one
 * either: without `u`, `\p` is a `p`, and `^\p{sc=Garay}+$` would accept the text
 * `p{sc=Garay}}}` and refuse every word of that script. The usual cause is a property this
 * engine's Unicode does not know yet (a script newer than it) or a misspelt one.
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

/**
 * Whether `pattern` holds `\p{` or `\P{` as an escape (not after an escaped backslash: `\\p{`
 * is a backslash and a `p`). One pass over the text, an escape's two characters at a time.
 */
export function hasPropertyEscape(pattern: string): boolean {
  for (let i = 0; i < pattern.length - 2; i++) {
    if (pattern[i] !== "\\") continue;
    const next = pattern[i + 1];
    if ((next === "p" || next === "P") && pattern[i + 2] === "{") return true;
    i++; // the escaped character
  }
  return false;
}
