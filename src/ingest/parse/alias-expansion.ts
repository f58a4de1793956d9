import type { Path } from "../../model/pointer.js";

/**
 * YAML aliases make a value a graph ("billion laughs"; `a: &a {b: *a}` is infinite), and all after
 * parsing walks values as trees: aliases may add at most {@link ALIAS_EXPANSION_LIMIT} nodes, and
 * none may sit inside its own anchor. One iterative pass over the distinct nodes, linear in text.
 */
export const ALIAS_EXPANSION_LIMIT = 1_000_000;

interface Frame {
  node: object;
  keys: readonly (string | number)[];
  next: number;
  /** This node's size expanded: itself plus the expanded size of every entry seen so far. */
  size: number;
  key: string | number | undefined;
}

/**
 * The first alias that closes a cycle or passes `limit`: the path of the entry holding it, and the
 * nodes aliases added up to and including it; undefined when there is none.
 */
export function checkAliasExpansion(
  root: unknown,
  limit = ALIAS_EXPANSION_LIMIT,
) {
  if (typeof root !== "object" || root === null) return undefined;
  const done = new Map<object, number>(); // node → expanded size
  const open = new Set<object>();
  const stack: Frame[] = [frame(root, undefined)];
  open.add(root);
  let added = 0;
  const pathTo = (key: string | number): Path => [
    ...stack.slice(1).map((f) => f.key!),
    key,
  ];
  while (stack.length > 0) {
    const top = stack.at(-1)!;
    if (top.next === top.keys.length) {
      stack.pop();
      open.delete(top.node);
      done.set(top.node, top.size);
      if (stack.length > 0) stack.at(-1)!.size += top.size;
      continue;
    }
    const key = top.keys[top.next++]!;
    const child = (top.node as Record<string | number, unknown>)[key];
    if (typeof child !== "object" || child === null) {
      top.size += 1;
      continue;
    }
    if (open.has(child)) return { kind: "cycle", path: pathTo(key), added };
    const size = done.get(child);
    if (size !== undefined) {
      // met before: an alias (or a merge key's copy sharing it), expanded once more here
      added += size;
      top.size += size;
      if (added > limit) return { kind: "limit", path: pathTo(key), added };
      continue;
    }
    open.add(child);
    stack.push(frame(child, key));
  }
  return undefined;
}

function frame(node: object, key: string | number | undefined): Frame {
  return {
    node,
    keys: Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node),
    next: 0,
    size: 1,
    key,
  };
}
