import { refTarget, walkSchema } from "./schema.js";
import type { NamedSchema, Schema } from "./types.js";

function isSchemaObject(value: unknown): value is Schema {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Names of the named schemas that reach themselves through `$ref`s (directly or through
 * others): an emitter that writes such a schema's type must not use a construct that TypeScript
 * resolves eagerly (a `Record<>` alias of itself is TS2456).
 */
export function recursiveSchemaNames(
  schemas: Readonly<Record<string, NamedSchema>>,
): Set<string> {
  const edges = new Map<string, string[]>();
  for (const [name, named] of Object.entries(schemas)) {
    const targets = new Set<string>();
    walkSchema(named.schema, (s) => {
      if (isSchemaObject(s) && typeof s.$ref === "string") {
        const target = refTarget(schemas, s.$ref);
        if (target) targets.add(target.name);
      }
    });
    edges.set(name, [...targets]);
  }
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
