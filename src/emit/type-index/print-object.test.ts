import { describe, expect, it } from "vitest";
import { print } from "../shared/doc.js";
import { objectDoc, printTypeAlias } from "./print.js";
import { printAlias, printObject } from "./print-object.js";
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
  member("trailing", raw("boolean"), { doc: ["First ", "second"] }),
  member("a_property_name_long_enough", raw(`${long}[]`)),
  member("nullable", {
    kind: "union",
    members: [raw(long), raw("null")],
  }),
  member("a_nullable_member_with_null_first", {
    kind: "union",
    members: [raw("null"), raw(long)],
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
    expect(printObject(node)).toBe(print(objectDoc(node, true)));
  });
});

/* Random type nodes, from a seeded generator (the same every run): the direct printers must
   write what print() writes for each, at top level and nested, as an alias and as an object. */
function generator(seed: number) {
  let state = seed;
  const next = (n: number): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return Math.floor((state / 2147483648) * n);
  };
  const texts = [
    "string",
    "null",
    "number",
    long,
    `${long}Two`,
    '"open"',
    '"a-rather-long-literal-value"',
    "Pet",
    "漢字の名前ですよ漢字の名前ですよ漢字",
    "Record<string, unknown>",
  ];
  const names = ["id", "a-b", "__proto__", "name", "a_much_longer_name_here"];
  const docs: (string[] | undefined)[] = [
    undefined,
    undefined,
    ["One."],
    ["First.", "", "Last */ end."],
    ["Trailing space "],
    ["Line ", "two"],
  ];
  const node = (depth: number): TypeNode => {
    const pick = depth <= 0 ? 0 : next(9);
    const many = (): TypeNode[] =>
      Array.from({ length: 1 + next(4) }, () => node(depth - 1));
    switch (pick) {
      case 0:
      case 1:
        return raw(texts[next(texts.length)]!);
      case 2:
        return { kind: "union", members: [...many(), raw("null")] };
      case 3:
        return {
          kind: "union",
          members: Array.from({ length: 2 + next(8) }, () =>
            raw(texts[next(texts.length)]!),
          ),
        };
      case 4:
        return { kind: "intersection", members: [node(depth - 1), ...many()] };
      case 5:
        return { kind: "array", element: node(depth - 1) };
      case 6: {
        const elements = many();
        const rest = next(2) === 0 ? undefined : node(depth - 1);
        return {
          kind: "tuple",
          elements,
          required: next(elements.length + 1),
          ...(rest ? { rest } : {}),
        };
      }
      case 7:
        return { kind: "record", value: node(depth - 1) };
      default:
        return object(depth - 1);
    }
  };
  const object = (depth: number): TypeNode & { kind: "object" } => {
    const list: ObjectMember[] = Array.from({ length: next(4) }, () => {
      const m = member(names[next(names.length)]!, node(depth), {
        optional: next(2) === 0,
      });
      const doc = docs[next(docs.length)];
      if (doc) m.doc = doc;
      return m;
    });
    const out: TypeNode & { kind: "object" } = {
      kind: "object",
      members: list,
      inline: next(2) === 0,
    };
    if (next(5) === 0) out.index = node(depth);
    return out;
  };
  return { node, object };
}

describe("the direct printers against print()", () => {
  const { node, object } = generator(29);
  const heads = ["export type T", `export type ${long}`];
  it("writes what printTypeAlias writes, for 3000 random types", () => {
    for (let i = 0; i < 3000; i++) {
      const type = node(1 + (i % 4));
      const head = heads[i % 2]!;
      expect(printAlias(head, type)).toBe(printTypeAlias(head, type));
    }
  });
  it("writes what print(objectDoc) writes, for 3000 random objects", () => {
    for (let i = 0; i < 3000; i++) {
      const type = object(1 + (i % 4));
      const indent = (i % 3) * 4;
      expect(printObject(type, indent)).toBe(
        print(objectDoc(type, true), { indent }),
      );
    }
  });
});

/* The shapes writeBrokenAssigned writes (an expanded object breaking its union, array or
   intersection), and those it leaves to print() (an array of a plain union too long for its
   line), at every length about the limit, beside a key at several indents and as an alias. */
describe("the broken shapes against print()", () => {
  const expanded = (name: string): TypeNode => ({
    kind: "object",
    members: [member(name, raw("string")), member("count", raw("number"))],
  });
  const shapes = (n: number): TypeNode[] => {
    const word = (w: string) => raw(`"${w}${"x".repeat(n)}"`);
    const plain: TypeNode = {
      kind: "union",
      members: [word("a"), word("b"), raw("null")],
    };
    return [
      {
        kind: "union",
        members: [{ kind: "array", element: expanded("item") }, raw("null")],
      },
      { kind: "union", members: [expanded("one"), word("c"), expanded("two")] },
      // a text ending with a space: print trims it at a line end
      { kind: "union", members: [raw("Ends "), expanded("one")] },
      { kind: "union", members: [expanded("one"), raw("Ends ")] },
      {
        kind: "array",
        element: { kind: "union", members: [word("d"), expanded("item")] },
      },
      { kind: "array", element: plain },
      {
        kind: "array",
        element: { kind: "union", members: [word("e"), raw("null")] },
      },
      { kind: "intersection", members: [expanded("left"), expanded("right")] },
      {
        kind: "intersection",
        members: [expanded("a"), expanded("b"), expanded("c")],
      },
    ];
  };
  it("writes what print() writes, as a member and as an alias", () => {
    for (let n = 0; n <= 70; n++)
      for (const type of shapes(n))
        for (const key of ["k", "a_longer_key_name"]) {
          const node: TypeNode & { kind: "object" } = {
            kind: "object",
            members: [member(key, type, { optional: n % 2 === 0 })],
          };
          for (const indent of [0, 2, 6])
            expect(printObject(node, indent)).toBe(
              print(objectDoc(node, true), { indent }),
            );
          // short heads, and heads about the limit (a `{` that no longer fits after them)
          for (const head of [
            `export type ${"T".repeat(1 + (n % 9))}`,
            `export type ${"T".repeat(55 + (n % 20))}`,
          ])
            expect(printAlias(head, type)).toBe(printTypeAlias(head, type));
        }
  });
});
