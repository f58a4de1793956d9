/**
 * What sets.ts reads from a Unicode property escape (`\p{L}`,
 * `\p{Script=Latin}`, `\p{Alphabetic}`): the ASCII code points (U+0000 to U+007F) it matches,
 * read off the engine's own RegExp, one test per code point. Beyond ASCII it reads nothing:
 * sets.ts counts every code point past U+007F in every set holding a property (`\p`,
 * `\P` and a class holding either, negated or not), so nothing of the engine's tables past
 * ASCII reaches the tree.
 *
 * Why ASCII only. apiloom's output must be the same on every machine, and the check using
 * these sets (ambiguity.ts, countsMultiply) is sound only if each holds all that the
 * engine running the validators matches, whatever its Unicode version. Past ASCII neither
 * holds: characters are assigned in each version (one unassigned in an older version is in
 * `\P{L}` and `[^\p{L}]` there, and in no letter set), and values change (script extensions,
 * mostly). So both are met by assuming nothing there: every such code point is in the set. On
 * ASCII the sets are read exactly, on this assumption: every engine's `\p{…}` (each name
 * ECMA-262 lists: General_Category, Script, Script_Extensions, the binary properties) matches
 * the same ASCII code points, which are the same in every Unicode version. Unicode's stability
 * policy promises part of it (General_Category=Control, Noncharacter_Code_Point, Pattern_Syntax
 * and Pattern_White_Space never change; ID_Start and ID_Continue only grow); the rest was
 * observed across engines (V8, JavaScriptCore, Perl, Python's tables) and Unicode versions, not
 * promised: a change on ASCII, the oldest and most used block, would be one every engine noticed.
 *
 * The cost: 128 tests of one RegExp, a few microseconds a property, so nothing is kept.
 */

/** Sorted, disjoint, non-adjacent ranges of code points: `[from, to, from, to, …]`. */
export type CodePoints = readonly number[];

/** Every code point past ASCII, which a set holding a property always holds. */
export const NON_ASCII: CodePoints = [0x80, 0x10ffff];

/**
 * The ASCII code points `\p{name}` matches with the `u` flag in this engine (`name` is what
 * stands between the braces), or undefined when the engine refuses the name (a pattern that
 * compiled cannot hold one, but the reader does not count on it).
 */
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
