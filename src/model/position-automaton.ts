// The position (Glushkov) automaton of a pattern tree, and the searches recheck's automaton
// checker makes on its own (EDA, IDA), for pattern-ambiguity.ts's fast path.
import {
  ALL,
  intersection,
  meet,
  type CodePoints,
  type PatternTree,
} from "./pattern-tree.js";

/** Positions past which the automaton is not built (recheck is asked instead). */
const MAX_POSITIONS = 256;
/** Steps of the pair and triple searches past which recheck is asked instead. */
const MAX_STEPS = 200_000;

/** A pattern or a search the automaton does not model (recheck is asked instead). */
export class NotModelled extends Error {}

interface Part {
  nullable: boolean;
  first: number[];
  last: number[];
}

/**
 * The position (Glushkov) automaton: state 0 starts, state k > 0 has read position k's set.
 * Counted repetitions are copied as recheck copies them (`x{2,4}` is `xx(x(x)?)?`).
 */
export class PositionAutomaton {
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
