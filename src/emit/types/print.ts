import { PRINT_WIDTH, propertyKey, stringLiteral } from "../shared/literals.js";
import type { ObjectMember, TypeNode } from "./type-node.js";

/**
 * Prints type nodes exactly as prettier 3 (default options) lays them out, so generated files
 * survive `prettier --check` without running prettier: flat when the line fits in 80 columns,
 * otherwise the broken shape prettier picks for that kind of node in that position
 * (prettier's printUnionType/printIntersectionType and the assignment layouts).
 * Object types are always written expanded (one member per line) because prettier keeps an
 * object expanded when its source is; that makes most decisions local.
 */

const pad = (n: number): string => " ".repeat(n);

/** One line text of a node, or null when the node can only be printed over several lines. */
export function flat(node: TypeNode): string | null {
  switch (node.kind) {
    case "raw":
      return node.text;
    case "union":
      return joinFlat(node.members, " | ", (m) => m.kind === "intersection");
    case "intersection":
      return joinFlat(node.members, " & ", (m) => m.kind === "union");
    case "array": {
      const element = flat(node.element);
      if (element === null) return null;
      return needsParensAsElement(node.element)
        ? `(${element})[]`
        : `${element}[]`;
    }
    case "tuple": {
      const parts: string[] = [];
      for (const el of node.elements) {
        const text = flat(el);
        if (text === null) return null;
        parts.push(text);
      }
      if (node.rest) {
        const rest = flat({ kind: "array", element: node.rest });
        if (rest === null) return null;
        parts.push(`...${rest}`);
      }
      return `[${parts.join(", ")}]`;
    }
    case "object": {
      if (node.members.length === 0 && !node.index) return "{}";
      if (!node.inline || node.index) return null;
      const parts: string[] = [];
      for (const m of node.members) {
        const text = flat(m.type);
        if (text === null || m.doc) return null;
        parts.push(`${propertyKey(m.name)}${m.optional ? "?" : ""}: ${text}`);
      }
      return `{ ${parts.join("; ")} }`;
    }
    case "record": {
      const value = flat(node.value);
      return value === null ? null : `Record<string, ${value}>`;
    }
  }
}

function joinFlat(
  members: TypeNode[],
  sep: string,
  parens: (m: TypeNode) => boolean,
): string | null {
  const parts: string[] = [];
  for (const m of members) {
    const text = flat(m);
    if (text === null) return null;
    parts.push(parens(m) ? `(${text})` : text);
  }
  return parts.join(sep);
}

function needsParensAsElement(node: TypeNode): boolean {
  return node.kind === "union" || node.kind === "intersection";
}

/** The element type under any number of array levels. */
function innermost(node: TypeNode): TypeNode {
  return node.kind === "array" ? innermost(node.element) : node;
}

/** Column after `text` when it starts at column `col`. */
function endColumn(col: number, text: string): number {
  const lastBreak = text.lastIndexOf("\n");
  return lastBreak === -1 ? col + text.length : text.length - lastBreak - 1;
}

function isObjectNode(node: TypeNode): boolean {
  return node.kind === "object";
}

/** `{…} | null`: prettier keeps the object hugged instead of using the `|`-per-line layout. */
function isHuggedUnion(node: TypeNode): boolean {
  if (node.kind !== "union") return false;
  const others = node.members.filter((m) => !isNullType(m));
  return (
    others.length === 1 &&
    others[0]!.kind === "object" &&
    node.members.length > 1
  );
}

function isNullType(node: TypeNode): boolean {
  return node.kind === "raw" && node.text === "null";
}

function fits(col: number, text: string, tail: number): boolean {
  return col + text.length + tail <= PRINT_WIDTH;
}

/**
 * `export type Name = <node>;` — the whole declaration, starting at column 0.
 * The head is `export type Name` (with `export ` or not, as the caller wants).
 */
export function printTypeAlias(head: string, node: TypeNode): string {
  return `${head}${printAssigned(node, 0, head.length, " =", true)};\n`;
}

/**
 * A type after `sep` (`" ="` in a type alias, `":"` in a property), ending with `;` (counted as
 * the one trailing character). `col` is where `sep` starts, `indent` the line's indentation.
 */
