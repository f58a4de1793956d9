import {
  align,
  conditionalGroup,
  type Doc,
  group,
  hardline,
  ifBreak,
  indent,
  join,
  line,
  print,
  softline,
} from "../shared/doc.js";
import { propertyKey } from "../shared/literals.js";
import { items } from "../shared/statements.js";
import { isNullType, type ObjectMember, type TypeNode } from "./type-node.js";

/**
 * Type nodes as docs (shared/doc.ts) shaped the way prettier 3 lays them out (printUnionType,
 * printIntersectionType, the assignment layouts); objects that are not inline are always
 * expanded, as prettier keeps an object expanded when its source is.
 */

export type Union = Extract<TypeNode, { kind: "union" }>;
type Intersection = Extract<TypeNode, { kind: "intersection" }>;
export type ObjectNode = Extract<TypeNode, { kind: "object" }>;

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
      return compound(node.element) ? `(${element})[]` : `${element}[]`;
    }
    case "tuple": {
      const parts = node.elements.map((el, i) => {
        const text = flat(el);
        if (text === null || i < (node.required ?? Infinity)) return text;
        return compound(el) ? `(${text})?` : `${text}?`;
      });
      const rest = node.rest && flat({ kind: "array", element: node.rest });
      if (rest !== undefined) parts.push(rest && `...${rest}`);
      return parts.includes(null) ? null : `[${parts.join(", ")}]`;
    }
    case "object": {
      if (node.members.length === 0 && !node.index) return "{}";
      if (alwaysExpanded(node)) return null;
      const parts = node.members.map((m) => {
        const text = flat(m.type);
        const key = `${propertyKey(m.name)}${m.optional ? "?" : ""}`;
        return text === null ? null : `${key}: ${text}`;
      });
      return parts.includes(null) ? null : `{ ${parts.join("; ")} }`;
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
  const parts = members.map((m) => {
    const text = flat(m);
    return text !== null && parens(m) ? `(${text})` : text;
  });
  return parts.includes(null) ? null : parts.join(sep);
}

/** A union or an intersection: in parentheses before `[]` or `?`. */
function compound(node: TypeNode): node is Union | Intersection {
  return node.kind === "union" || node.kind === "intersection";
}

/** The element type under any number of array levels. */
export function innermost(node: TypeNode): TypeNode {
  return node.kind === "array" ? innermost(node.element) : node;
}

/** `{…} | null`: prettier keeps the object hugged instead of using the `|`-per-line layout. */
export function isHuggedUnion(node: TypeNode): boolean {
  return (
    node.kind === "union" &&
    node.members.length > 1 &&
    node.members.every((m) => m.kind === "object" || isNullType(m)) &&
    node.members.filter((m) => m.kind === "object").length === 1
  );
}

/** The `T` of a two-member `T | null` where `T` is a name or a generic reference. */
export function simpleNullable(node: Union): TypeNode | undefined {
  if (node.members.length !== 2) return undefined;
  const [a, b] = node.members as [TypeNode, TypeNode];
  const other = isNullType(b) ? a : isNullType(a) ? b : undefined;
  return other?.kind === "record" ||
    (other?.kind === "raw" &&
      /^[A-Za-z_$][\w$.]*(\[[^\]]*\])?$/.test(other.text))
    ? other
    : undefined;
}

/** `<head> = <node>;` from column 0, the head `export type Name` or `type Name`. */
export function printTypeAlias(head: string, node: TypeNode): string {
  return `${print([head, " =", assignedDoc(node, true), ";"])}\n`;
}

/** A type right after `=` in a type alias or `:` in a property: prettier's assignment layouts. */
export function assignedDoc(node: TypeNode, isAlias: boolean): Doc {
  switch (node.kind) {
    case "union": {
      if (isHuggedUnion(node)) return [" ", huggedDoc(node)];
      // `Name | null` stays beside a property key even when too long (prettier hugs it), and
      // is written `Name | null` whatever the order once it does not fit flat
      const simple = simpleNullable(node);
      if (simple && (simple.kind === "record" || !isAlias)) {
        const nullFirst = isNullType(node.members[0]!);
        return group([
          " ",
          nullFirst ? ifBreak("", "null | ") : "",
          typeDoc(simple),
          nullFirst ? ifBreak(" | null") : " | null",
        ]);
      }
      // flat on the line, else flat on the next line, else one `| member` per line
      return group(indent([line, group(unionLines(node.members))]));
    }
    case "intersection": {
      if (!isAlias) return [" ", intersectionDoc(node)];
      // beside the `=` while its first line fits there, else from the next line
      const parts = intersectionParts(node);
      return conditionalGroup([
        [" ", group(parts)],
        [" ", group(parts, true)],
        indent([line, group(parts)]),
      ]);
    }
    case "array": {
      const text = flat(node);
      if (isAlias && text !== null && innermost(node).kind === "raw")
        return group(indent([line, text]));
      return [" ", arrayDoc(node)];
    }
    case "raw":
      return isAlias ? group(indent([line, node.text])) : [" ", node.text];
    default:
      return [" ", typeDoc(node)];
  }
}

/** Any node, flat when it fits with what follows it on the line, else in its broken shape. */
function typeDoc(node: TypeNode): Doc {
  switch (node.kind) {
    case "raw":
      return node.text;
    case "object":
      return objectDoc(node);
    case "record":
      return recordDoc(node);
    case "array":
      return arrayDoc(node);
    case "intersection":
      return intersectionDoc(node);
    case "tuple": {
      const elements = node.elements.map((el, i) =>
        i < (node.required ?? Infinity) ? typeDoc(el) : optionalElement(el),
      );
      if (node.rest)
        elements.push(["...", typeDoc({ kind: "array", element: node.rest })]);
      return group(["[", items(elements), "]"]);
    }
    case "union":
      if (isHuggedUnion(node)) return huggedDoc(node);
      return group(indent([softline, unionLines(node.members)]));
  }
}

