import type { NamedSchema } from "../types.js";

/**
 * Names of the named schemas that reach themselves through `$ref`s (`refs`, dangling ones too):
 * their types must not use what TypeScript resolves eagerly (a `Record<>` alias of itself: TS2456).
 */
export function recursiveSchemaNames(
  schemas: Readonly<Record<string, NamedSchema>>,
  refs: ReadonlyMap<string, ReadonlySet<string>>,
): Set<string> {
  const edges = new Map<string, string[]>(
    Object.keys(schemas).map((name) => [
      name,
      [...(refs.get(name) ?? [])]
        .filter((target) => Object.hasOwn(schemas, target))
        .map((target) => schemas[target]!.name),
    ]),
  );
  const components = stronglyConnected(edges.keys(), (n) => edges.get(n)!);
  const cycles = components.filter(
    (c) => c.length > 1 || edges.get(c[0]!)!.includes(c[0]!),
  );
  return new Set(cycles.flat());
}

/**
 * The strongly connected components of the graph `next` makes of `nodes`, each after every
 * component it leads to: Tarjan's, iteratively, so that a deep chain stays off the call stack.
 */
export function stronglyConnected<T>(
  nodes: Iterable<T>,
  next: (node: T) => readonly T[],
): T[][] {
  const index = new Map<T, number>();
  const low = new Map<T, number>();
  const onStack = new Set<T>();
  const stack: T[] = [];
  const work: [T, number][] = [];
  const out: T[][] = [];
  const open = (node: T) => {
    low.set(node, index.size);
    index.set(node, index.size);
    stack.push(node);
    onStack.add(node);
    work.push([node, 0]);
  };
  for (const root of nodes) {
    if (index.has(root)) continue;
    open(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const [node, i] = frame;
      const targets = next(node);
      if (i < targets.length) {
        frame[1]++;
        const t = targets[i]!;
        if (!index.has(t)) open(t);
        else if (onStack.has(t))
          low.set(node, Math.min(low.get(node)!, index.get(t)!));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1]![0];
        low.set(parent, Math.min(low.get(parent)!, low.get(node)!));
      }
      if (low.get(node) === index.get(node)) {
        const component: T[] = [];
        let member: T;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== node);
        out.push(component);
      }
    }
  }
  return out;
}
