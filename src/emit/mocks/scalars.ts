import {
  isInt64,
  isRevivableDate,
  revivableExample,
  type Plan,
  type PlanNode,
  type ScalarChoices,
} from "../toolkit.js";

// the rules of what revives are the model's (model/schema/scalars.ts), which the docs' examples share
export { isRevivableDate, revivableExample };

/*
 * Mocks with `dates: "Date"` and `int64: "bigint"`: the client revives a mock's JSON by its plan,
 * so an example that would not revive (the runtime's toDate rules) is not used.
 */

const MAX_DEPTH = 512;

/**
 * Where `value` (JSON, as a mock answers it) holds what the client could not revive by `plan`
 * (`/at: "yesterday" is no date-time`); undefined when it holds none.
 */
export function unrevivable(
  value: unknown,
  plan: Plan | undefined,
  named: readonly PlanNode[],
  at = "",
  depth = 0,
): string | undefined {
  const node = typeof plan === "number" ? named[plan] : plan;
  if (node === undefined || depth >= MAX_DEPTH) return undefined;
  if (typeof value === "string")
    return node.s && !isRevivableDate(value, node.s)
      ? `${at || "/"}: ${JSON.stringify(value)} is no ${node.s === "d" ? "date" : "date-time"}`
      : undefined;
  if (typeof value === "number")
    return node.i && !isInt64(value)
      ? `${at || "/"}: ${value} is no int64`
      : undefined;
  if (typeof value !== "object" || value === null) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unrevivable(
        value[i],
        node.t?.[i] ?? node.e,
        named,
        `${at}/${i}`,
        depth + 1,
      );
      if (found) return found;
    }
    return undefined;
  }
  for (const [key, item] of Object.entries(value)) {
    const member = node.p && Object.hasOwn(node.p, key) ? node.p[key] : node.r;
    const found = unrevivable(
      item,
      member,
      named,
      `${at}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`,
      depth + 1,
    );
    if (found) return found;
  }
  return undefined;
}
