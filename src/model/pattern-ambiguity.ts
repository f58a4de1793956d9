import { ALL, patternTree, type PatternTree } from "./pattern-tree.js";
import { NotModelled, PositionAutomaton } from "./position-automaton.js";

/**
 * The fast path of pattern-safety.ts: whether recheck's automaton checker is sure to call a
 * pattern (with the `u` flag, no backreference or lookaround) safe, decided without loading it.
 * `true` only when it is; `false` means "ask recheck" (most such patterns are still safe).
 *
 * recheck (https://makenowjust-labs.github.io/recheck/) answers safe without an automaton when
 * the pattern has no unbounded repetition (`isConstant`). Otherwise it builds an ordered NFA
 * from the pattern, with an implicit `[^]*?` before it unless every way in starts with `^`, and
 * one after it unless every way out ends with `$`; it reports exponential backtracking when a
 * state has two distinct cycles reading the same word (EDA, or two ε-routes between the same
 * states), polynomial when two distinct states p, q loop on one word w that also leads from p
 * to q (IDA), and safe otherwise. Its automaton refines the plain position automaton of the
 * pattern (one state per character set; a state of recheck's adds the lookahead, which only
 * removes paths), so a position automaton with neither structure proves recheck's has none.
 * This file builds that automaton, refusing what it does not model exactly: a repetition of a
 * body that matches the empty text, two empty branches of one alternative (several ε-routes),
 * `^`/`$` anywhere but at every start/end, `\b`, `\p{…}` (recheck's sets are its own Unicode
 * tables: pattern-tree.ts). test/validators/pattern-fast-path.test.ts
 * proves it against recheck (fast-check, the shared corpus and GitHub's description).
 */
export function surelySafe(pattern: string): boolean {
  const tree = patternTree(pattern);
  // the loose read differs from the strict one only at `\p{…}`, which it reads (pattern-tree.ts)
  // and the strict one does not: one read unless there is a property
  const loose = tree ?? patternTree(pattern, "u", true);
  if (loose === undefined) return false;
  // recheck's `isConstant` shortcut, and its automaton, miss what counts multiply
  if (countsMultiply(loose)) return false;
  // recheck calls a pattern without unbounded repetition safe before it looks at a set, so
  // `\p{…}` needs no set of recheck's here, and the loose read decides it (its sets hold every
  // engine's, and are the same on every machine: pattern-tree.ts). (recheck answers
  // "unknown" instead where it cannot read a property: its tables know no script of Unicode 14
  // or later, `\p{sc=Kawi}`. That was a warning and the linear matcher; it is a RegExp now, as
  // the same pattern with a script it knows: the counts are what could backtrack, checked above.)
  if (isConstant(loose)) return true;
  if (tree === undefined) return false;
  if (usesWordBoundary(tree) || !anchorsAtEnds(tree)) return false;
  const open = [
    !everyWay(tree, "first", "begin"),
    !everyWay(tree, "last", "end"),
  ] as const;
  // counts read as `*` and `+` first: see {@link uncounted}
  return (
    (hasCount(tree) && unambiguous(uncounted(tree), open)) ||
    unambiguous(tree, open)
  );
}

/** Whether `tree`'s automaton (with `[^]*` before and after where `open`) has no EDA or IDA. */
function unambiguous(
  tree: PatternTree,
  [openStart, openEnd]: readonly [boolean, boolean],
): boolean {
  const parts: PatternTree[] = [tree];
  if (openStart) parts.unshift(SIGMA_STAR);
  if (openEnd) parts.push(SIGMA_STAR);
  const nfa = PositionAutomaton.of({ t: "seq", items: parts });
  if (nfa === undefined) return false;
  try {
    // hasIda relies on hasEda's answer: asked second
    return !nfa.hasEda() && !nfa.hasIda();
  } catch (error) {
    // past MAX_STEPS: recheck is asked
    if (error instanceof NotModelled) return false;
    throw error;
  }
}

