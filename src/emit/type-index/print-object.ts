import { print, textWidth } from "../shared/doc.js";
import { PRINT_WIDTH, propertyKey } from "../shared/literals.js";
import {
  alwaysExpanded,
  assignedDoc,
  flat,
  isHuggedUnion,
  memberDoc,
  printDoc,
  printTypeAlias,
  simpleNullable,
  type ObjectNode,
  type Union,
} from "./print.js";
import type { ObjectMember, TypeNode } from "./type-node.js";

/** types.ts's declarations written directly where no printer is needed, as print() writes them. */

/** An object type, expanded: what print(objectDoc(node, true), { indent }) writes. */
export function printObject(node: ObjectNode, indent = 0): string {
  const out: string[] = [];
  writeObject(node, indent, out);
  return out.join("");
}

/** `<head> = <node>;` and a newline: what printTypeAlias(head, node) writes. */
export function printAlias(head: string, node: TypeNode): string {
  const out: string[] = [];
  return writeAssigned(`${head} =`, node, true, 0, out)
    ? `${out.join("")}\n`
    : printTypeAlias(head, node);
}

function writeObject(node: ObjectNode, indent: number, out: string[]): void {
  if (node.members.length === 0 && !node.index) {
    out.push("{}");
    return;
  }
  const inner = indent + 2;
  const lead = newlineAnd(inner);
  out.push("{");
  for (const member of node.members) {
    out.push(lead);
    writeMember(member, inner, out);
  }
  if (node.index) {
    out.push(lead);
    if (!writeAssigned("[key: string]:", node.index, false, inner, out))
      out.push(
        print(["[key: string]:", assignedDoc(node.index, false), ";"], {
          indent: inner,
        }),
      );
  }
  out.push(newlineAnd(indent), "}");
}

/** One member with its JSDoc and `;`, from column `indent` (print([memberDoc, ";"])). */
function writeMember(member: ObjectMember, indent: number, out: string[]) {
  const doc = member.doc;
  const mark = out.length;
  if (doc === undefined || plainJsdoc(doc)) {
    // printDoc's block from column `indent`, and the indentation after its line break
    if (doc !== undefined)
      out.push(printDoc(doc, indent).slice(indent), " ".repeat(indent));
    const key = `${propertyKey(member.name)}${member.optional ? "?:" : ":"}`;
    if (writeAssigned(key, member.type, false, indent, out)) return;
    out.length = mark;
  }
  out.push(print([memberDoc(member), ";"], { indent }));
}

/** `lead`, the type as assignedDoc lays it out, and `;`; false (nothing written) if not direct. */
function writeAssigned(
  lead: string,
  node: TypeNode,
  isAlias: boolean,
  indent: number,
  out: string[],
): boolean {
  // a plain type beside a property key is never broken
  if (node.kind === "raw" && !isAlias) {
    out.push(lead, " ", node.text, ";");
    return true;
  }
  if (isExpanded(node)) {
    out.push(lead, " ");
    writeExpanded(node, indent, out);
    out.push(";");
    return true;
  }
  if (writeBrokenAssigned(lead, node, isAlias, indent, out)) return true;
  const text = flat(node);
  if (text === null) return false;
  // `lead text;`: the groups are decided outermost first, and the outermost fits
  if (indent + textWidth(lead) + textWidth(text) + 2 <= PRINT_WIDTH) {
    out.push(lead, " ", text, ";");
    return true;
  }
  if (node.kind !== "union" || !node.members.every(plain)) return false;
  // `Name | null` beside the key, whatever the order, once it does not fit flat: print() writes it
  if (!isAlias && simpleNullable(node) !== undefined) return false;
  // flat on the next line when it fits there, else one `| member` per line
  const next = newlineAnd(indent + 2);
  out.push(lead, next);
  if (indent + 2 + textWidth(text) + 1 <= PRINT_WIDTH) out.push(text);
  else out.push(node.members.map((m) => `| ${flat(m)}`).join(next));
  out.push(";");
  return true;
}

/**
 * The shapes laid out the same whatever the width: a union of expanded objects (isExpanded) and
 * plain texts, an array of one, an intersection of expanded objects beside a property key. False
 * (nothing written) otherwise.
 */
