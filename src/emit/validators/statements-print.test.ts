import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Doc,
  flatWidth,
  group,
  hardline,
  indent,
  print,
} from "../shared/doc.js";
import { items } from "../shared/statements.js";
import { PRINT_WIDTH } from "../shared/literals.js";
import { Pointer } from "./context.js";
import {
  arrayConstant,
  bindStatement,
  bindText,
  block,
  callDoc,
  callLine,
  callStatement,
  constantCall,
  ifLine,
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

describe("callLine, ifLine", () => {
  /** A call nested `depth` blocks deep, as a body: its column is 2 + 2 * depth. */
  const nested = (depth: number, statement: Doc): Doc[] =>
    depth === 0
      ? [statement]
      : block("if (r.isObject(x))", nested(depth - 1, statement));
  const arg = fc.oneof(
    fc.string({ minLength: 1, maxLength: 30 }).map((s) => JSON.stringify(s)),
    // wide and combining characters: measured by textWidth, not length
    fc.constantFrom('"漢字の名前"', '"e\u0301"', "v12", "e", "d"),
    fc
      .array(fc.constantFrom('"/a"', '"/avatar_url"', "PS3", "i2"), {
        minLength: 1,
        maxLength: 4,
      })
      .map((segments) => ptr(...segments)),
  );

  it("write what callStatement and ifStatement write, at every column, fitting or not", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20 }),
        fc.constantFrom("r.string", "r.stringOrNullIn", "checkSomething"),
        fc.array(arg, { minLength: 0, maxLength: 4 }),
        fc.integer({ min: -3, max: 3 }),
        (depth, callee, some, off) => {
          // a last argument that brings the line to within 3 columns of the limit
          const column = 2 + 2 * depth;
          const before = callDoc(callee, [...some, '""']);
          const room = PRINT_WIDTH - column - flatWidth(before) + off;
          const args = [...some, `"${"a".repeat(Math.max(0, room))}"`];
          const line = nested(depth, callLine(2 + 2 * depth, callee, args));
          const call = nested(depth, callStatement("", callee, args));
          expect(printBody(line)).toBe(viaPrint(call));
          expect(viaPrint(line)).toBe(viaPrint(call));
          // the same call under an `if`, the condition taking the padding's place
          const cond = `v${"1".repeat(Math.max(1, room - 4))}`;
          const test = nested(depth, ifLine(column, cond, callee, some));
          const doc = nested(depth, ifStatement(cond, callDoc(callee, some)));
          expect(printBody(test)).toBe(viaPrint(doc));
          expect(viaPrint(test)).toBe(viaPrint(doc));
          // an `if` that breaks, its call within a few columns of the limit one level in (it
          // fits there, or breaks too)
          if (depth > 0) {
            const inner = ifLine(column - 2, "v1", callee, args);
            const innerDoc = ifStatement("v1", callDoc(callee, args));
            const at = (d: Doc) => nested(depth - 1, d);
            expect(typeof inner).not.toBe("string");
            expect(printBody(at(inner))).toBe(viaPrint(at(innerDoc)));
            expect(viaPrint(at(inner))).toBe(viaPrint(at(innerDoc)));
          }
        },
      ),
    );
  });

  it("is the text itself when it fits, the call's doc when it does not", () => {
    expect(callLine(2, "r.string", ['x["a"]', "p", '"/a"', "e"])).toBe(
      'r.string(x["a"], p, "/a", e);',
    );
    // 2 + 78 columns: one too many
    const args = [`"${"a".repeat(62)}"`, "p", "e"];
    expect(typeof callLine(2, "r.sss", args)).toBe("string");
    expect(typeof callLine(3, "r.sss", args)).not.toBe("string");
  });
});

describe("module constants as text", () => {
  const literal = fc.oneof(
    fc.string({ minLength: 0, maxLength: 40 }).map((s) => JSON.stringify(s)),
    fc.constantFrom('"漢字の名前"', '"e\u0301"', '"/a/b"'),
  );
  // within a few columns of the limit: a one-column error in a fit is caught
  const padded = (room: number) => `"${"a".repeat(Math.max(0, room))}"`;

  it("arrayConstant, bindText and constantCall write what print() writes for their docs", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("RQ1", "EN12", "RE123", "PS4567"),
        fc.array(literal, { maxLength: 4 }),
        fc.integer({ min: -3, max: 3 }),
        fc.constantFrom("const N = ", "const N: unknown[] = ", ""),
        fc.constantFrom("new RegExp", "JSON.parse", "new Set<unknown>"),
        (name, some, off, lead, callee) => {
          const arrayFlat = `const ${name} = [${[...some, '""'].join(", ")}];`;
          const list = [...some, padded(PRINT_WIDTH - arrayFlat.length + off)];
          expect(arrayConstant(name, list)).toBe(
            print(group([`const ${name} = [`, items(list), "];"])),
          );
          expect(arrayConstant(name, some)).toBe(
            print(group([`const ${name} = [`, items(some), "];"])),
          );
          const value = padded(
            PRINT_WIDTH - `const ${name} = "";`.length + off,
          );
          expect(bindText(name, value)).toBe(
            print(bindStatement(name, { operands: [value] })),
          );
          const callFlat = `${lead}${callee}(${[...some, '""'].join(", ")});`;
          const args = [...some, padded(PRINT_WIDTH - callFlat.length + off)];
          expect(constantCall(lead, callee, args)).toBe(
            print(callStatement(lead, callee, args)),
          );
          // a last array, hugged when it breaks
          // and its first line within a few columns of the limit
          const hugged = padded(
            PRINT_WIDTH - `${lead}${callee}("", [`.length + off,
          );
          for (const before of [[], some.slice(0, 1), [hugged]]) {
            const withList = [...before, list];
            expect(constantCall(lead, callee, withList)).toBe(
              print(callStatement(lead, callee, withList)),
            );
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