export function printAssigned(
  node: TypeNode,
  indent: number,
  col: number,
  sep: string,
  isAlias = false,
): string {
  const after = col + sep.length + 1;
  const text = flat(node);
  if (text !== null && fits(after, text, 1)) return `${sep} ${text}`;
  const nextLine = `${sep}\n${pad(indent + 2)}`;
  switch (node.kind) {
    case "union": {
      if (isHuggedUnion(node)) return `${sep} ${printHugged(node, indent)}`;
      // `Name | null` stays beside a property key even when too long (prettier hugs it)
      const simple = simpleNullable(node);
      if (simple?.kind === "record")
        return `${sep} ${printRecord(simple, indent)} | null`;
      if (!isAlias && simple) {
        const nonNull = print(simple, indent, after, 8);
        return `${sep} ${nonNull} | null`;
      }
      if (text !== null && fits(indent + 2, text, 1)) return nextLine + text;
      return `${sep}\n${printUnionLines(node.members, indent + 2, 1)}`;
    }
    case "intersection": {
      const inline = printIntersection(node, indent, after, 1);
      const firstLine = inline.split("\n", 1)[0]!;
      if (!isAlias || fits(after, firstLine, 0)) return `${sep} ${inline}`;
      return nextLine + printIntersection(node, indent + 2, indent + 2, 1);
    }
    case "array":
      if (isAlias && text !== null && innermost(node).kind === "raw")
        return nextLine + text;
      return `${sep} ${printArray(node, indent, after, 1)}`;
    case "raw":
      return isAlias ? nextLine + node.text : `${sep} ${node.text}`;
    default:
      return `${sep} ${print(node, indent, after, 1)}`;
  }
}

/** The `T` of a two-member `T | null` where `T` is a name or a generic reference. */
function simpleNullable(node: TypeNode): TypeNode | undefined {
  if (node.kind !== "union" || node.members.length !== 2) return undefined;
  const [a, b] = node.members as [TypeNode, TypeNode];
  const other = isNullType(b) ? a : isNullType(a) ? b : undefined;
  if (!other) return undefined;
  if (other.kind === "record") return other;
  if (
    other.kind === "raw" &&
    /^[A-Za-z_$][\w$.]*(\[[^\]]*\])?$/.test(other.text)
  )
    return other;
  return undefined;
}

/** Any node at `col` on a line indented by `indent`, with `tail` characters after it. */
export function print(
  node: TypeNode,
  indent: number,
  col: number,
  tail: number,
): string {
  const text = flat(node);
  if (text !== null && (fits(col, text, tail) || node.kind === "raw"))
    return text;
  switch (node.kind) {
    case "object":
      return printObject(node, indent);
    case "record":
      return printRecord(node, indent);
    case "array":
      return printArray(node, indent, col, tail);
    case "intersection":
      return printIntersection(node, indent, col, tail);
    case "tuple":
      return printTuple(node, indent);
    case "union":
      if (isHuggedUnion(node)) return printHugged(node, indent);
      return `\n${printUnionLines(node.members, indent + 2, tail)}`;
    case "raw":
      return node.text;
  }
}

function printHugged(
  node: Extract<TypeNode, { kind: "union" }>,
  indent: number,
): string {
  return node.members
    .map((m) => (m.kind === "object" ? printObject(m, indent) : flat(m)))
    .join(" | ");
}

/** `| member` lines at `indent`; members are aligned two columns further (after `| `). */
function printUnionLines(
  members: TypeNode[],
  indent: number,
  tail: number,
): string {
  return members
    .map((m, i) => {
      const t = i === members.length - 1 ? tail : 0;
      const col = indent + 2;
      let body: string;
      if (m.kind === "intersection") {
        const text = flat(m);
        body =
          text !== null && fits(col, `(${text})`, t)
            ? `(${text})`
            : `(${printIntersection(m, col, col + 1, t + 1)})`;
      } else body = print(m, col, col, t);
      return `${pad(indent)}| ${body}`;
    })
    .join("\n");
}

function printIntersection(
  node: Extract<TypeNode, { kind: "intersection" }>,
  indent: number,
  col: number,
  tail: number,
): string {
  const text = flat(node);
  if (text !== null && fits(col, text, tail)) return text;
  const last = node.members.length - 1;
  const member = (m: TypeNode, at: number, column: number, i: number) => {
    if (m.kind === "union") {
      const t = flat(m);
      const end = i === last ? tail : 2;
      if (t !== null && fits(column, `(${t})`, end)) return `(${t})`;
      // a union too long for one line: its `|` lines, still parenthesized (`A & | B` is no type)
      if (isHuggedUnion(m)) return `(${printHugged(m, at)})`;
      return `(\n${printUnionLines(m.members, at + 2, 0)}\n${pad(at)})`;
    }
    return print(m, at, column, i === last ? tail : 2);
  };
  // mirrors prettier's printIntersectionType: objects hug their neighbours, other members
  // break onto indented lines once the group breaks
  let out = member(node.members[0]!, indent, col, 0);
  let wasIndented = false;
  for (let i = 1; i < node.members.length; i++) {
    const prev = node.members[i - 1]!;
    const cur = node.members[i]!;
    if (!isObjectNode(prev) && !isObjectNode(cur)) {
      out += ` &\n${pad(indent + 2)}`;
      out += member(cur, indent + 2, indent + 2, i);
    } else {
      const at =
        isObjectNode(prev) && isObjectNode(cur)
          ? wasIndented
            ? indent + 2
            : indent
          : i > 1
            ? indent + 2
            : indent;
      if (!(isObjectNode(prev) && isObjectNode(cur)) && i > 1)
        wasIndented = true;
      out += " & ";
      out += member(cur, at, endColumn(col, out), i);
    }
  }
  return out;
}

