import { patternTree } from "./sets.js";
import { someNode, type PatternSyntax } from "./syntax.js";
import {
  NotModelled,
  PositionAutomaton,
  WorkBudget,
} from "./position-automaton.js";

/**
 * How a backtracking engine may take on a pattern: `linear` is proved; `exponential` and
 * `polynomial` name the structure found; `unknown` is a pattern not read within the budget (a
 * backreference, groups nested past 100, an automaton past 256 positions).
 */
export type Backtracking = "linear" | "exponential" | "polynomial" | "unknown";

/** With the step budget, the bound on the work one pattern may cost, whatever the machine. */
export const MAX_PATTERN_LENGTH = 10_000;

/**
 * Whether `pattern` (known to compile with `flags`) can make a backtracking engine take more than
 * linear time, within a step budget (not a clock: one verdict on every machine; docs/validation.md).
 */
export function backtracking(pattern: string, flags: "u" | "" = "u") {
  if (pattern.length > MAX_PATTERN_LENGTH) return "unknown";
  const tree = patternTree(pattern, flags);
  return tree === undefined ? "unknown" : verdictOf(tree, new WorkBudget());
}

function verdictOf(tree: PatternSyntax, budget: WorkBudget): Backtracking {
  try {
    if (countsMultiply(tree, budget)) return "exponential";
    if (!lookaroundLinear(tree, budget)) return "unknown";
    // the lookarounds proved, what is left is read without them
    tree = withoutLookaround(tree);
    if (isConstant(tree)) return "linear";
    const openStart = !everyWayBegins(tree);
    const counted = someNode(tree, (n) => n.t === "rep" && n.kind === "{}");
    if (
      counted &&
      automatonVerdict(uncounted(tree), openStart, budget) === "linear"
    )
      return "linear";
    return automatonVerdict(tree, openStart, budget);
  } catch (error) {
    if (error instanceof NotModelled) return "unknown";
    throw error;
  }
}

/** The verdict of `tree`'s automaton (a `[^]*` before it when `openStart`). */
function automatonVerdict(
  tree: PatternSyntax,
  openStart: boolean,
  budget: WorkBudget,
): Backtracking {
  const nfa = PositionAutomaton.of(
    openStart ? { t: "seq", items: [SIGMA_STAR, tree] } : tree,
    budget,
  );
  if (nfa === undefined) return "unknown";
  // before a match: the states that are not one; after it: those reachable from a match, but
  // the `[^]*` before (position 1), which reads on only after a failed start
  const matched = nfa.matches();
  const after = nfa.reachableFrom(matched, openStart ? 1 : undefined);
  for (const part of [nfa.without(matched), after]) {
    // hasIda relies on hasEda's answer: asked second
    if (part.hasEda()) return "exponential";
    if (part.hasIda()) return "polynomial";
  }
  return "linear";
}

/** Whether each lookaround's body keeps the whole linear (docs/validation.md, "Lookaround"). */
function lookaroundLinear(tree: PatternSyntax, budget: WorkBudget): boolean {
  const bodyLinear = (body: PatternSyntax) =>
    verdictOf({ t: "seq", items: [BEGIN, body] }, budget) === "linear";
  // whether `node` is linear in its lookarounds, reached at a bounded number of places when
  // `fixed`; the answer's `fixed`: whether the places after it are bounded too
  const walk = (
    node: PatternSyntax,
    fixed: boolean,
  ): { ok: boolean; fixed: boolean } => {
    switch (node.t) {
      case "seq": {
        for (const item of node.items) {
          const after = walk(item, fixed);
          if (!after.ok) return after;
          fixed = after.fixed;
        }
        return { ok: true, fixed };
      }
      case "alt": {
        const ways = node.items.map((item) => walk(item, fixed));
        return {
          ok: ways.every((way) => way.ok),
          fixed: ways.every((way) => way.fixed),
        };
      }
      case "rep": {
        const bounded = node.max !== Infinity;
        const inner = walk(node.node, fixed && bounded);
        return { ok: inner.ok, fixed: fixed && bounded && inner.fixed };
      }
      case "assert":
        return { ok: true, fixed: fixed || node.k === 0 };
      case "look": {
        const anchored = !node.behind && everyWayBegins(node.node);
        const ok =
          walk(node.node, fixed || anchored).ok &&
          ((isConstant(node.node) && !countsMultiply(node.node, budget)) ||
            ((fixed || anchored) && bodyLinear(node.node)));
        return { ok, fixed: fixed || (anchored && !node.negative) };
      }
      default:
        return { ok: true, fixed };
    }
  };
  return walk(tree, false).ok;
}