function hasCount(node: PatternTree): boolean {
  if (node.t === "seq" || node.t === "alt") return node.items.some(hasCount);
  if (node.t === "rep") return node.kind === "{}" || hasCount(node.node);
  return false;
}

/**
 * `tree` with each count `X{m,n}` read as `X*` (m = 0) or `X+`. recheck copies a count
 * (`x{2,4}` is `xx(x(x)?)?`), so `[a-z0-9]{1,63}` nested in `{1,127}` makes an automaton of
 * thousands of states: it took recheck ~3 s on a domain-name pattern, and this file gives up past
 * 256 positions. The copies' paths map one-to-one onto the starred automaton's (a copy's number
 * is how many times the path went around; two paths through different copies differ in where
 * they go around), so two cycles on one word, or a loop on w from p to a distinct q that loops
 * on w, in the copies are two cycles on one word, or such a loop, in the starred automaton
 * (two copies of one position looping on w and joined by w are two cycles on w there). So when
 * the starred one has neither, recheck's has neither. When it has one, the copies may still
 * not (`\d{1,3}\.\d{1,3}` is safe, `\d+\.?\d+` is not): they are built as before.
 */
function uncounted(node: PatternTree): PatternTree {
  switch (node.t) {
    case "seq":
    case "alt":
      return { t: node.t, items: node.items.map(uncounted) };
    case "rep":
      return node.kind !== "{}"
        ? { ...node, node: uncounted(node.node) }
        : {
            t: "rep",
            node: uncounted(node.node),
            min: node.min === 0 ? 0 : 1,
            max: Infinity,
            kind: node.min === 0 ? "*" : "+",
          };
    default:
      return node;
  }
}

/**
 * Whether a counted repetition of the pattern may multiply the ways to match a text, `true`
 * when it cannot be shown not to (`undefined` when the pattern is not read: lookaround,
 * backreferences). recheck does not see this: a pattern without `*` or `+` is "constant" to it
 * (safe without an automaton), and its automaton only looks for cycles. But `X{m,n}` is n
 * copies of X, and a body X that matches one text in k ways, or the empty text, matches a text
 * of the copies in up to k^n ways, every one of which a backtracking engine tries before it
 * fails: `^(a|a?){25}$` against `aaaaaaaab` (9 characters) takes seconds in V8, and
 * `^(a?){30}a{30}$` against 45 `a` and a `b`, minutes.
 *
 * A counted repetition is safe here when its body X does not match the empty text and X*
 * has no two distinct cycles on one word (no EDA): then, from any state before the copies,
 * there is at most one path on a word to each state of X*, since two would start in two first
 * positions of X (or split later), which every last position of X also leads to, so the last
 * positions would have two cycles on one word. The copies map one-to-one onto the paths of X*
 * (a copy's number is how many times the path went around), so a backtracking engine meets at
 * most (copies × positions of X) paths on each text through them, not k^n. `?` (one copy) does
 * not multiply; `*` and `+` are left to the automaton; one count of 2 or 3 (in all) may. Read
 * loosely (`\p{…}` as its ASCII code points and every code point past ASCII, a superset of its
 * set in every engine and Unicode version, pattern-tree.ts; `\b` as nothing), which only adds
 * paths, so anything it misses is not there.
 */
export function countsMultiply(
  tree: PatternTree | undefined,
): boolean | undefined {
  if (tree === undefined) return undefined;
  // one count of 2 or 3 may multiply: k^3 paths, as many as the body written out three times
  // (URI_IPV6's `(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}`, where `15.` has two)
  let room = MULTIPLYING;
  const multiplies = (node: PatternTree): boolean => {
    switch (node.t) {
      case "seq":
      case "alt":
        return node.items.some(multiplies);
      case "rep": {
        if (multiplies(node.node)) return true;
        if (node.kind !== "{}" || node.max <= 1) return false;
        const loop = PositionAutomaton.of({
          t: "rep",
          node: withoutWordBoundaries(node.node),
          min: 0,
          max: Infinity,
          kind: "*",
        });
        if (loop !== undefined && !loop.hasEdaOrGivesUp()) return false;
        if (node.max > room) return true;
        room = Math.floor(room / node.max);
        return false;
      }
      default:
        return false;
    }
  };
  return multiplies(tree);
}

