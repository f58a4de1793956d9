import type { PatternTree } from "../../src/model/patterns/tree.js";

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
  tree: PatternTree,
  text: string,
  options: { search?: boolean; budget?: number } = {},
): number {
  const budget = options.budget ?? 2_000_000;
  let steps = 0;
  const within = (set: readonly number[], c: number) => {
    for (let i = 0; i < set.length; i += 2)
      if (c >= set[i]! && c <= set[i + 1]!) return true;
    return false;
  };
  const isWord = (i: number) =>
    i >= 0 && i < text.length && WORD.test(text[i]!);
  // inside a lookbehind: characters are read leftwards, a sequence from its end
  let backwards = false;
  const match = (
    node: PatternTree,
    i: number,
    k: (j: number) => boolean,
  ): boolean => {
    if (++steps > budget) throw new OverBudget();
    switch (node.t) {
      case "set":
        return backwards
          ? i > 0 && within(node.set, text.charCodeAt(i - 1)) && k(i - 1)
          : i < text.length && within(node.set, text.charCodeAt(i)) && k(i + 1);
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
      case "begin":
        return i === 0 && k(i);
      case "end":
        return i === text.length && k(i);
      case "word":
        return isWord(i - 1) !== isWord(i) && k(i);
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
export function worstGrowth(tree: PatternTree, n = 100): number {
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
function alphabet(tree: PatternTree): string[] {
  const found = new Set<number>();
  const walk = (node: PatternTree): void => {
    if (node.t === "set")
      for (let i = 0; i < node.set.length && i < 12; i += 2) {
        found.add(node.set[i]!);
        found.add(Math.min(node.set[i + 1]!, node.set[i]! + 1));
      }
    else if (node.t === "seq" || node.t === "alt") node.items.forEach(walk);
    else if (node.t === "rep" || node.t === "look") walk(node.node);
  };
  walk(tree);
  return [...found]
    .filter((c) => c < 0xd800 || (c > 0xdfff && c <= 0xffff))
    .slice(0, 10)
    .map((c) => String.fromCharCode(c));
}
