import { ALL, charSet, intersection, type CodePoints } from "./sets.js";
import type { PatternSyntax } from "./syntax.js";
import { stronglyConnected } from "../schema/recursion.js";

/** Positions past which an automaton is not built. */
const MAX_POSITIONS = 256;

/** The work one pattern's analysis may do, in steps: a verdict costs the same on every machine. */
export class WorkBudget {
  private left = 2_000_000;
  spend(steps = 1): void {
    if ((this.left -= steps) < 0) throw new OverBudget();
  }
}

/** A pattern or a search the automaton does not model. */
export class NotModelled extends Error {}

/** Past the {@link WorkBudget}: nothing more is decided for that pattern. */
export class OverBudget extends NotModelled {}

interface Part {
  nullable: boolean;
  first: number[];
  last: number[];
  /** Whether the part matches the empty text with nothing to assert (no `^ $ \b`, lookaround). */
  sureNullable: boolean;
  /** The last positions after which nothing is left to assert. */
  sureLast: number[];
}

/**
 * The position (Glushkov) automaton of a pattern tree, where ambiguity.ts looks for EDA and IDA:
 * state 0 starts, state k > 0 has read position k's set. Counted repetitions are copied (`x{2,4}`
 * is `xx(x(x)?)?`). Assertions (`^ $ \b`, lookaround) are ε: more paths, which can only find more.
 */
export class PositionAutomaton {
  private sets: CodePoints[] = [ALL];
  private next: number[][] = [[]];
  private readonly edges = new Set<number>();
  /** The states after which the pattern may end with nothing left to assert. */
  private sure: number[] = [];
  /** Edges made a second time (two ε-routes between two positions). */
  private twice: [number, number][] = [];

  private constructor(private readonly budget: WorkBudget) {}

  static of(tree: PatternSyntax, budget = new WorkBudget()) {
    const nfa = new PositionAutomaton(budget);
    try {
      const whole = nfa.part(tree);
      nfa.link([0], whole.first);
      nfa.sure = whole.sureNullable ? [0, ...whole.sureLast] : whole.sureLast;
      return nfa;
    } catch (error) {
      if (error instanceof NotModelled && !(error instanceof OverBudget))
        return undefined;
      throw error;
    }
  }

  /** The states entering which is a match of a pattern that may end anywhere. */
  matches(): ReadonlySet<number> {
    return new Set(this.sure);
  }

  /** The automaton with the edges among the states `keep` holds only. */
  private restricted(keep: (q: number) => boolean): PositionAutomaton {
    const nfa = new PositionAutomaton(this.budget);
    // the sets shared: an automaton is built once, then only read
    nfa.sets = this.sets;
    nfa.next = this.next.map((next, q) => (keep(q) ? next.filter(keep) : []));
    nfa.twice = this.twice.filter(([p, q]) => keep(p) && keep(q));
    return nfa;
  }

  without(states: ReadonlySet<number>): PositionAutomaton {
    return this.restricted((q) => !states.has(q));
  }

  /** The part of the automaton reachable from `states`, never entering `avoid`. */
  reachableFrom(states: ReadonlySet<number>, avoid?: number) {
    const reached = new Set([...states].filter((q) => q !== avoid));
    const todo = [...reached];
    while (todo.length > 0)
      for (const q of this.next[todo.pop()!]!)
        if (!reached.has(q) && q !== avoid) {
          reached.add(q);
          todo.push(q);
        }
    return this.restricted((q) => reached.has(q));
  }

  private link(from: readonly number[], to: readonly number[]): void {
    for (const p of from)
      for (const q of to) {
        const key = p * (MAX_POSITIONS + 1) + q;
        // a second ε-route between two positions (`(a+)+`): two paths on one word, for hasEda
        if (this.edges.has(key)) this.twice.push([p, q]);
        else {
          this.edges.add(key);
          this.next[p]!.push(q);
        }
      }
  }

