import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  conditionalGroup,
  type Doc,
  group,
  indent,
  line,
  print,
  softline,
} from "../shared/doc.js";
import { PRINT_WIDTH, propertyKey, stringLiteral } from "../shared/literals.js";
import { items } from "../shared/statements.js";
import { callText } from "./client-example.js";
import { BINARY } from "../shared/sample.js";

/* callText writes the text of the call's doc without building it: the doc below is the layout
   it stands for (prettier's), printed by print(); both must agree for any value and any call
   length about the limit. */

function layoutCall(call: string, args: Doc | undefined): string {
  const head = "const result =";
  if (args === undefined)
    return print([head, group(indent([line, `${call})`])), ";"]);
  const ownLine = [call, indent([softline, args, ","]), softline, ")"];
  const hugged = conditionalGroup([[call, args, ")"], ownLine]);
  return print([
    head,
    conditionalGroup([
      [" ", hugged],
      [" ", group(ownLine, true)],
      indent([line, hugged]),
    ]),
    ";",
  ]);
}

function valueDoc(value: unknown): Doc {
  if (value instanceof Map) return objectDoc([...value.entries()]);
  if (value === BINARY) return 'new Blob(["…"])';
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return group(["[", items(value.map(valueDoc)), "]"], !value.every(isFlat));
  }
  if (typeof value === "object" && value !== null)
    return objectDoc(Object.entries(value));
  if (typeof value === "string") return stringLiteral(value);
  if (value === undefined) return "undefined";
  return (JSON.stringify(value) ?? "undefined").replace("e+", "e");
}

function objectDoc(entries: [string, unknown][]): Doc {
  if (entries.length === 0) return "{}";
  const members = entries.map(([key, v]): Doc => {
    const name = propertyKey(key);
    if (typeof v === "string" && name.length >= 5)
      return group([`${name}:`, indent([line, stringLiteral(v)])]);
    return [`${name}: `, valueDoc(v)];
  });
  return group(["{", items(members, { spaced: true }), "}"], true);
}

function isFlat(value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0;
  if (value === BINARY) return true;
  if (typeof value === "object" && value !== null)
    return Object.keys(value).length === 0;
  return typeof value !== "function";
}

const expected = (call: string, args: Map<string, unknown> | undefined) =>
  layoutCall(call, args === undefined ? undefined : valueDoc(args));

// a call of any width about the four layouts' limits (wide characters count two)
const call = fc
  .tuple(
    fc.integer({ min: PRINT_WIDTH - 24, max: PRINT_WIDTH + 4 }),
    fc.boolean(),
  )
  .map(
    ([n, wide]) => `await client.${wide ? "日本" : ""}${"x".repeat(n - 20)}(`,
  );
const key = fc.oneof(
  fc.constantFrom("id", "owner", "repository_id", "x-header", "a b", "日本語"),
  fc.string({ maxLength: 12 }),
);
const text = fc.oneof(
  fc.string({ maxLength: 90 }),
  fc.integer({ min: 30, max: 80 }).map((n) => "s".repeat(n)),
  fc.constantFrom("日本語のテキスト".repeat(5), 'quote " and \\ and \n'),
);
const scalar = fc.oneof(
  text,
  fc.integer(),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.constant(BINARY),
  fc.constant([]),
  fc.constant({}),
);
const { value } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    scalar,
    fc.array(tie("value"), { maxLength: 6 }),
    fc.array(scalar, { minLength: 1, maxLength: 12 }),
    fc.dictionary(key, tie("value"), { maxKeys: 4 }),
  ),
}));
const args = fc.option(
  fc
    .array(
      fc.tuple(fc.constantFrom("path", "query", "headers", "body"), value),
      {
        minLength: 1,
        maxLength: 4,
      },
    )
    .map(
      (groups) =>
        new Map(
          groups.map(([name, v]): [string, unknown] => [
            name,
            name === "body" ? v : new Map(Object.entries(Object(v))),
          ]),
        ),
    ),
  { nil: undefined },
);

describe("callText against the call's doc printed", () => {
  it("agrees for any call and arguments", () => {
    fc.assert(
      fc.property(call, args, (c, a) => {
        expect(callText(c, a)).toBe(expected(c, a));
      }),
      { numRuns: 3000 },
    );
  });

  it("agrees at every call length about the limit, arrays and strings about theirs", () => {
    for (let n = PRINT_WIDTH - 24; n <= PRINT_WIDTH + 2; n++) {
      const c = `await client.${"x".repeat(n - 13)}(`;
      for (let m = 40; m <= PRINT_WIDTH; m++) {
        const a = new Map<string, unknown>([
          ["path", new Map([["owner", "o".repeat(m - 20)]])],
          [
            "body",
            {
              names: ["n".repeat(m - 50 > 0 ? m - 50 : 1), "b", 1],
              nested: { labels: ["l".repeat(m - 30)], deep: [[1], ["x"]] },
              description: "d".repeat(m - 10),
              id: "i".repeat(m),
            },
          ],
        ]);
        expect(callText(c, a)).toBe(expected(c, a));
        expect(callText(c, undefined)).toBe(expected(c, undefined));
      }
    }
  });

  it("an array holding a Map with entries breaks, as its measured group does", () => {
    const a = new Map<string, unknown>([["body", [new Map([["a", 1]]), 2]]]);
    expect(callText("await client.x(", a)).toBe(expected("await client.x(", a));
  });
});
