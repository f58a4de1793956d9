import type { Path } from "../../model/pointer.js";
import type { SourceRef } from "../../model/types.js";
import { isRecord, type Node, type SourceDocument } from "../reader.js";

export type { Node };

export type RecordNode = Node<Record<string, unknown>>;

/** A node's member or element, its path made when first asked (most never are). */
class ChildNode implements Node {
  private made: Path | undefined;

  constructor(
    readonly value: unknown,
    readonly doc: SourceDocument,
    private readonly parent: Node,
    private readonly key: string | number,
  ) {}

  get path(): Path {
    return (this.made ??= [...this.parent.path, this.key]);
  }
}

export function child(node: RecordNode, key: string): Node {
  return new ChildNode(node.value[key], node.doc, node, key);
}

export function members(node: Node): [string, Node][] {
  if (!isRecordNode(node)) return [];
  return Object.keys(node.value).map((key) => [key, child(node, key)]);
}

export function elements(node: Node): Node[] {
  if (!Array.isArray(node.value)) return [];
  return node.value.map((value, i) => new ChildNode(value, node.doc, node, i));
}

export function isRecordNode(node: Node): node is RecordNode {
  return isRecord(node.value);
}

export function sourceOf(node: Pick<Node, "doc" | "path">): SourceRef {
  return node.doc.ref(node.path);
}

/**
 * A string member, or undefined when absent or not a scalar; a number or boolean (YAML reads `1.10`
 * and `0x1F` as numbers) is reported and read as the text written.
 */
export function stringAt(node: RecordNode, key: string): string | undefined {
  const value = node.value[key];
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean")
    return node.doc.textOf([...node.path, key], value);
  return undefined;
}

/** Copies each of `keys` that {@link stringAt} reads from `node` to `out`. */
export function copyStrings<K extends string>(
  out: { [key in K]?: string },
  node: RecordNode,
  ...keys: K[]
): void {
  for (const key of keys) {
    const text = stringAt(node, key);
    if (text !== undefined) out[key] = text;
  }
}

/** The strings of an array member (numbers and booleans as written, reported); others skipped. */
export function stringsAt(node: RecordNode, key: string): string[] | undefined {
  const value = node.value[key];
  if (!Array.isArray(value)) return undefined;
  const out: string[] = [];
  value.forEach((v: unknown, i) => {
    if (typeof v === "string") out.push(v);
    else if (typeof v === "number" || typeof v === "boolean")
      out.push(node.doc.textOf([...node.path, key, i], v));
  });
  return out;
}

/** YAML reads `version: 1.0` as a number; the model wants the text. */
export function scalarText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean")
    return String(value);
  return undefined;
}
