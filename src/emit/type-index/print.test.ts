import * as prettier from "prettier";
import { describe, expect, test } from "vitest";
import type { ApiModel, Schema } from "../../model/types.js";
import { typeCheck, writeTree } from "../../../test/client/compile.js";
import { emitTypesFile } from "../types/types-file.js";
import { createTypeIndex } from "./type-index.js";

/* Shapes whose layout depends on the line width: each is declared at top level and as a member,
   with names long enough to push it past 80 columns, and prettier must not change a character. */
const ref = (name: string): Schema => ({
  $ref: `#/components/schemas/${name}`,
});
const long = "AVeryLongSchemaNameThatTakesUpMostOfTheLine";
const words = [
  "alpha-one",
  "beta-two",
  "gamma-three",
  "delta-four",
  "epsilon-five",
];

const shapes: Record<string, Schema> = {
  ShortUnion: { enum: ["a", "b"] },
  LongEnum: { enum: [...words, ...words.map((w) => w + "-again")] },
  MediumEnum: { enum: words.slice(0, 4) },
  NullableLongRef: { anyOf: [ref(long), { type: "null" }] },
  ArrayOfLongEnum: { type: "array", items: { enum: [...words, "zeta-six"] } },
  ArrayOfMediumEnum: { type: "array", items: { enum: words.slice(0, 4) } },
  ArrayOfObjects: {
    type: "array",
    items: { type: "object", properties: { a: { type: "string" } } },
  },
  NullableObject: {
    type: ["object", "null"],
    properties: { a: { type: "string" } },
  },
  UnionOfObjects: {
    oneOf: [
      { type: "object", properties: { a: { type: "string" } } },
      { type: "object", properties: { b: { type: "number" } } },
      ref(long),
    ],
  },
  IntersectionWithObject: {
    allOf: [
      ref(long),
      ref("ShortUnion"),
      { type: "object", properties: { extra: { type: "string" } } },
    ],
  },
  LongIntersection: {
    allOf: [ref(long), ref(long + "Two"), ref(long + "Three")],
  },
  MapOfLongEnum: {
    type: "object",
    additionalProperties: { enum: [...words, "zeta-six"] },
  },
  MapOfObjects: {
    type: "object",
    additionalProperties: {
      type: "object",
      properties: { a: { type: "string" } },
    },
  },
  LongTuple: {
    type: "array",
    prefixItems: [ref(long), ref(long + "Two"), { type: "string" }],
    items: { not: {} },
  },
  Discriminated: {
    oneOf: [ref(long), ref(long + "Two")],
    discriminator: { propertyName: "kindOfThingWithALongName" },
  },
  NullableMap: {
    type: ["object", "null"],
    additionalProperties: { type: "string" },
  },
  NullableLongMap: {
    type: ["object", "null"],
    additionalProperties: ref(long),
  },
  ArrayOfLongRef: { type: "array", items: ref(long + "Three") },
  NullableArrayOfLongRef: { type: ["array", "null"], items: ref(long) },
  LongLiteral: {
    const:
      "a string constant that is long enough to overflow the line on its own",
  },
  TwoRefs: { oneOf: [ref(long), ref(long + "Two")] },
  TupleOfUnions: {
    type: "array",
    prefixItems: [{ enum: words }, { enum: words }],
  },
  UnionWithIntersection: {
    oneOf: [{ allOf: [ref(long), ref(long + "Two")] }, { type: "string" }],
  },
  StringOrNumberArray: {
    type: "array",
    items: { type: ["string", "number", "boolean", "null"] },
  },
  ArrayOfArrays: {
    type: "array",
    items: { type: "array", items: { enum: words } },
  },
  // found by the fuzz test: a long union inside an intersection lost its parentheses
  IntersectionWithLongUnion: {
    allOf: [ref(long), { enum: [...words, ...words.map((w) => w + "-again")] }],
  },
};

function model(): ApiModel {
  const schemas: ApiModel["schemas"] = {};
  for (const name of [long, long + "Two", long + "Three"])
    schemas[name] = {
      name,
      schema: {
        type: "object",
        properties: { kindOfThingWithALongName: { type: "string" } },
      },
      sources: [],
    };
  for (const [name, schema] of Object.entries(shapes)) {
    schemas[name] = { name, schema, sources: [] };
    schemas[`${name}${long}`] = { name: `${name}${long}`, schema, sources: [] };
  }
  schemas.Holder = {
    name: "Holder",
    schema: {
      type: "object",
      properties: Object.fromEntries(
        Object.entries(shapes).flatMap(([name, schema]) => [
          [name.charAt(0).toLowerCase() + name.slice(1), schema],
          [`${name}-with-a-property-name-long-enough`, schema],
          [
            `nested${name}`,
            {
              type: "object",
              properties: { [`deeper-${name}-property`]: schema },
            },
          ],
        ]),
      ),
    },
    sources: [],
  };
  return {
    info: { title: "T", version: "1" },
    servers: [],
    securitySchemes: {},
    schemas,
    tags: [],
    endpoints: [],
    diagnostics: [],
  };
}

describe("type printer", () => {
  test("lays out long unions, intersections, arrays, maps and tuples as prettier does", async () => {
    const m = model();
    const text = emitTypesFile(m, createTypeIndex(m)).contents;
    const formatted = await prettier.format(text, { parser: "typescript" });
    if (process.env.DUMP_PRINT) {
      const { writeFileSync } = await import("node:fs");
      writeFileSync("/tmp/ours.ts", text);
      writeFileSync("/tmp/theirs.ts", formatted);
    }
    expect(text).toBe(formatted);
    expect(await typeCheck(writeTree({ "types.ts": text }))).toBe("");
  });
});
