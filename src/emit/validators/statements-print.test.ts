import { describe, expect, it } from "vitest";
import { type Doc, hardline, indent, print } from "../shared/doc.js";
import { Pointer } from "./context.js";
import {
  bindStatement,
  block,
  callDoc,
  callStatement,
  ifStatement,
  labelled,
  statements,
} from "./layout.js";
import { printBody } from "./statements-print.js";

/** What the doc printer writes for a function body: the oracle printBody must equal. */
const viaPrint = (body: Doc[]) =>
  print([indent([hardline, statements(body)]), hardline]);

const long = (n: number) => `"${"m".repeat(n)}"`;
const ptr = (...segments: string[]) => new Pointer(["p", ...segments], ["p"]);

/** A statement of each shape layout.ts builds, short and too long for its line. */
function statementsAt(depth: number): Doc[] {
  const push = (cond: string, p: Pointer, message: string) =>
    ifStatement(cond, callDoc("r.push", ["e", p, '"type"', message]));
  const out: Doc[] = [
    'const v1 = x["id"];',
    push('typeof v1 !== "string"', ptr('"/id"'), long(10)),
    push('typeof v1 !== "string"', ptr('"/id"', '"/name"'), long(40)),
    push(
      "!r.isObject(v1)",
      ptr('"/a-long-segment"', '"/another-long-one"', "PS12"),
      long(60),
    ),
    callStatement("", "checkThing", ["v1", ptr('"/id"'), "e", "d"]),
    callStatement("", "checkAVeryLongNamedSchemaCheckFunction", [
      "v1",
      ptr('"/a-long-property-name"', '"/and-more"'),
      "e",
      "d",
    ]),
    callStatement("const c1 = ", "r.discriminate", [
      "x",
      '"kind"',
      ['"a"', '"b"'],
      ["checkA", "checkB"],
    ]),
    callStatement("const R = ", "r.required", [
      "x",
      "p",
      "e",
      ["a", "b", "c", "d", long(50)],
    ]),
    bindStatement(
      "p2",
      ptr('"/one"', '"/two"', '"/three"', '"/four"', long(30)),
    ),
    labelled('case "a":', [
      push("v1 !== null", ptr('"/a"'), long(50)),
      "break;",
    ]),
    "default:",
  ];
  const [then] = block("if (r.passes(check_1, x, p, d))", [out[1]!]) as [Doc];
  out.push([then, " else", ...block("", [out[2]!])]);
  if (depth > 0)
    out.push(...block(`if (r.isObject(v${depth}))`, statementsAt(depth - 1)));
  return out;
}

describe("printBody", () => {
  it.each([0, 1, 3, 6, 12])(
    "writes what print() writes, nested %i blocks deep",
    (depth) => {
      const body = statementsAt(depth);
      expect(printBody(body)).toBe(viaPrint(body));
    },
  );

  it("leaves to print() a statement it would write otherwise (a trailing space)", () => {
    expect(printBody(["a; "])).toBeUndefined();
    expect(printBody([""])).toBeUndefined();
  });
});
