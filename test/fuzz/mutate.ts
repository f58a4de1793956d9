import fc from "fast-check";

/**
 * Random damage to a real document: delete, duplicate, retype and move nodes. A mutation is data
 * (an operation and indexes into the tree's node list), so fast-check can shrink it.
 */
export type Mutation =
  | { op: "delete"; at: number }
  | { op: "duplicate"; at: number; to: number; key: string }
  | { op: "retype"; at: number; value: unknown }
  | { op: "move"; at: number; to: number; key: string };

export const mutation = (key: fc.Arbitrary<string>): fc.Arbitrary<Mutation> =>
  fc.oneof(
    fc.record({ op: fc.constant("delete" as const), at: fc.nat() }),
    fc.record({
      op: fc.constant("duplicate" as const),
      at: fc.nat(),
      to: fc.nat(),
      key,
    }),
    fc.record({
      op: fc.constant("retype" as const),
      at: fc.nat(),
      value: fc.oneof(
        fc.jsonValue({ maxDepth: 2 }),
        fc.constant(null),
        fc.constant({}),
        fc.constant([]),
      ),
    }),
    fc.record({
      op: fc.constant("move" as const),
      at: fc.nat(),
      to: fc.nat(),
      key,
    }),
  );

type Container = Record<string, unknown> | unknown[];

interface Slot {
  parent: Container;
  key: string | number;
}

/** Every member and element below the root, in document order (at most `limit`). */
function slots(root: unknown, limit = 50_000): Slot[] {
  const out: Slot[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0 && out.length < limit) {
    const node = stack.pop();
    if (typeof node !== "object" || node === null) continue;
    const keys = Array.isArray(node)
      ? node.map((_, i) => i)
      : Object.keys(node);
    for (const key of keys) {
      out.push({ parent: node as Container, key });
      stack.push((node as Record<string | number, unknown>)[key]);
    }
  }
  return out;
}

function containers(root: unknown): Container[] {
  const out: Container[] = [];
  if (typeof root === "object" && root !== null) out.push(root as Container);
  for (const slot of slots(root)) {
    const v = (slot.parent as Record<string | number, unknown>)[slot.key];
    if (typeof v === "object" && v !== null) out.push(v as Container);
  }
  return out;
}

function put(into: Container, key: string, value: unknown): void {
  if (Array.isArray(into)) into.push(value);
  else
    Object.defineProperty(into, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
}

/** Applies the mutations to a deep copy of `value` and returns it. */
export function applyMutations(
  value: unknown,
  mutations: readonly Mutation[],
): unknown {
  const root = structuredClone(value);
  for (const m of mutations) {
    const all = slots(root);
    if (all.length === 0) break;
    const slot = all[m.at % all.length]!;
    const current = (slot.parent as Record<string | number, unknown>)[slot.key];
    switch (m.op) {
      case "delete":
        if (Array.isArray(slot.parent))
          slot.parent.splice(slot.key as number, 1);
        else delete slot.parent[slot.key as string];
        break;
      case "retype":
        (slot.parent as Record<string | number, unknown>)[slot.key] =
          structuredClone(m.value);
        break;
      case "duplicate":
      case "move": {
        const targets = containers(root);
        const into = targets[m.to % targets.length]!;
        if (m.op === "move") {
          if (Array.isArray(slot.parent))
            slot.parent.splice(slot.key as number, 1);
          else delete slot.parent[slot.key as string];
        }
        // a copy, never the node itself: the value stays a tree, as a parser makes it
        put(into, m.key, structuredClone(current));
        break;
      }
    }
  }
  return root;
}