/** `{…} | null` with the object as it breaks itself and the nulls beside it. */
function huggedDoc(node: Union): Doc {
  return join(" | ", node.members.map(typeDoc));
}

/** A union's members: `A | B`, or one `| member` per line, each aligned after its `| `. */
function unionLines(members: TypeNode[]): Doc {
  return [
    ifBreak("| "),
    join(
      [line, "| "],
      members.map((m) =>
        align(
          2,
          m.kind === "intersection"
            ? ["(", intersectionDoc(m), ")"]
            : typeDoc(m),
        ),
      ),
    ),
  ];
}

/** prettier's printIntersectionType: objects hug their neighbours, others break onto lines. */
function intersectionDoc(node: Intersection): Doc {
  return group(intersectionParts(node));
}

function intersectionParts(node: Intersection): Doc[] {
  const members = node.members;
  const parts: Doc[] = [intersectionMember(members[0]!)];
  let wasIndented = false;
  for (let i = 1; i < members.length; i++) {
    const prevObject = members[i - 1]!.kind === "object";
    const curObject = members[i]!.kind === "object";
    const doc = intersectionMember(members[i]!);
    if (!prevObject && !curObject) parts.push(indent([" &", line, doc]));
    else {
      if (prevObject !== curObject && i > 1) wasIndented = true;
      parts.push(" & ", wasIndented ? indent(doc) : doc);
    }
  }
  return parts;
}

/** A member of an intersection; a union keeps its parentheses also when broken. */
function intersectionMember(m: TypeNode): Doc {
  if (m.kind !== "union") return typeDoc(m);
  if (isHuggedUnion(m)) return ["(", huggedDoc(m), ")"];
  return parenthesized(unionLines(m.members), ")");
}

/** `(inner` + `close` (`)`, `)[]`, `)?`), `inner` on its own lines when broken. */
function parenthesized(inner: Doc, close: string): Doc {
  return group(["(", indent([softline, inner]), softline, close]);
}

function arrayDoc(node: Extract<TypeNode, { kind: "array" }>): Doc {
  const element = node.element;
  switch (element.kind) {
    case "intersection":
      return ["(", intersectionDoc(element), ")[]"];
    case "union": {
      if (isHuggedUnion(element)) return ["(", huggedDoc(element), ")[]"];
      // `(T | null)[]` stays on its line
      const inner = flat(element);
      const others = element.members.filter((m) => !isNullType(m));
      if (inner !== null && others.length === 1) return `(${inner})[]`;
      return parenthesized(group(unionLines(element.members)), ")[]");
    }
    default:
      return [typeDoc(element), "[]"];
  }
}

/** `Record<string, V>`, broken with its type arguments one per line (a union V into `|` lines). */
function recordDoc(node: Extract<TypeNode, { kind: "record" }>): Doc {
  const value = flat(node.value);
  const valueDoc =
    node.value.kind === "union" && value !== null
      ? group(unionLines(node.value.members))
      : (value ?? "unknown");
  return group(
    ["Record<", indent([softline, "string,", line, valueDoc]), softline, ">"],
    value === null,
  );
}

/** `T?`; a union or an intersection in parentheses (`(A | null)?`), broken as prettier does. */
function optionalElement(el: TypeNode): Doc {
  if (!compound(el)) return [typeDoc(el), "?"];
  const inner =
    el.kind === "union" ? group(unionLines(el.members)) : intersectionDoc(el);
  return parenthesized(inner, ")?");
}

/** An object type: `{ a: T; b: U }` when inline and it fits, else (`forceBreak`: always) one a line. */
export function objectDoc(node: ObjectNode, forceBreak = false): Doc {
  if (node.members.length === 0 && !node.index) return "{}";
  const members: Doc[] = node.members.map(memberDoc);
  if (node.index)
    members.push(["[key: string]:", assignedDoc(node.index, false)]);
  return group(
    ["{", indent([line, join([";", line], members), ifBreak(";")]), line, "}"],
    forceBreak || alwaysExpanded(node),
  );
}

/** An object type broken whatever the width: not inline, an index signature or a member's JSDoc. */
export const alwaysExpanded = (node: ObjectNode) =>
  !node.inline ||
  node.index !== undefined ||
  node.members.some((m) => m.doc !== undefined);

/** One property (with its JSDoc) of an object type or interface body, without its `;`. */
export function memberDoc(member: ObjectMember): Doc {
  const key = `${propertyKey(member.name)}${member.optional ? "?" : ""}:`;
  const doc: Doc = [key, assignedDoc(member.type, false)];
  if (!member.doc) return doc;
  // printDoc's block as a doc: its lines at the indentation it is printed at
  const block = printDoc(member.doc, 0).slice(0, -1).split("\n");
  return [join(hardline, block), hardline, doc];
}

/** A JSDoc block at `indent` from already escaped lines (see jsdocLines), ending with a newline. */
export function printDoc(lines: string[], indent: number): string {
  const p = " ".repeat(indent);
  if (lines.length === 1 && !lines[0]!.includes("*/"))
    return `${p}/** ${lines[0]} */\n`;
  const body = lines
    .map((l) => (l === "" ? `${p} *` : `${p} * ${l}`))
    .join("\n");
  return `${p}/**\n${body}\n${p} */\n`;
}
