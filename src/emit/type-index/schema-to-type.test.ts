import { describe, expect, test } from "vitest";
import type { Schema } from "../../model/types.js";
import { printType } from "./type-index.js";
import { schemaToType, type SchemaMode } from "./schema-to-type.js";

const named = (name: string, schema: Schema) => ({ name, schema, sources: [] });
const naming = {
  refName: (name: string, mode: SchemaMode) =>
    mode === "write" && name === "Pet" ? "PetWrite" : name,
  schemas: {
    Cat: named("Cat", { type: "object" }),
    Dog: named("Dog", { type: "object" }),
    Files: named("Files", { type: "array", items: { type: "object" } }),
  },
};
const ref = (name: string): Schema => ({
  $ref: `#/components/schemas/${name}`,
});

const cases: [
  string,
  { given: Schema | undefined; mode?: SchemaMode; want: string },
][] = [
  ["no schema is unknown", { given: undefined, want: "unknown" }],
  ["an empty schema is unknown", { given: {}, want: "unknown" }],
  ["integer is number", { given: { type: "integer" }, want: "number" }],
  [
    "date-time stays string",
    { given: { type: "string", format: "date-time" }, want: "string" },
  ],
  [
    "binary is a Blob in a form",
    { given: { type: "string", format: "binary" }, mode: "form", want: "Blob" },
  ],
  [
    "binary is a string in JSON",
    {
      given: { type: "string", format: "binary" },
      mode: "write",
      want: "string",
    },
  ],
  [
    "binary is a string in a JSON response",
    { given: { type: "string", format: "binary" }, want: "string" },
  ],
  [
    "type array with null",
    { given: { type: ["string", "null"] }, want: "string | null" },
  ],
  [
    "string enum",
    { given: { type: "string", enum: ["a", "b c"] }, want: '"a" | "b c"' },
  ],
  [
    "enum value with double quotes",
    { given: { enum: ['say "hi"'] }, want: "'say \"hi\"'" },
  ],
  ["number enum", { given: { enum: [1, -2.5] }, want: "1 | -2.5" }],
  ["nullable enum", { given: { enum: ["x", null] }, want: '"x" | null' }],
  ["const", { given: { const: "fixed" }, want: '"fixed"' }],
  ["reference", { given: ref("Pet"), want: "Pet" }],
  [
    "reference in write mode",
    { given: ref("Pet"), mode: "write", want: "PetWrite" },
  ],
  ["escaped reference name", { given: ref("a~1b"), want: "a/b" }],
  [
    "array of union",
    {
      given: { type: "array", items: { type: ["string", "number"] } },
      want: "(string | number)[]",
    },
  ],
  ["array without items", { given: { type: "array" }, want: "unknown[]" }],
  [
    "closed tuple",
    {
      given: {
        type: "array",
        prefixItems: [{ type: "string" }, { type: "number" }],
        items: { not: {} },
        minItems: 2,
      },
      want: "[string, number]",
    },
  ],
  [
    "a tuple requires no element",
    {
      given: {
        type: "array",
        prefixItems: [{ type: "string" }, { type: ["number", "null"] }],
      },
      want: "[string?, (number | null)?, ...unknown[]]",
    },
  ],
  [
    "minItems requires the first elements",
    {
      given: {
        type: "array",
        prefixItems: [{ type: "string" }, { type: "number" }],
        minItems: 1,
      },
      want: "[string, number?, ...unknown[]]",
    },
  ],
  [
    "additionalItems after draft-4 array-form items",
    {
      given: {
        type: "array",
        prefixItems: [{ type: "string" }],
        additionalItems: false,
      },
      want: "[string?]",
    },
  ],
  [
    "a tuple without type admits any value",
    { given: { prefixItems: [ref("Cat"), { type: "null" }] }, want: "unknown" },
  ],
  [
    "open tuple",
    {
      given: {
        type: "array",
        prefixItems: [{ type: "string" }],
        items: { type: "boolean" },
        minItems: 1,
      },
      want: "[string, ...boolean[]]",
    },
  ],
  [
    "bare object",
    { given: { type: "object" }, want: "Record<string, unknown>" },
  ],
  [
    "map",
    {
      given: { type: "object", additionalProperties: ref("Pet") },
      want: "Record<string, Pet>",
    },
  ],
  [
    "allOf is an intersection",
    { given: { allOf: [ref("A"), ref("B")] }, want: "A & B" },
  ],
  [
    "oneOf is a union",
    { given: { oneOf: [ref("A"), { type: "string" }] }, want: "A | string" },
  ],
  [
    "anyOf with null",
    { given: { anyOf: [ref("A"), { type: "null" }] }, want: "A | null" },
  ],
  [
    "object type next to allOf adds nothing",
    { given: { type: "object", allOf: [ref("A")] }, want: "A" },
  ],
  [
    "discriminator tags each member",
    {
      given: {
        oneOf: [ref("Cat"), ref("Dog")],
        discriminator: {
          propertyName: "kind",
          mapping: { cat: "#/components/schemas/Cat" },
        },
      },
      want: '(Cat & { kind: "cat" }) | (Dog & { kind: "Dog" })',
    },
  ],
  [
    "a discriminated member that is no object (GitHub's content-directory, an array) gets no literal",
    {
      given: {
        oneOf: [ref("Files"), ref("Cat")],
        discriminator: {
          propertyName: "type",
          mapping: {
            array: "#/components/schemas/Files",
            file: "#/components/schemas/Cat",
          },
        },
      },
      want: 'Files | (Cat & { type: "file" })',
    },
  ],
  [
    "a required member nothing declares is required, typed by additionalProperties",
    {
      given: {
        type: "object",
        required: ["a"],
        additionalProperties: { type: "string" },
      },
      want: "{\n  a: string;\n  [key: string]: string;\n}",
    },
  ],
  [
    "`required` beside an allOf, with no type: those members are present (WithRequired)",
    {
      given: { allOf: [ref("Cat")], required: ["name"] },
      want: "Cat & {\n  name: {} | null;\n}",
    },
  ],
  [
    "an allOf member that only lists `required`: those members are present",
    {
      given: { allOf: [ref("Cat"), { required: ["name"] }] },
      want: "Cat & {\n  name: {} | null;\n}",
    },
  ],
  [
    "`required` beside a oneOf of objects, with no type: present whichever member matches",
    {
      given: { oneOf: [ref("Cat"), ref("Dog")], required: ["name"] },
      want: "(Cat | Dog) & {\n  name: {} | null;\n}",
    },
  ],
  [
    "oneOf members that only list `required` (urlbox's RenderRequest): one of them is present",
    {
      given: {
        properties: { url: { type: "string" }, html: { type: "string" } },
        oneOf: [{ required: ["url"] }, { required: ["html"] }],
      },
      want: "{\n  url?: string;\n  html?: string;\n} & (\n  | {\n      url: {} | null;\n    }\n  | {\n      html: {} | null;\n    }\n)",
    },
  ],
  [
    "an anyOf member that only lists a readOnly member requires nothing of a request",
    {
      given: {
        type: "object",
        properties: { id: { type: "string", readOnly: true } },
        anyOf: [{ required: ["id"] }, { required: ["name"] }],
      },
      mode: "write",
      want: "{\n  id?: string;\n}",
    },
  ],
  [
    "`required` beside an allOf names only a readOnly member: a request need not send it",
    {
      given: {
        allOf: [
          { type: "object", properties: { id: { readOnly: true } } },
          { required: ["id"] },
        ],
        required: ["id"],
      },
      mode: "write",
      want: "{\n  id?: unknown;\n}",
    },
  ],
  [
    "`required` beside a composition that admits a string says nothing of the string",
    {
      given: { anyOf: [{ type: "string" }, ref("Cat")], required: ["name"] },
      want: "string | Cat",
    },
  ],
  [
    "`items` without `type` types arrays only: a oneOf's other types pass",
    {
      given: {
        items: { type: "string" },
        oneOf: [{ type: "array", items: {} }, { type: "string" }],
      },
      want: "(string[] | string) & (unknown[] | string)",
    },
  ],
  [
    // linqr's Icon: {additionalProperties: false, allOf: [{$ref: Icons}]}, Icons a string enum;
    // the validators let "icon://mail" pass, the type was Record<string, unknown> & Icons
    "`additionalProperties` without `type` types objects only: an allOf's other types pass",
    {
      given: {
        additionalProperties: false,
        allOf: [{ type: "string", enum: ["icon://mail"] }],
      },
      want: '(Record<string, unknown> | string) & "icon://mail"',
    },
  ],
  [
    // plaid's ExternalPaymentScheduleRequest: a null passes one allOf member, not the other
    "an allOf passes the types all its typed members share",
    {
      given: {
        properties: { a: { type: "string" } },
        allOf: [{ type: ["object", "null"] }, { type: "object" }, {}],
      },
      want: "{\n  a?: string;\n} & (Record<string, unknown> | null) &\n  Record<string, unknown>",
    },
  ],
  [
    "a type written beside oneOf holds for every member",
    {
      given: {
        type: "array",
        items: { type: "string" },
        oneOf: [{ type: "array", items: {} }, { type: "string" }],
      },
      want: "string[] & (unknown[] | string)",
    },
  ],
  [
    "a written type no alternative shares admits nothing: never",
    {
      given: { type: "null", oneOf: [{ type: "string" }, { type: "number" }] },
      want: "never",
    },
  ],
  [
    "an alternative without a written type is not judged",
    {
      given: { type: "string", oneOf: [{ minLength: 1 }, { type: "integer" }] },
      want: "string",
    },
  ],
  [
    "a `false` schema (`{not: {}}`) admits nothing: never",
    {
      given: {
        type: "object",
        properties: {
          gone: { not: {} },
          none: { type: "array", items: { not: {} } },
        },
      },
      want: "{\n  gone?: never;\n  none?: never[];\n}",
    },
  ],
  [
    "a required member nothing declares, without additionalProperties: any value, no index signature",
    {
      given: { type: "object", required: ["a"] },
      want: "{\n  a: {} | null;\n}",
    },
  ],
  [
    "object members, optional unless required, quoted when not identifiers",
    {
      given: {
        type: "object",
        required: ["id"],
        properties: { id: { type: "integer" }, "x-y": { type: "string" } },
      },
      want: '{\n  id: number;\n  "x-y"?: string;\n}',
    },
  ],
  [
    "readOnly members are optional in write mode",
    {
      given: {
        type: "object",
        required: ["id"],
        properties: { id: { type: "integer", readOnly: true } },
      },
      mode: "write",
      want: "{\n  id?: number;\n}",
    },
  ],
  [
    "writeOnly members are optional in read mode",
    {
      given: {
        type: "object",
        required: ["pw"],
        properties: { pw: { type: "string", writeOnly: true } },
      },
      want: "{\n  pw?: string;\n}",
    },
  ],
  [
    "properties plus additionalProperties: the index is the value's type or a member's",
    {
      given: {
        type: "object",
        properties: { a: { type: "string" } },
        additionalProperties: { type: "number" },
      },
      want: "{\n  a?: string;\n  [key: string]: number | string | undefined;\n}",
    },
  ],
  [
    "properties plus additionalProperties, every member required: no undefined",
    {
      given: {
        type: "object",
        required: ["a"],
        properties: { a: { type: "string" } },
        additionalProperties: { type: "number" },
      },
      want: "{\n  a: string;\n  [key: string]: number | string;\n}",
    },
  ],
  [
    // ajv accepts { "x-owner": "ops", "count": 1 }: `x-owner` is the pattern's, not a number
    "a patternProperties member is not typed by additionalProperties",
    {
      given: {
        type: "object",
        patternProperties: { "^x-": { type: "string" } },
        additionalProperties: { type: "integer" },
      },
      want: "Record<string, unknown>",
    },
  ],
  [
    "descriptions become JSDoc that cannot be closed early",
    {
      given: {
        type: "object",
        properties: {
          a: { type: "string", description: "ends */ here", deprecated: true },
        },
      },
      want: "{\n  /**\n   * ends *\\/ here\n   * @deprecated\n   */\n  a?: string;\n}",
    },
  ],
];

