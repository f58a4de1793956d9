import { describe, expect, it } from "vitest";
import { print } from "../shared/doc.js";
import { expandedObjectDoc } from "./print.js";
import { printObject } from "./print-object.js";
import type { ObjectMember, TypeNode } from "./type-node.js";

const raw = (text: string): TypeNode => ({ kind: "raw", text });
const member = (
  name: string,
  type: TypeNode,
  extra: Partial<ObjectMember> = {},
): ObjectMember => ({ name, type, optional: false, ...extra });
const long = "AVeryLongSchemaNameThatTakesUpMostOfTheLineAndThenSome";

const members: ObjectMember[] = [
  member("id", raw("number")),
  member("name-with-dash", raw("string"), { optional: true }),
  member("documented", raw("string"), { doc: ["One line."] }),
  member("multi", raw("boolean"), { doc: ["First.", "", "Third */ not."] }),
  member("a_property_name_long_enough", raw(`${long}[]`)),
  member("nullable", {
    kind: "union",
    members: [raw(long), raw("null")],
  }),
  member("choice", {
    kind: "union",
    members: ["alpha", "beta", "gamma", "delta", "epsilon", "zeta"].map((w) =>
      raw(`"${w}-value"`),
    ),
  }),
  member("nested", {
    kind: "object",
    inline: true,
    members: [member("a", raw("string")), member("b", raw(long))],
  }),
  member("list", { kind: "array", element: raw(long) }),
];

describe("printObject", () => {
  it.each<[string, TypeNode & { kind: "object" }]>([
    ["empty", { kind: "object", members: [] }],
    ["every kind of member", { kind: "object", members }],
    ["an index signature", { kind: "object", members, index: raw(long) }],
    ["only an index", { kind: "object", members: [], index: raw("unknown") }],
  ])("writes what print() writes: %s", (_, node) => {
    expect(printObject(node)).toBe(print(expandedObjectDoc(node)));
  });
});