  private part(node: PatternSyntax): Part {
    switch (node.t) {
      case "char":
      case "class":
      case "escape":
      case "property":
      case "dot": {
        const k = this.sets.push(charSet(node)) - 1;
        if (k > MAX_POSITIONS) throw new NotModelled();
        this.budget.spend();
        this.next.push([]);
        return {
          nullable: false,
          first: [k],
          last: [k],
          sureNullable: false,
          sureLast: [k],
        };
      }
      case "assert":
      case "look":
        // ε, with something to assert
        return { ...this.sequence([]), sureNullable: false };
      case "seq":
        return this.sequence(node.items.map((item) => () => this.part(item)));
      case "alt": {
        const parts = node.items.map((item) => this.part(item));
        if (parts.filter((p) => p.nullable).length > 1) throw new NotModelled();
        return {
          nullable: parts.some((p) => p.nullable),
          first: parts.flatMap((p) => p.first),
          last: parts.flatMap((p) => p.last),
          sureNullable: parts.some((p) => p.sureNullable),
          sureLast: parts.flatMap((p) => p.sureLast),
        };
      }
      case "rep":
        return this.repetition(node.node, node.min, node.max, node.kind);
    }
  }

  private sequence(items: readonly (() => Part)[]): Part {
    let acc: Part = {
      nullable: true,
      first: [],
      last: [],
      sureNullable: true,
      sureLast: [],
    };
    for (const item of items) {
      const part = item();
      this.link(acc.last, part.first);
      acc = {
        nullable: acc.nullable && part.nullable,
        first: acc.nullable ? [...acc.first, ...part.first] : acc.first,
        last: part.nullable ? [...acc.last, ...part.last] : part.last,
        sureNullable: acc.sureNullable && part.sureNullable,
        sureLast: part.sureNullable
          ? [...acc.sureLast, ...part.sureLast]
          : part.sureLast,
      };
    }
    return acc;
  }

  private repetition(
    body: PatternSyntax,
    min: number,
    max: number,
    kind: "*" | "+" | "?" | "{}",
  ): Part {
    if (kind === "*" || kind === "+") {
      const inner = this.part(body);
      if (inner.nullable) throw new NotModelled();
      this.link(inner.last, inner.first);
      return {
        ...inner,
        nullable: kind === "*",
        sureNullable: kind === "*" || inner.sureNullable,
      };
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
  private nested(body: PatternSyntax, n: number): Part {
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
    return { ...inner, nullable: true, sureNullable: true };
  }

  /** Each state's strongly connected component (`c`), and the states on a cycle, in order. */
  private components() {
    const c = new Array<number>(this.next.length);
    const loops: number[] = [];
    stronglyConnected(this.next.keys(), (q) => this.next[q]!).forEach(
      (states, k) => {
        for (const q of states) {
          c[q] = k;
          if (states.length > 1 || this.next[q]!.includes(q)) loops.push(q);
        }
      },
    );
    return { c, loops: loops.sort((p, q) => p - q) };
  }

  /**
   * EDA: in one component, a pair of states (p, p) and (q, r), q ≠ r, on one cycle of the
   * automaton of pairs reading one word: two distinct cycles through p on the same word.
   */
  hasEda(): boolean {
    const { c, loops } = this.components();
    // an edge made twice on a cycle: two distinct cycles through it on one word
    if (this.twice.some(([p, q]) => c[p] === c[q])) return true;
    for (const p of loops) {
      // from (p, p): can the pairs come back to (p, p) through a pair of distinct states?
      const seen = new Set<number>();
      const n = this.next.length;
      const todo: [number, number, boolean][] = [[p, p, false]];
      while (todo.length > 0) {
        const [x, y, split] = todo.pop()!;
        for (const x2 of this.next[x]!) {
          if (c[x2] !== c[p]) continue;
          for (const y2 of this.next[y]!) {
            this.budget.spend();
            if (c[y2] !== c[p]) continue;
            if (!intersection(this.sets[x2]!, this.sets[y2]!).length) continue;
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
    const { c, loops } = this.components();
    const n = this.next.length;
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
              this.budget.spend();
              const xy = intersection(this.sets[x2]!, this.sets[y2]!);
              if (xy.length === 0) continue;
              for (const z2 of this.next[z]!) {
                this.budget.spend();
                if (c[z2] !== c[q]) continue;
                if (!intersection(xy, this.sets[z2]!).length) continue;
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