describe("schemaToType", () => {
  test.each(cases)("%s", (_name, { given, mode, want }) => {
    expect(printType(schemaToType(given, naming, mode ?? "read"))).toBe(want);
  });
});

describe("schemaToType's short paths give what the general ones give", () => {
  const modes: SchemaMode[] = ["read", "write", "form"];
  const shapes: Schema[] = [
    { type: "string" },
    { type: "string", format: "binary" },
    { type: "integer" },
    { type: "number" },
    { type: "boolean" },
    { type: "null" },
    { type: "array", items: { type: "string", format: "binary" } },
    { type: "array", prefixItems: [{ type: "number" }], minItems: 1 },
    {
      type: "object",
      properties: { a: { type: "string", readOnly: true }, b: ref("Pet") },
      additionalProperties: { type: "number" },
    },
    { type: "object", additionalProperties: { type: "boolean" } },
  ];

  test.each(modes)(
    "one type is the union of that type listed twice (%s)",
    (mode) => {
      for (const shape of shapes) {
        const once = schemaToType(shape, naming, mode);
        const twice = schemaToType(
          { ...shape, type: [shape.type, shape.type] } as Schema,
          naming,
          mode,
        );
        expect(once).toEqual(twice);
      }
    },
  );

  test.each(modes)("a schema is the allOf of itself alone (%s)", (mode) => {
    for (const shape of shapes)
      expect(schemaToType({ allOf: [shape] }, naming, mode)).toEqual(
        schemaToType(shape, naming, mode),
      );
  });

  test.each(modes)("no `required` is an empty one (%s)", (mode) => {
    for (const shape of shapes) {
      const without = schemaToType(shape, naming, mode);
      expect(without).toEqual(
        schemaToType({ ...shape, required: [] }, naming, mode),
      );
    }
    // and a list still makes members required
    const listed = schemaToType(
      { type: "object", properties: { a: {} }, required: ["a"] },
      naming,
      mode,
    );
    expect(listed).toEqual({
      kind: "object",
      members: [
        { name: "a", optional: false, type: { kind: "raw", text: "unknown" } },
      ],
    });
  });

  test.each(modes)(
    "one type named is that type listed, an unknown name none (%s)",
    (mode) => {
      for (const shape of shapes)
        expect(schemaToType(shape, naming, mode)).toEqual(
          schemaToType(
            { ...shape, type: [shape.type] } as Schema,
            naming,
            mode,
          ),
        );
      const properties = { a: { type: "string" } } as const;
      // each asked twice: the second answer comes from what the first remembered
      for (let i = 0; i < 2; i++) {
        for (const name of ["bogus", "file"])
          expect(
            schemaToType({ type: name, properties } as Schema, naming, mode),
          ).toEqual(schemaToType({ properties }, naming, mode));
        expect(
          schemaToType({ type: "string", properties }, naming, mode),
        ).toEqual(schemaToType({ type: ["string"], properties }, naming, mode));
      }
    },
  );

  test.each(modes)(
    "empty composition lists are none; each list alone composes (%s)",
    (mode) => {
      for (const shape of shapes) {
        const plain = schemaToType(shape, naming, mode);
        expect(
          schemaToType(
            { ...shape, allOf: [], oneOf: [], anyOf: [] },
            naming,
            mode,
          ),
        ).toEqual(plain);
        for (const keyword of ["allOf", "oneOf", "anyOf"])
          expect(
            schemaToType(
              { ...shape, [keyword]: [{ type: "boolean" }] },
              naming,
              mode,
            ),
          ).not.toEqual(plain);
      }
    },
  );

  test("members follow the properties' own key order, index-like names first", () => {
    const properties = {
      b: { type: "string" },
      "10": { type: "string" },
      a: { type: "string" },
      "2": { type: "string" },
    } as const;
    const node = schemaToType(
      { type: "object", properties, required: ["a"] },
      naming,
      "read",
    );
    expect(
      node.kind === "object" ? node.members.map((m) => m.name) : [],
    ).toEqual(Object.keys(properties));
    expect(Object.keys(properties)).toEqual(["2", "10", "b", "a"]);
  });

  test("the shared keyword nodes print the same each time", () => {
    const node = schemaToType({ type: ["string", "null"] }, naming, "read");
    expect(printType(node)).toBe("string | null");
    expect(printType(schemaToType({ type: "string" }, naming, "read"))).toBe(
      "string",
    );
    expect(printType(node)).toBe("string | null");
  });
});
