/** Type expressions as a tree: the printer lays them out, with parentheses from precedence. */
export type TypeNode =
  | { kind: "raw"; text: string }
  | { kind: "union"; members: TypeNode[] }
  | { kind: "intersection"; members: TypeNode[] }
  | { kind: "array"; element: TypeNode }
  | {
      kind: "tuple";
      elements: TypeNode[];
      /** How many leading elements are present (the rest are `T?`); all when absent. */
      required?: number;
      rest?: TypeNode;
    }
  | {
      kind: "object";
      members: ObjectMember[];
      index?: TypeNode;
      inline?: boolean;
    }
  | { kind: "record"; value: TypeNode };

export interface ObjectMember {
  /** The property name as the schema spells it (quoted by the printer when needed). */
  name: string;
  optional: boolean;
  type: TypeNode;
  /** JSDoc lines, already escaped. */
  doc?: string[];
}

/**
 * A member. tsc reads a value without an own `constructor` (`toString`, …: TypeScript's `Object`)
 * as having Object's, so an optional one admits that too (`{}` was no `{ constructor?: number }`).
 */
export function member(
  name: string,
  optional: boolean,
  type: TypeNode,
  doc?: string[],
): ObjectMember {
  if (
    optional &&
    /^(constructor|toString|toLocaleString|valueOf|hasOwnProperty|isPrototypeOf|propertyIsEnumerable)$/.test(
      name,
    )
  )
    type = union([type, raw(`Object["${name}"]`)]);
  return { name, optional, type, doc };
}

export const UNKNOWN: TypeNode = raw("unknown");
export const NEVER: TypeNode = raw("never");

export function raw(text: string): TypeNode {
  return { kind: "raw", text };
}

/** A union without duplicates (`Pet[] | Pet[]` is `Pet[]`); one member stays itself. */
export function union(members: TypeNode[]): TypeNode {
  const flat = members.some((m) => m.kind === "union")
    ? members.flatMap((m) => (m.kind === "union" ? m.members : [m]))
    : members;
  const kept: TypeNode[] = [];
  const seen = new Set<string>();
  for (const [i, m] of flat.entries()) {
    if (isUnknownType(m)) return UNKNOWN;
    // compared by whole structure (docs included) only with a node of its kind: nested object
    // types would otherwise be serialised once per level
    const key =
      m.kind === "raw"
        ? m.text
        : flat.some((other, j) => j !== i && other.kind === m.kind)
          ? `\0${JSON.stringify(m)}`
          : undefined;
    if (key !== undefined) {
      if (seen.has(key)) continue;
      seen.add(key);
    }
    kept.push(m);
  }
  if (kept.length === 0) return NEVER;
  return kept.length === 1 ? kept[0]! : { kind: "union", members: kept };
}

export function intersection(members: TypeNode[]): TypeNode {
  const useful = members
    .flatMap((m) => (m.kind === "intersection" ? m.members : [m]))
    .filter((m) => !isUnknownType(m));
  if (useful.length === 0) return UNKNOWN;
  if (useful.length === 1) return useful[0]!;
  return { kind: "intersection", members: useful };
}

export function isUnknownType(node: TypeNode): boolean {
  return node.kind === "raw" && node.text === "unknown";
}

export function isNullType(node: TypeNode): boolean {
  return node.kind === "raw" && node.text === "null";
}

/** Whether `node` holds the raw type `text` anywhere (`Blob` in `{ file: Blob | string }`). */
export function mentions(node: TypeNode, text: string): boolean {
  switch (node.kind) {
    case "raw":
      return node.text === text;
    case "union":
    case "intersection":
      return node.members.some((m) => mentions(m, text));
    case "array":
      return mentions(node.element, text);
    case "tuple":
      return (
        node.elements.some((e) => mentions(e, text)) ||
        (node.rest !== undefined && mentions(node.rest, text))
      );
    case "object":
      return (
        node.members.some((m) => mentions(m.type, text)) ||
        (node.index !== undefined && mentions(node.index, text))
      );
    case "record":
      return mentions(node.value, text);
  }
}
