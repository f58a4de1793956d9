import { print } from "../shared/doc.js";
import { propertyKey } from "../shared/literals.js";
import { assignedDoc, memberDoc } from "./print.js";
import type { TypeNode } from "./type-node.js";

type ObjectNode = Extract<TypeNode, { kind: "object" }>;

/**
 * An object type, expanded: `{`, one member per line indented by two, `}` at column 0: what
 * print(expandedObjectDoc(node)) writes, a member at a time. A line break follows each member's
 * `;`, so print() lays each member out on its own from column 2, and a member that is a key and
 * a plain type (no JSDoc) is written without any doc.
 */
export function printObject(node: ObjectNode): string {
  if (node.members.length === 0 && !node.index) return "{}";
  const out: string[] = ["{"];
  for (const member of node.members) {
    const type = member.type;
    if (member.doc === undefined && type.kind === "raw")
      out.push(
        "\n  ",
        propertyKey(member.name),
        member.optional ? "?: " : ": ",
        type.text,
        ";",
      );
    else out.push("\n  ", print([memberDoc(member), ";"], { indent: 2 }));
  }
  if (node.index) {
    const index = ["[key: string]:", assignedDoc(node.index, false), ";"];
    out.push("\n  ", print(index, { indent: 2 }));
  }
  out.push("\n}");
  return out.join("");
}
