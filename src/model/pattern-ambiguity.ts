import {
  ALL,
  intersection,
  meet,
  patternTree,
  type CodePoints,
  type PatternTree,
} from "./pattern-tree.js";

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
 * `^`/`$` anywhere but at every start/end, `\b`. test/validators/pattern-fast-path.test.ts
 * proves it against recheck (fast-check, the shared corpus and GitHub's description).
 */
export function surelySafe(pattern: string): boolean {
  const tree = patternTree(pattern);
  if (tree === undefined) return false;
  // recheck's `isConstant` shortcut, and its automaton, miss what counts multiply
  if (countsMultiply(tree)) return false;
  if (isConstant(tree)) return true;
  if (usesWordBoundary(tree) || !anchorsAtEnds(tree)) return false;
  const parts: PatternTree[] = [tree];
  if (!everyWay(tree, "first", "begin")) parts.unshift(SIGMA_STAR);
  if (!everyWay(tree, "last", "end")) parts.push(SIGMA_STAR);
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
 * not multiply; `*` and `+` are left to the automaton; one count of 2 or 3 (in all) may. Read loosely (`\p{…}` as any character,
 * `\b` as nothing), which only adds paths, so anything it misses is not there.
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

/** Positions past which the automaton is not built (recheck is asked instead). */
const MAX_POSITIONS = 256;
/** Steps of the pair and triple searches past which recheck is asked instead. */
const MAX_STEPS = 200_000;

class NotModelled extends Error {}

interface Part {
  nullable: boolean;
  first: number[];
  last: number[];
}

/**
 * The position (Glushkov) automaton: state 0 starts, state k > 0 has read position k's set.
 * Counted repetitions are copied as recheck copies them (`x{2,4}` is `xx(x(x)?)?`).
 */
class PositionAutomaton {
  readonly sets: CodePoints[] = [ALL];
  readonly next: number[][] = [[]];
  private readonly edges = new Set<number>();
  private steps = 0;

  static of(tree: PatternTree): PositionAutomaton | undefined {
    const nfa = new PositionAutomaton();
    try {
      const whole = nfa.part(tree);
      nfa.link([0], whole.first);
      return nfa;
    } catch (error) {
      if (error instanceof NotModelled) return undefined;
      throw error;
    }
  }

  private link(from: readonly number[], to: readonly number[]): void {
    for (const p of from)
      for (const q of to) {
        const key = p * (MAX_POSITIONS + 1) + q;
        // a second ε-route between two positions: a multi-transition in recheck's automaton
        if (this.edges.has(key)) throw new NotModelled();
        this.edges.add(key);
        this.next[p]!.push(q);
      }
  }

  private part(node: PatternTree): Part {
    switch (node.t) {
      case "set": {
        const k = this.sets.push(node.set) - 1;
        if (k > MAX_POSITIONS) throw new NotModelled();
        this.next.push([]);
        return { nullable: false, first: [k], last: [k] };
      }
      case "begin":
      case "end":
        return { nullable: true, first: [], last: [] };
      case "word":
        throw new NotModelled();
      case "seq":
        return this.sequence(node.items.map((item) => () => this.part(item)));
      case "alt": {
        const parts = node.items.map((item) => this.part(item));
        if (parts.filter((p) => p.nullable).length > 1) throw new NotModelled();
        return {
          nullable: parts.some((p) => p.nullable),
          first: parts.flatMap((p) => p.first),
          last: parts.flatMap((p) => p.last),
        };
      }
      case "rep":
        return this.repetition(node.node, node.min, node.max, node.kind);
    }
  }

  private sequence(items: readonly (() => Part)[]): Part {
    let acc: Part = { nullable: true, first: [], last: [] };
    for (const item of items) {
      const part = item();
      this.link(acc.last, part.first);
      acc = {
        nullable: acc.nullable && part.nullable,
        first: acc.nullable ? [...acc.first, ...part.first] : acc.first,
        last: part.nullable ? [...acc.last, ...part.last] : part.last,
      };
    }
    return acc;
  }

  private repetition(
    body: PatternTree,
    min: number,
    max: number,
    kind: "*" | "+" | "?" | "{}",
  ): Part {
    if (kind === "*" || kind === "+") {
      const inner = this.part(body);
      if (inner.nullable) throw new NotModelled();
      this.link(inner.last, inner.first);
      return { ...inner, nullable: kind === "*" };
    }
    if (kind === "?") return this.optional(() => this.part(body));
    if (min > MAX_POSITIONS || (max !== Infinity && max > MAX_POSITIONS))
      throw new NotModelled();
    const copies = Array.from({ length: min }, () => () => this.part(body));
    if (max === Infinity)
      copies.push(() => this.repetition(body, 0, Infinity, "*"));
    else if (max > min) copies.push(() => this.nested(body, max - min));
    return this.sequence(copies);
  }

  /** `(x(x(x)?)?)?` for n copies of x. */
  private nested(body: PatternTree, n: number): Part {
    return this.optional(() =>
      this.sequence([
        () => this.part(body),
        ...(n > 1 ? [() => this.nested(body, n - 1)] : []),
      ]),
    );
  }

  private optional(make: () => Part): Part {
    const inner = make();
    if (inner.nullable) throw new NotModelled();
    return { ...inner, nullable: true };
  }

  private step(): void {
    if (++this.steps > MAX_STEPS) throw new NotModelled();
  }

  /** Strongly connected components (Tarjan's), as a component number per state. */
  private components(): number[] {
    const n = this.next.length;
    const index = new Array<number>(n).fill(-1);
    const low = new Array<number>(n).fill(0);
    const component = new Array<number>(n).fill(-1);
    const stack: number[] = [];
    let counter = 0;
    let count = 0;
    const visit = (v: number): void => {
      index[v] = low[v] = counter++;
      stack.push(v);
      for (const w of this.next[v]!) {
        if (index[w] === -1) {
          visit(w);
          low[v] = Math.min(low[v]!, low[w]!);
        } else if (component[w] === -1) low[v] = Math.min(low[v]!, index[w]!);
      }
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack.pop()!;
          component[w] = count;
        } while (w !== v);
        count++;
      }
    };
    for (let v = 0; v < n; v++) if (index[v] === -1) visit(v);
    return component;
  }

  private sccs?: number[];
  private get component(): number[] {
    return (this.sccs ??= this.components());
  }

  /** States on a cycle. */
  private loops(): number[] {
    const c = this.component;
    const size = new Map<number, number>();
    for (const k of c) size.set(k, (size.get(k) ?? 0) + 1);
    return c
      .map((k, q) => q)
      .filter((q) => size.get(c[q]!)! > 1 || this.next[q]!.includes(q));
  }

  /** {@link hasEda}, `true` past MAX_STEPS. */
  hasEdaOrGivesUp(): boolean {
    try {
      return this.hasEda();
    } catch (error) {
      if (error instanceof NotModelled) return true;
      throw error;
    }
  }

  /**
   * EDA: in one component, a pair of states (p, p) and (q, r), q ≠ r, on one cycle of the
   * automaton of pairs reading one word: two distinct cycles through p on the same word.
   */
  hasEda(): boolean {
    const c = this.component;
    for (const p of this.loops()) {
      // from (p, p): can the pairs come back to (p, p) through a pair of distinct states?
      const seen = new Set<number>();
      const n = this.next.length;
      const todo: [number, number, boolean][] = [[p, p, false]];
      while (todo.length > 0) {
        const [x, y, split] = todo.pop()!;
        for (const x2 of this.next[x]!) {
          if (c[x2] !== c[p]) continue;
          for (const y2 of this.next[y]!) {
            if (c[y2] !== c[p] || !meet(this.sets[x2]!, this.sets[y2]!))
              continue;
            this.step();
            const split2 = split || x2 !== y2;
            if (x2 === p && y2 === p && split2) return true;
            const key = (x2 * n + y2) * 2 + (split2 ? 1 : 0);
            if (seen.has(key)) continue;
            seen.add(key);
            todo.push([x2, y2, split2]);
          }
        }
      }
    }
    return false;
  }

  /**
   * IDA: states p ≠ q on cycles, and a word w leading p to p, p to q and q to q. Asked only
   * without EDA, so p and q are in distinct components: were they in one (q leads back to p on
   * some v), p would have two distinct cycles on w w v (p p q p and p q q p), an EDA.
   */
  hasIda(): boolean {
    const c = this.component;
    const loops = this.loops();
    const n = this.next.length;
    // the characters two positions share, made once per pair
    const shared = new Map<number, CodePoints>();
    const both = (x: number, y: number): CodePoints => {
      let set = shared.get(x * n + y);
      if (set === undefined)
        shared.set(
          x * n + y,
          (set = intersection(this.sets[x]!, this.sets[y]!)),
        );
      return set;
    };
    for (const p of loops)
      for (const q of loops) {
        if (c[p] === c[q]) continue;
        const seen = new Set<number>();
        const todo: [number, number, number][] = [[p, p, q]];
        while (todo.length > 0) {
          const [x, y, z] = todo.pop()!;
          for (const x2 of this.next[x]!) {
            if (c[x2] !== c[p]) continue;
            for (const y2 of this.next[y]!) {
              const xy = both(x2, y2);
              if (xy.length === 0) continue;
              for (const z2 of this.next[z]!) {
                if (c[z2] !== c[q] || !meet(xy, this.sets[z2]!)) continue;
                this.step();
                if (x2 === p && y2 === q && z2 === q) return true;
                const key = (x2 * n + y2) * n + z2;
                if (seen.has(key)) continue;
                seen.add(key);
                todo.push([x2, y2, z2]);
              }
            }
          }
        }
      }
    return false;
  }
}
