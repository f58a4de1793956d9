import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { group, print, textWidth } from "../shared/doc.js";
import { PRINT_WIDTH, propertyKey, stringLiteral } from "../shared/literals.js";
import { assignment, genericMember, items } from "../shared/statements.js";
import {
  clientHelpers,
  genericAliasDoc,
  genericFunctionHead,
  propertyLine,
  stringMatrix,
} from "./template-helpers.js";

const { genericAlias, stringList } = clientHelpers;

// a head that fits is its flat text; one that does not is broken, with the same words in it
const expectHead = (
  out: string,
  [head, typeParams, params, generic, returnArgs]: [
    string,
    string[],
    string[],
    string,
    string[],
  ],
) => {
  const flat = `${head}${typeParams.length > 0 ? `<${typeParams.join(", ")}>` : ""}(${params.join(", ")}): ${generic}<${returnArgs.join(", ")}> {`;
  const words = (text: string) => text.replace(/[\s,]/g, "");
  if (textWidth(flat) <= PRINT_WIDTH) expect(out).toBe(flat);
  else {
    expect(out).toContain("\n");
    expect(words(out)).toBe(words(flat));
  }
};

// the doc the member helpers printed before they answered a member that fits with its flat
// text: the oracle of that fast path
const oldMember = (
  key: string,
  generic: string,
  args: string[],
  indent: number,
) =>
  " ".repeat(indent) +
  print(
    group([
      `${propertyKey(key)}: ${generic}<`,
      items(args, { trailingComma: false }),
      ">;",
    ]),
    { indent },
  );

// names short and long (so that some heads fit and some break), wide characters too
const name = fc.oneof(
  fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,12}$/),
  fc.constantFrom("VeryLongTypeNameThatTakesRoom_123456", "日本語Type", "A"),
);
const names = fc.array(name, { maxLength: 5 });

describe("layout helpers answer a line that fits with its flat text", () => {
  it("genericFunctionHead: its flat text when it fits, else broken with the same words", () => {
    fc.assert(
      fc.property(
        name.map((n) => `export function ${n}`),
        names,
        names,
        name,
        names,
        (head, typeParams, params, generic, returnArgs) =>
          expectHead(
            genericFunctionHead(head, typeParams, params, generic, returnArgs),
            [head, typeParams, params, generic, returnArgs],
          ),
      ),
      { numRuns: 1000, seed: 29 },
    );
  });

  it("genericFunctionHead: the client's own heads, name lengths 1 to 70", () => {
    for (let n = 1; n <= 70; n++) {
      const name = "a".repeat(n);
      for (const head of [
        `export function ${name}`,
        `export function ${name}Pages`,
      ])
        for (const typeParams of [[], ["T extends boolean = false"]]) {
          const params = [
            `args: ${name}Request = {}`,
            "options?: CallOptions<T>",
          ];
          const returnArgs = [`${name}Responses`, "T"];
          expectHead(
            genericFunctionHead(
              head,
              typeParams,
              params,
              "ApiPromise",
              returnArgs,
            ),
            [head, typeParams, params, "ApiPromise", returnArgs],
          );
        }
    }
  });

  it("genericMember and the server's handler member: as the doc printer lays them out", () => {
    fc.assert(
      fc.property(
        fc.oneof(name, fc.constantFrom("a-b", "toString")),
        name,
        // an empty argument and one ending with a space: the printer drops or trims them
        fc.array(fc.oneof(name, name, fc.constantFrom("", "T ")), {
          maxLength: 5,
        }),
        fc.constantFrom(0, 2, 4, 30, 60),
        (key, generic, args, indent) => {
          expect(genericMember(key, generic, args, indent)).toBe(
            oldMember(key, generic, args, indent),
          );
          // the server's handler member (contractParts): at two spaces, one line
          expect(genericMember(key, generic, args, 2) + "\n").toBe(
            oldMember(key, generic, args, 2) + "\n",
          );
        },
      ),
      { numRuns: 3000, seed: 29 },
    );
  });

  it("propertyLine: as the doc printer lays out its assignment", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          name,
          fc.constantFrom("a-b", "url", "toString", "日本語のキー"),
        ),
        fc.oneof(
          fc.string({ maxLength: 90 }),
          fc.integer({ min: 0, max: 85 }).map((n) => `"${"v".repeat(n)}"`),
          fc.constantFrom(
            "",
            "ends with space ",
            '"日本語の値ですよ日本語の値ですよ日本語の値"',
          ),
        ),
        fc.integer({ min: 0, max: 40 }),
        fc.boolean(),
        (key, value, indent, isString) => {
          const k = propertyKey(key);
          const old =
            !isString || k.length < 5
              ? `${" ".repeat(indent)}${k}: ${value},`
              : " ".repeat(indent) +
                print(assignment(`${k}:`, value, ","), { indent });
          expect(propertyLine(key, value, indent, isString)).toBe(old);
        },
      ),
      { numRuns: 3000, seed: 29 },
    );
  });

  it("genericAlias: as the doc printer lays out its conditional group", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 75 }).map((n) => "N".repeat(n)),
        fc.oneof(name, fc.constantFrom("ApiResultOf", "日本語Generic")),
        fc.array(fc.oneof(name, name, fc.constantFrom("", "T ", '"events"')), {
          maxLength: 4,
        }),
        (aliasName, generic, args) => {
          expect(genericAlias(aliasName, generic, args)).toBe(
            print(genericAliasDoc(`export type ${aliasName} =`, generic, args)),
          );
        },
      ),
      { numRuns: 5000, seed: 29 },
    );
  });

  it("stringList and stringMatrix: as the doc printer lays them out", () => {
    // the docs they printed before answering a list that fits with its flat text
    const oldList = (key: string, values: string[], indent: number) =>
      " ".repeat(indent) +
      print(
        group([
          `${propertyKey(key)}: [`,
          items(values.map(stringLiteral)),
          "],",
        ]),
        { indent },
      );
    const oldMatrix = (key: string, rows: string[][], indent: number) =>
      " ".repeat(indent) +
      print(
        group(
          [
            `${propertyKey(key)}: [`,
            items(rows.map((r) => `[${r.map(stringLiteral).join(", ")}]`)),
            "],",
          ],
          rows.length > 1 && rows.every((r) => r.length > 1),
        ),
        { indent },
      );
    const value = fc.oneof(name, fc.constantFrom("", 'say "hi"', "a\nb"));
    fc.assert(
      fc.property(
        fc.oneof(name, fc.constantFrom("a-b", "statuses")),
        fc.array(value, { maxLength: 8 }),
        fc.array(fc.array(value, { maxLength: 4 }), { maxLength: 4 }),
        fc.constantFrom(0, 2, 4, 30),
        (key, values, rows, indent) => {
          expect(stringList(key, values, indent)).toBe(
            oldList(key, values, indent),
          );
          expect(stringMatrix(key, rows, indent)).toBe(
            oldMatrix(key, rows, indent),
          );
        },
      ),
      { numRuns: 1000, seed: 29 },
    );
  });
});
