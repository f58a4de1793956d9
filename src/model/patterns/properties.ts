/**
 * What sets.ts reads from a Unicode property escape (`\p{L}`): the ASCII code points it matches,
 * read off the engine's own RegExp; every code point past ASCII is counted in the set.
 *
 * Why ASCII only: the output must be the same on every machine, and the analysis is sound only if
 * each set holds all that the validators' engine matches, whatever its Unicode version. Past
 * ASCII, characters are assigned in each version and values change, so nothing is assumed there.
 * On ASCII every engine's `\p{…}` is assumed to match the same code points in every version:
 * Unicode's stability policy promises part of it, the rest was observed across engines.
 */

/** Sorted, disjoint, non-adjacent ranges of code points: `[from, to, from, to, …]`. */
export type CodePoints = readonly number[];

/** Every code point past ASCII, which a set holding a property always holds. */
export const NON_ASCII: CodePoints = [0x80, 0x10ffff];

/** The ASCII code points `\p{name}` matches in this engine; undefined for a name it refuses. */
export function asciiPropertyPoints(name: string): CodePoints | undefined {
  let property: RegExp;
  try {
    // `name` holds no `}` (the reader ends it at the first): nothing else can be injected
    property = new RegExp(`^\\p{${name}}$`, "u");
  } catch {
    return undefined;
  }
  const out: number[] = [];
  for (let c = 0; c < 0x80; c++) {
    if (!property.test(String.fromCharCode(c))) continue;
    if (out.length > 0 && out[out.length - 1] === c - 1)
      out[out.length - 1] = c;
    else out.push(c, c);
  }
  return out;
}