function writeBrokenAssigned(
  lead: string,
  node: TypeNode,
  isAlias: boolean,
  indent: number,
  out: string[],
): boolean {
  if (node.kind === "union") {
    if (!brokenUnion(node)) return false;
    // group(indent([line, group(unionLines)])), broken by its members
    out.push(lead, newlineAnd(indent + 2));
    writeUnionLines(node, indent + 2, out);
    out.push(";");
    return true;
  }
  if (node.kind === "array") {
    const element = node.element;
    if (element.kind !== "union" || !brokenUnion(element)) return false;
    // arrayDoc: group(["(", indent([softline, group(unionLines)]), softline, ")[]"])
    out.push(lead, " (", newlineAnd(indent + 2));
    writeUnionLines(element, indent + 2, out);
    out.push(newlineAnd(indent), ")[];");
    return true;
  }
  if (node.kind === "intersection" && !isAlias) {
    // [" ", group(parts)]: objects hug each other, each broken by itself
    if (!node.members.every((m) => m.kind === "object" && isExpanded(m)))
      return false;
    out.push(lead, " ");
    for (let i = 0; i < node.members.length; i++) {
      if (i > 0) out.push(" & ");
      writeObject(node.members[i] as ObjectNode, indent, out);
    }
    out.push(";");
    return true;
  }
  return false;
}

/** A union not hugged by nulls of plain texts and expanded members (one at least): always broken. */
function brokenUnion(node: Union): boolean {
  return (
    !isHuggedUnion(node) &&
    node.members.every((m) => plain(m) || isExpanded(m)) &&
    node.members.some((m) => m.kind !== "raw")
  );
}

/** unionLines broken at `indent`, after the line break before the first (the caller's). */
function writeUnionLines(node: Union, indent: number, out: string[]): void {
  const next = newlineAnd(indent);
  for (const [i, m] of node.members.entries()) {
    if (i > 0) out.push(next);
    out.push("| ");
    if (m.kind === "raw") out.push(m.text);
    else writeExpanded(m, indent + 2, out);
  }
}

/**
 * An object that objectDoc always breaks (not inline, an index signature or a member's JSDoc),
 * an array of one, or one hugged by nulls: laid out the same whatever the width.
 */
function isExpanded(node: TypeNode): boolean {
  switch (node.kind) {
    case "object":
      return (
        (node.members.length > 0 || node.index !== undefined) &&
        alwaysExpanded(node)
      );
    case "array": {
      const element = node.element;
      if (element.kind === "union") return isExpanded(element);
      return (
        (element.kind === "object" || element.kind === "array") &&
        isExpanded(element)
      );
    }
    case "union":
      return (
        isHuggedUnion(node) &&
        node.members.some((m) => m.kind === "object" && isExpanded(m))
      );
    default:
      return false;
  }
}

/** A node isExpanded() accepts: `{…}`, `{…}[]`, `{…} | null`, `({…} | null)[]`. */
function writeExpanded(node: TypeNode, indent: number, out: string[]): void {
  switch (node.kind) {
    case "object":
      return writeObject(node, indent, out);
    case "array": {
      const union = node.element.kind === "union";
      if (union) out.push("(");
      writeExpanded(node.element, indent, out);
      out.push(union ? ")[]" : "[]");
      return;
    }
    case "union":
      // hugged: the object and nulls
      for (const [i, m] of node.members.entries()) {
        if (i > 0) out.push(" | ");
        if (m.kind === "object") writeObject(m, indent, out);
        else out.push((m as { text: string }).text);
      }
      return;
    default:
      throw new Error(`not an expanded type: ${node.kind}`);
  }
}

/** A plain text, not ending with a space (print trims those at a line end). */
const plain = (m: TypeNode) => m.kind === "raw" && !m.text.endsWith(" ");

/** JSDoc lines print() writes as they are: none ends with a space (print trims those). */
function plainJsdoc(lines: string[]): boolean {
  if (lines.length === 1 && !lines[0]!.includes("*/")) return true;
  return !lines.some((line) => line.endsWith(" "));
}

function newlineAnd(n: number): string {
  return "\n" + " ".repeat(n);
}