const EMPTY: PatternSyntax = { t: "seq", items: [] };
/** `^` */
const BEGIN: PatternSyntax = { t: "assert", k: 0 };
/** ε with something to assert (the automaton's sure end stops at it): `\b` stands for all. */
const ASSERTION: PatternSyntax = { t: "assert", k: 2 };

/**
 * `tree` with each lookaround read as an assertion that matches no character, and runs of
 * them as one (`(?:(?=a)|(?=b))` is one assertion, not two ε-branches the automaton refuses).
 */
function withoutLookaround(node: PatternSyntax): PatternSyntax {
  switch (node.t) {
    case "look":
      return ASSERTION;
    case "assert":
      return node.k >= 2 ? ASSERTION : node;
    case "seq": {
      const items: PatternSyntax[] = [];
      for (const item of node.items.map(withoutLookaround))
        if (item === EMPTY) continue;
        else if (item !== ASSERTION || items.at(-1) !== ASSERTION)
          items.push(item);
      return items.length === 0
        ? EMPTY
        : items.length === 1 && items[0] === ASSERTION
          ? ASSERTION
          : { t: "seq", items };
    }
    case "alt": {
      const items = node.items.map(withoutLookaround);
      if (items.every((n) => n === EMPTY)) return EMPTY;
      if (items.every((n) => n === EMPTY || n === ASSERTION)) return ASSERTION;
      return { t: "alt", items };
    }
    case "rep":
      return { ...node, node: withoutLookaround(node.node) };
    default:
      return node;
  }
}

/**
 * `tree` with each count `X{m,n}` read as `X*` (m = 0) or `X+` (docs/validation.md, "Counts"):
 * built out, the copies can pass the 256 positions (`[a-z0-9]{1,63}` nested in `{1,127}`).
 */
function uncounted(node: PatternSyntax): PatternSyntax {
  switch (node.t) {
    case "seq":
    case "alt":
      return { t: node.t, items: node.items.map(uncounted) };
    case "rep":
      return node.kind !== "{}"
        ? { ...node, node: uncounted(node.node) }
        : loop(uncounted(node.node), node.min > 0);
    default:
      return node;
  }
}

/**
 * Whether a count may multiply the ways to match a text (`^(a|a?){25}$`), which an automaton's
 * cycles miss; true unless shown not to (docs/validation.md, "Counts").
 */
export function countsMultiply(tree: PatternSyntax, budget = new WorkBudget()) {
  // one count of 2 or 3 may multiply: k^3 paths, as many as the body written out three times
  // (URI_IPV6's `(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}`, where `15.` has two)
  let room = MULTIPLYING;
  const multiplies = (node: PatternSyntax): boolean => {
    switch (node.t) {
      case "seq":
      case "alt":
        return node.items.some(multiplies);
      case "rep": {
        if (multiplies(node.node)) return true;
        if (node.kind !== "{}" || node.max <= 1) return false;
        const star = PositionAutomaton.of(loop(node.node, false), budget);
        if (star !== undefined && !star.hasEda()) return false;
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

/** `node*`, or `node+` when `plus`. */
function loop(node: PatternSyntax, plus: boolean): PatternSyntax {
  const [min, kind] = plus ? [1, "+" as const] : [0, "*" as const];
  return { t: "rep", node, min, max: Infinity, kind };
}

const SIGMA_STAR = loop(
  { t: "class", text: "[^]", negated: true, items: [] },
  false,
);

/** No unbounded repetition anywhere, lookaround bodies included. */
const isConstant = (node: PatternSyntax) =>
  !someNode(node, (n) => n.t === "rep" && n.max === Infinity);

/** Whether every way into `node` starts with `^`. */
function everyWayBegins(node: PatternSyntax): boolean {
  if (node.t === "alt") return node.items.every(everyWayBegins);
  if (node.t === "seq")
    return node.items.length > 0 && everyWayBegins(node.items[0]!);
  return node.t === "assert" && node.k === 0;
}
