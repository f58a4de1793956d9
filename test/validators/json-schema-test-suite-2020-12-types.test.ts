import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import { emitted } from "../emitted.js";
import { outDir, typeCheck, writeFiles } from "./generated.js";
import {
  caseId,
  documentText,
  groups,
  TYPELESS,
  TYPELESS_CASES,
} from "./suite-2020-12.js";

/**
 * The JSON Schema Test Suite's draft 2020-12 files (suite-2020-12.ts) through types.ts: every
 * value the suite calls valid must be assignable to its schema's type, written as a literal
 * (`export const v: T.S0042 = {…}`) and compiled by tsc under the strict flags. A type that
 * refuses what the API sends is the worst of faults. Values the suite calls invalid may compile:
 * types are looser than the checks.
 */

/** Values not written: a `__proto__` key in a literal sets the prototype, not a member. */
const literalOf = (data: unknown): string | undefined => {
  const text = JSON.stringify(data);
  if (text.includes('"__proto__"')) return undefined;
  // JSON leaves U+2028 and U+2029 bare; TypeScript counts them as line breaks
  return text.replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
};

/** Single cases tsc refuses, and why. */
const CLOSED =
  "an object type whose members are all optional stays closed, as openapi-typescript's: a literal with none of them, or with others, is refused (docs/types.md)";
const KNOWN_REFUSALS: Record<string, string> = {
  ...Object.fromEntries(
    TYPELESS_CASES
      // members all optional, one of them `toString`: any value has Object's, a looser type
      .filter((id) => !id.includes(": properties whose names are Javascript"))
      .map((id) => [id, TYPELESS]),
  ),
  "additionalProperties.json: additionalProperties are allowed by default: additional properties are allowed":
    CLOSED,
  "dependentSchemas.json: dependent subschema incompatible with root: matches dependency":
    CLOSED,
  "dependentSchemas.json: dependent subschema incompatible with root: no dependency":
    CLOSED,
  "not.json: forbidden property: property absent": CLOSED,
  "properties.json: object properties validation: doesn't invalidate other properties":
    CLOSED,
  // and `unevaluatedProperties` is not read (docs/validation.md)
  "propertyNames.json: propertyNames with unevaluatedProperties: property names with the given pattern are valid":
    CLOSED,
};

let refused: Map<string, string>;
let written = 0;

beforeAll(async () => {
  const { model } = await generate(
    [{ file: "suite.json", text: documentText }],
    { artifacts: ["types"] },
  );
  const dir = outDir("json-schema-test-suite-2020-12-types");
  writeFiles(dir, await emitted("types", model));
  const lines = ['import type * as T from "./types.js";'];
  const cases: string[] = [];
  for (const { file, group, name } of groups)
    group.tests.forEach((test, i) => {
      const literal = test.valid ? literalOf(test.data) : undefined;
      if (literal === undefined) return;
      lines.push(`export const v${name}_${i}: T.${name} = ${literal};`);
      cases[lines.length] = caseId(file, group, test);
    });
  written = lines.length - 1;
  writeFileSync(join(dir, "values.ts"), lines.join("\n") + "\n");
  refused = new Map();
  for (const [, line, error] of typeCheck(dir).matchAll(
    /^(?:\S*\/)?values\.ts\((\d+),\d+\): error (TS\d+: .*)$/gm,
  ))
    if (!refused.has(cases[+line!]!)) refused.set(cases[+line!]!, error!);
}, 120_000);

describe("the JSON Schema Test Suite (draft 2020-12) through types.ts", () => {
  it("every valid value is of its type, but those refused for a documented reason", () => {
    expect(written).toBeGreaterThan(750);
    const unexplained = [...refused].filter(
      ([id]) => !Object.hasOwn(KNOWN_REFUSALS, id),
    );
    expect(unexplained).toEqual([]);
    // every known refusal still happens: a fixed one must leave the list
    expect([...refused.keys()].sort()).toEqual(
      Object.keys(KNOWN_REFUSALS).sort(),
    );
  });
});

describe("an optional member named as one of Object's (constructor, toString, …)", () => {
  it("admits a value without it: a query's parameters too", async () => {
    const { model } = await generate(
      [
        {
          file: "api.yaml",
          text: `openapi: 3.1.0
info: { title: F1, version: "1" }
paths:
  /teams:
    get:
      operationId: listTeams
      parameters:
        - { name: constructor, in: query, schema: { type: string } }
      responses:
        "200":
          description: teams
          content:
            application/json:
              schema: { type: object, properties: { valueOf: { type: integer } } }
`,
        },
      ],
      { artifacts: ["types"] },
    );
    const dir = outDir("object-member-names");
    writeFiles(dir, await emitted("types", model));
    writeFileSync(
      join(dir, "values.ts"),
      `import type { ListTeamsData, ListTeamsQuery } from "./types.js";
export const query: ListTeamsQuery = {};
export const data: ListTeamsData = {};
export const read = (d: ListTeamsData): unknown => d.valueOf;
`,
    );
    expect(typeCheck(dir)).toBe("");
  });
});
