/**
 * How a JSON Schema `pattern` (ECMA-262 syntax) becomes a JavaScript RegExp: with the `u` flag,
 * as JSON Schema 2020-12 §6.4 asks and ajv does; patterns written for the older, looser syntax
 * (`\_`, `[\w-.]`) are accepted without it. `undefined`: not a JavaScript regular expression at
 * all, so the validators skip it and the reader reports `schema/invalid-pattern`.
 */
export function patternFlags(pattern: string): "u" | "" | undefined {
  for (const flags of ["u", ""] as const) {
    try {
      new RegExp(pattern, flags);
      return flags;
    } catch {
      // try the next flags
    }
  }
  return undefined;
}
