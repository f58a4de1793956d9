import {
  charSet,
  type CodePoints,
  type PatternChar,
} from "../../src/model/patterns/sets.js";
import type { PatternSyntax } from "../../src/model/patterns/syntax.js";

/**
 * A backtracking matcher built like V8's, to count its work: greedy, every alternative in
 * order, the empty check of a repetition past its minimum, lookaround run where it stands
 * (atomic, as ECMAScript's is; a lookbehind read backwards, as ECMAScript reads it). Each step is one attempt to match a node at a place. It is the
 * oracle of the pattern analysis (model/patterns/ambiguity.ts): independent of its automata,
 * it only runs the pattern. Throws OverBudget past `budget`.
 */
export class OverBudget extends Error {}

const WORD = /\w/;

export function backtrackingSteps(
  tree: PatternSyntax,
  text: string,
  options: { search?: boolean; budget?: number } = {},
): number {
  const budget = options.budget ?? 2_000_000;
  let steps = 0;
  // each character's code points, read once
  const sets = new Map<PatternChar, CodePoints>();
  const within = (node: PatternChar, c: number) => {
    let set = sets.get(node);
    if (set === undefined) sets.set(node, (set = charSet(node)));
    for (let i = 0; i < set.length; i += 2)
      if (c >= set[i]! && c <= set[i + 1]!) return true;
    return false;
  };
  const isWord = (i: number) =>
    i >= 0 && i < text.length && WORD.test(text[i]!);
  // inside a lookbehind: characters are read leftwards, a sequence from its end
  let backwards = false;
  const match = (
    node: PatternSyntax,
    i: number,
    k: (j: number) => boolean,
  ): boolean => {
    if (++steps > budget) throw new OverBudget();
    switch (node.t) {
      case "char":
      case "class":
      case "escape":
      case "property":
      case "dot":
        return backwards
          ? i > 0 && within(node, text.charCodeAt(i - 1)) && k(i - 1)
          : i < text.length && within(node, text.charCodeAt(i)) && k(i + 1);
      case "seq": {
        const items = backwards ? [...node.items].reverse() : node.items;
        const from = (n: number, j: number): boolean =>
          n === items.length
            ? k(j)
            : match(items[n]!, j, (j2) => from(n + 1, j2));
        return from(0, i);
      }
      case "alt":
        return node.items.some((item) => match(item, i, k));
      case "assert":
        // `\b` and `\B` alike: a word's edge
        return (
          (node.k === 0
            ? i === 0
            : node.k === 1
              ? i === text.length
              : isWord(i - 1) !== isWord(i)) && k(i)
        );
      case "look": {
        // atomic: the body's first match decides, and is not backtracked into
        const outer = backwards;
        backwards = node.behind;
        const found = match(node.node, i, () => true);
        backwards = outer;
        return found !== node.negative && k(i);
      }
      case "rep": {
        const again = (count: number, j: number): boolean =>
          (count < node.max &&
            match(
              node.node,
              j,
              (j2) => !(count >= node.min && j2 === j) && again(count + 1, j2),
            )) ||
          (count >= node.min && k(j));
        return again(0, i);
      }
    }
  };
  // as `test` runs a pattern: from each start in turn, until one matches
  const starts = options.search === false ? 1 : text.length + 1;
  for (let start = 0; start < starts; start++)
    if (match(tree, start, () => true)) break;
  return steps;
}

/**
 * How the backtracker's work grows when its texts double: the largest ratio of steps on a text
 * of `2n` characters to steps on one of `n`, over texts that repeat one or two characters the
 * pattern reads, after none or one other, and end in a character that may fail it
 * (`abbb…b!`). About 2 for a pattern linear in the
 * text, about 4 for a quadratic one; Infinity past the budget.
 */
export function worstGrowth(tree: PatternSyntax, n = 100): number {
  const chars = alphabet(tree);
  const units = [
    ...chars,
    ...chars.flatMap((a) => chars.map((b) => a + b)).slice(0, 20),
  ];
  let worst = 0;
  for (const start of ["", ...chars.slice(0, 2)])
    for (const unit of units)
      for (const end of ["!", "\n", "\u0000", " "]) {
        const text = (size: number) =>
          start + unit.repeat(Math.ceil(size / unit.length)) + end;
        try {
          const small = backtrackingSteps(tree, text(n));
          const large = backtrackingSteps(tree, text(2 * n));
          worst = Math.max(worst, large / Math.max(small, 1));
        } catch (error) {
          if (error instanceof OverBudget) return Infinity;
          throw error;
        }
      }
  return worst;
}

/** A few characters each set of the pattern holds (its ranges' ends), at most ten. */
function alphabet(tree: PatternSyntax): string[] {
  const found = new Set<number>();
  const walk = (node: PatternSyntax): void => {
    if (node.t === "seq" || node.t === "alt") node.items.forEach(walk);
    else if (node.t === "rep" || node.t === "look") walk(node.node);
    else if (node.t !== "assert") {
      const set = charSet(node);
      for (let i = 0; i < set.length && i < 12; i += 2) {
        found.add(set[i]!);
        found.add(Math.min(set[i + 1]!, set[i]! + 1));
      }
    }
  };
  walk(tree);
  return [...found]
    .filter((c) => c < 0xd800 || (c > 0xdfff && c <= 0xffff))
    .slice(0, 10)
    .map((c) => String.fromCharCode(c));
}
