import type { NamedSchema } from "../types.js";

/**
 * Names of the named schemas that reach themselves through `$ref`s (directly or through
 * others): an emitter that writes such a schema's type must not use a construct that TypeScript
 * resolves eagerly (a `Record<>` alias of itself is TS2456). `refs` holds each named schema's
 * `$ref` target names (as `schemaRefName` reads them, dangling ones included), from the walk
 * of every named schema the types make (`schemaFacts`).
 */
export function recursiveSchemaNames(
  schemas: Readonly<Record<string, NamedSchema>>,
  refs: ReadonlyMap<string, ReadonlySet<string>>,
): Set<string> {
  const edges = edgesFrom(schemas, refs);
  // Tarjan's strongly connected components, iteratively (deep chains stay off the call stack)
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out = new Set<string>();
  let next = 0;
  for (const root of edges.keys()) {
    if (index.has(root)) continue;
    const work: [string, number][] = [[root, 0]];
    index.set(root, next);
    low.set(root, next++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const [node, i] = frame;
      const targets = edges.get(node) ?? [];
      if (i < targets.length) {
        frame[1]++;
        const t = targets[i]!;
        if (!index.has(t)) {
          index.set(t, next);
          low.set(t, next++);
          stack.push(t);
          onStack.add(t);
          work.push([t, 0]);
        } else if (onStack.has(t))
          low.set(node, Math.min(low.get(node)!, index.get(t)!));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1]![0];
        low.set(parent, Math.min(low.get(parent)!, low.get(node)!));
      }
      if (low.get(node) === index.get(node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== node);
        const selfLoop = (edges.get(node) ?? []).includes(node);
        if (component.length > 1 || selfLoop)
          for (const m of component) out.add(m);
      }
    }
  }
  return out;
}

/** Each named schema's `$ref` targets that are named schemas: the dangling ones left out. */
function edgesFrom(
  schemas: Readonly<Record<string, NamedSchema>>,
  refs: ReadonlyMap<string, ReadonlySet<string>>,
): Map<string, string[]> {
  const edges = new Map<string, string[]>();
  for (const name of Object.keys(schemas)) {
    const targets: string[] = [];
    for (const target of refs.get(name) ?? [])
      if (Object.hasOwn(schemas, target)) targets.push(schemas[target]!.name);
    edges.set(name, targets);
  }
  return edges;
}
