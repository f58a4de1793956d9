import { patternFlags } from "./flags.js";
import {
  charSet,
  patternTree,
  type CodePoints,
  type PatternChar,
} from "./sets.js";
import type { PatternSyntax } from "./syntax.js";

/** The longest sample made, and the most nodes visited: a pattern that asks for more gets none. */
const MAX_SAMPLE = 256;
const MAX_STEPS = 10_000;
/** Where a character is taken from, in this order: a lower-case letter, a capital, a digit, ASCII. */
const PREFERRED = [0x61, 0x7a, 0x41, 0x5a, 0x30, 0x39, 0x21, 0x7e];

/**
 * A short string `pattern` matches, built from its parse tree: each alternation's first branch,
 * each repetition's fewest, each set's first letter or digit. Undefined where the tree cannot
 * say what matches (lookaround, `\b`, a `^` or `$` inside the text, a backreference, a set known
 * only for its ASCII part past ASCII) or the sample would be longer than {@link MAX_SAMPLE}.
 */
export function patternSample(pattern: string): string | undefined {
  const flags = patternFlags(pattern);
  const tree = flags === undefined ? undefined : patternTree(pattern, flags);
  if (!tree) return undefined;
  let out = "";
  let ended = false;
  let steps = 0;
  const walk = (node: PatternSyntax): boolean => {
    if (++steps > MAX_STEPS) return false;
    switch (node.t) {
      case "seq":
        return node.items.every(walk);
      case "alt":
        return walk(node.items[0]!);
      case "rep":
        for (let i = 0; i < node.min; i++) if (!walk(node.node)) return false;
        return true;
      case "look":
        return false;
      case "assert":
        // `^` before anything is written, `$` after all of it
        if (node.k === 0) return out === "";
        if (node.k === 1) ended = true;
        return node.k === 1;
      default: {
        const point = pick(charSet(node as PatternChar));
        // a property's set is exact for ASCII only (sets.ts)
        const exact =
          point !== undefined && (point < 0x80 || !hasProperty(node));
        if (!exact || ended || out.length >= MAX_SAMPLE) return false;
        out += String.fromCodePoint(point);
        return true;
      }
    }
  };
  return walk(tree) ? out : undefined;
}

function pick(set: CodePoints): number | undefined {
  for (let p = 0; p < PREFERRED.length; p += 2)
    for (let i = 0; i < set.length; i += 2)
      if (set[i]! <= PREFERRED[p + 1]! && set[i + 1]! >= PREFERRED[p]!)
        return Math.max(set[i]!, PREFERRED[p]!);
  return set[0];
}

const hasProperty = (node: PatternSyntax) =>
  node.t === "property" ||
  (node.t === "class" && node.items.some((item) => item.from.t === "property"));