/** The product of the counts of repetitions that may multiply, past which one is refused. */
const MULTIPLYING = 3;

/** The pattern read with `flags`, loosely (model/pattern-tree.ts), for {@link countsMultiply}. */
export function countedRepetitionsMultiply(
  pattern: string,
  flags: "u" | "",
): boolean | undefined {
  return countsMultiply(patternTree(pattern, flags, true));
}

/** `\b` as `^` (nothing: ε, a superset of its paths), for {@link countsMultiply}. */
function withoutWordBoundaries(node: PatternTree): PatternTree {
  switch (node.t) {
    case "seq":
    case "alt":
      return { t: node.t, items: node.items.map(withoutWordBoundaries) };
    case "rep":
      return { ...node, node: withoutWordBoundaries(node.node) };
    case "word":
      return { t: "begin" };
    default:
      return node;
  }
}

const SIGMA_STAR: PatternTree = {
  t: "rep",
  node: { t: "set", set: ALL },
  min: 0,
  max: Infinity,
  kind: "*",
};

/** recheck's `isConstant`: no unbounded repetition anywhere. */
function isConstant(node: PatternTree): boolean {
  if (node.t === "seq" || node.t === "alt") return node.items.every(isConstant);
  if (node.t === "rep") return node.max !== Infinity && isConstant(node.node);
  return true;
}

function usesWordBoundary(node: PatternTree): boolean {
  if (node.t === "seq" || node.t === "alt")
    return node.items.some(usesWordBoundary);
  if (node.t === "rep") return usesWordBoundary(node.node);
  return node.t === "word";
}

/**
 * recheck's `needsInputTerminatorDistinction` is false: `^` and `$` only at the ends, and at
 * every start (end) or none. Then they are ε in its automaton, as here.
 */
function anchorsAtEnds(tree: PatternTree): boolean {
  if (inMiddle(tree, true, true)) return false;
  return (
    (everyWay(tree, "first", "begin") || noWay(tree, "first", "begin")) &&
    (everyWay(tree, "last", "end") || noWay(tree, "last", "end"))
  );
}

/** recheck's `existsLineAssertionInMiddle`. */
function inMiddle(
  node: PatternTree,
  isBegin: boolean,
  isEnd: boolean,
): boolean {
  switch (node.t) {
    case "alt":
      return node.items.some((n) => inMiddle(n, isBegin, isEnd));
    case "seq": {
      const n = node.items.length;
      if (n === 1) return inMiddle(node.items[0]!, isBegin, isEnd);
      return node.items.some((item, i) =>
        inMiddle(item, isBegin && i === 0, isEnd && i === n - 1),
      );
    }
    case "rep":
      return inMiddle(node.node, false, false);
    case "begin":
      return !isBegin;
    case "end":
      return !isEnd;
    default:
      return false;
  }
}

/** recheck's `everyBeginPointIsLineBegin` (`first`, `begin`) and `everyEndPointIsLineEnd`. */
function everyWay(
  node: PatternTree,
  side: "first" | "last",
  kind: "begin" | "end",
): boolean {
  if (node.t === "alt") return node.items.every((n) => everyWay(n, side, kind));
  if (node.t === "seq") {
    const item = side === "first" ? node.items[0] : node.items.at(-1);
    return item !== undefined && everyWay(item, side, kind);
  }
  return node.t === kind;
}

/** recheck's `everyBeginPointIsNotLineBegin` and `everyEndPointIsNotLineEnd`. */
function noWay(
  node: PatternTree,
  side: "first" | "last",
  kind: "begin" | "end",
): boolean {
  if (node.t === "alt") return node.items.every((n) => noWay(n, side, kind));
  if (node.t === "seq") {
    const item = side === "first" ? node.items[0] : node.items.at(-1);
    return item !== undefined && noWay(item, side, kind);
  }
  return node.t !== kind;
}
