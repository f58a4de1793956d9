import type { Endpoint, Parameter } from "../../model/types.js";
import type { TypeIndex } from "../type-index/index.js";
import { headerParameters, isUntyped } from "../type-index/endpoint-types.js";
import { printDoc } from "../type-index/print.js";
import { printObject } from "../type-index/print-object.js";
import {
  raw,
  type ObjectMember,
  type TypeNode,
} from "../type-index/type-node.js";

/**
 * `<Name>Received`: the endpoint's `<Name>Request` as the server decodes it, declared only when a
 * path, query or header parameter has no type in any source. The client may send such a value
 * as a string or a number (`string | number` in types.ts); the server hands over the text it
 * got, so the handler sees `string`.
 */
export function receivedType(
  endpoint: Endpoint,
  index: TypeIndex,
): { name: string; declaration: string; uses: string[] } | undefined {
  const t = index.endpoint(endpoint);
  const groups = [
    ["path", t.path, endpoint.parameters.path, !t.required.path],
    ["query", t.query, endpoint.parameters.query, !t.required.query],
    ["headers", t.headers, headerParameters(endpoint), !t.required.headers],
  ] as const;
  const members: ObjectMember[] = [];
  const uses: string[] = [];
  for (let i = 0; i < groups.length; i++) {
    // by index, not destructured: a tuple's destructuring walks an iterator
    const group = groups[i]!;
    const member = group[0];
    const typeName = group[1];
    const parameters = group[2];
    const optional = group[3];
    const untyped = parameters.filter(isUntyped);
    if (!typeName || untyped.length === 0) continue;
    uses.push(typeName);
    members.push({
      name: member,
      optional,
      type: {
        kind: "intersection",
        members: [raw(typeName), textMembers(untyped)],
      },
    });
  }
  if (members.length === 0) return undefined;
  const name = `${t.base}Received`;
  // prettier 3 keeps a heritage clause on the interface's line whatever its length
  const head = `export interface ${name} extends ${t.request} {`;
  const body = printObject({ kind: "object", members }).slice(1);
  return {
    name,
    uses: [t.request, ...uses],
    declaration:
      printDoc(
        [
          `\`${t.request}\` as handlers get it: parameters no source types are text.`,
        ],
        0,
      ) + `${head}${body}\n`,
  };
}

function textMembers(parameters: Parameter[]): TypeNode {
  return {
    kind: "object",
    inline: true,
    members: parameters.map((p) => ({
      name: p.name,
      optional: !p.required,
      type: raw("string"),
    })),
  };
}