function printArray(
  node: Extract<TypeNode, { kind: "array" }>,
  indent: number,
  col: number,
  tail: number,
): string {
  const text = flat(node);
  if (text !== null && fits(col, text, tail)) return text;
  const element = node.element;
  switch (element.kind) {
    case "object":
    case "record":
    case "tuple":
    case "array":
      return `${print(element, indent, col, tail + 2)}[]`;
    case "intersection":
      return `(${printIntersection(element, indent, col + 1, tail + 3)})[]`;
    case "union": {
      if (isHuggedUnion(element)) return `(${printHugged(element, indent)})[]`;
      const others = element.members.filter((m) => !isNullType(m));
      const inner = flat(element);
      if (inner !== null && others.length === 1) return `(${inner})[]`;
      if (inner !== null && fits(indent + 2, inner, 0))
        return `(\n${pad(indent + 2)}${inner}\n${pad(indent)})[]`;
      return `(\n${printUnionLines(element.members, indent + 2, 0)}\n${pad(indent)})[]`;
    }
    case "raw":
      return `${element.text}[]`;
  }
}

/** `Record<string, V>` with its type arguments one per line (V is always flat, see schema-to-type). */
function printRecord(
  node: Extract<TypeNode, { kind: "record" }>,
  indent: number,
): string {
  const value = flat(node.value) ?? "unknown";
  const line =
    node.value.kind === "union" && !fits(indent + 2, value, 0)
      ? printUnionLines(node.value.members, indent + 2, 0)
      : pad(indent + 2) + value;
  return `Record<\n${pad(indent + 2)}string,\n${line}\n${pad(indent)}>`;
}

function printTuple(
  node: Extract<TypeNode, { kind: "tuple" }>,
  indent: number,
): string {
  const items = node.elements.map(
    (el) => `${pad(indent + 2)}${print(el, indent + 2, indent + 2, 1)},`,
  );
  if (node.rest) {
    const rest: TypeNode = { kind: "array", element: node.rest };
    items.push(
      `${pad(indent + 2)}...${print(rest, indent + 2, indent + 5, 1)},`,
    );
  }
  return `[\n${items.join("\n")}\n${pad(indent)}]`;
}

/** An object type, expanded: `{`, one member per line at `indent + 2`, `}` at `indent`. */
export function printObject(
  node: Extract<TypeNode, { kind: "object" }>,
  indent: number,
): string {
  if (node.members.length === 0 && !node.index) return "{}";
  const lines = node.members.map((m) => printMember(m, indent + 2));
  if (node.index) {
    const head = `${pad(indent + 2)}[key: string]`;
    lines.push(
      `${head}${printAssigned(node.index, indent + 2, head.length, ":")};`,
    );
  }
  return `{\n${lines.join("\n")}\n${pad(indent)}}`;
}

/** One property line (with its JSDoc) of an object type or interface body. */
export function printMember(member: ObjectMember, indent: number): string {
  const head = `${pad(indent)}${propertyKey(member.name)}${member.optional ? "?" : ""}`;
  const line = `${head}${printAssigned(member.type, indent, head.length, ":")};`;
  return member.doc ? `${printDoc(member.doc, indent)}${line}` : line;
}

/** A JSDoc block at `indent` from already escaped lines (see jsdocLines), ending with a newline. */
export function printDoc(lines: string[], indent: number): string {
  const p = pad(indent);
  if (lines.length === 1 && !lines[0]!.includes("*/"))
    return `${p}/** ${lines[0]} */\n`;
  const body = lines
    .map((l) => (l === "" ? `${p} *` : `${p} * ${l}`))
    .join("\n");
  return `${p}/**\n${body}\n${p} */\n`;
}
