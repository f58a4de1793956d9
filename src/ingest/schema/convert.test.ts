import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { ingestTexts } from "../index.js";

/** Reads one inline document and returns its named schemas and diagnostics. */
function read(document: Record<string, unknown>) {
  const { documents, diagnostics } = ingestTexts([
    { file: "inline.json", text: JSON.stringify(document) },
  ]);
  return { schemas: documents[0]!.schemas, diagnostics };
}

const openapi31 = (schemas: Record<string, unknown>) => ({
  openapi: "3.1.0",
  info: { title: "t", version: "1" },
  paths: {},
  components: { schemas },
});

describe("the schema converter", () => {
  it.each([
    [
      "Swagger 2.0 type: file",
      "swagger2",
      { type: "file" },
      { type: "string", format: "binary" },
    ],
    [
      "x-nullable on an enum",
      "swagger2",
      { type: "string", enum: ["a"], "x-nullable": true },
      { type: ["string", "null"], enum: ["a", null] },
    ],
    [
      "boolean exclusiveMinimum",
      "swagger2",
      { type: "number", minimum: 1, exclusiveMinimum: true },
      { type: "number", exclusiveMinimum: 1 },
    ],
    [
      "OpenAPI 3.0 nullable without a type",
      "3.0",
      { allOf: [{ type: "object" }], nullable: true },
      { anyOf: [{ allOf: [{ type: "object" }] }, { type: "null" }] },
    ],
    [
      "OpenAPI 3.0 nullable with a type and allOf (Plaid's employer address)",
      "3.0",
      { type: "object", allOf: [{ type: "object" }], nullable: true },
      {
        anyOf: [
          { type: "object", allOf: [{ type: "object" }] },
          { type: "null" },
        ],
      },
    ],
    [
      "OpenAPI 3.0 nullable alone in an allOf member (Box's trashed file's parent)",
      "3.0",
      { allOf: [{ type: "object" }, { description: "d" }, { nullable: true }] },
      {
        anyOf: [
          {
            allOf: [
              { type: "object" },
              { description: "d" },
              { anyOf: [{}, { type: "null" }] },
            ],
          },
          { type: "null" },
        ],
      },
    ],
    [
      "OpenAPI 3.0 nullable with a type in an allOf member (no null: the first member refuses it)",
      "3.0",
      { allOf: [{ type: "object" }, { type: "object", nullable: true }] },
      { allOf: [{ type: "object" }, { type: ["object", "null"] }] },
    ],
    [
      "example beside examples",
      "3.1",
      { type: "string", examples: ["b"], example: "a" },
      { type: "string", examples: ["a", "b"] },
    ],
  ])("converts %s", (_, dialect, given, want) => {
    const document =
      dialect === "swagger2"
        ? {
            swagger: "2.0",
            info: { title: "t", version: "1" },
            paths: {},
            definitions: { X: given },
          }
        : {
            ...openapi31({ X: given }),
            openapi: dialect === "3.0" ? "3.0.3" : "3.1.0",
          };
    expect(read(document).schemas.X!.schema).toEqual(want);
  });

  it("applies OpenAPI 3.1 $ref siblings with allOf, keeping documentation beside it", () => {
    const { schemas } = read(
      openapi31({
        Base: { type: "object" },
        Named: {
          $ref: "#/components/schemas/Base",
          description: "a base with a name",
          required: ["name"],
        },
      }),
    );
    expect(schemas.Named!.schema).toEqual({
      allOf: [{ $ref: "#/components/schemas/Base" }, { required: ["name"] }],
      description: "a base with a name",
    });
  });

  it("breaks a cycle of pure aliases with a warning instead of emitting A = B, B = A", () => {
    const { schemas, diagnostics } = read(
      openapi31({
        A: { $ref: "#/components/schemas/B" },
        B: { $ref: "#/components/schemas/A" },
        Tree: {
          type: "object",
          properties: {
            children: {
              type: "array",
              items: { $ref: "#/components/schemas/Tree" },
            },
          },
        },
      }),
    );
    expect(schemas.A!.schema).toEqual({});
    expect(schemas.B!.schema).toEqual({ $ref: "#/components/schemas/A" });
    expect(diagnostics.map((d) => d.code)).toEqual(["schema/alias-cycle"]);
    // a recursive type is not an alias cycle
    expect(schemas.Tree!.schema.properties!.children!.items).toEqual({
      $ref: "#/components/schemas/Tree",
    });
  });

  it("keeps members named like Object.prototype's as plain data", () => {
    const { schemas } = read(
      JSON.parse(
        JSON.stringify(
          openapi31({
            constructor: { type: "string" },
            Odd: { type: "object" },
          }),
        ).replace(
          '"type":"object"',
          '"type":"object","properties":{"__proto__":{"type":"integer"}}',
        ),
      ),
    );
    expect(Object.keys(schemas)).toEqual(["constructor", "Odd"]);
    expect(Object.keys(schemas.Odd!.schema.properties!)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(schemas.Odd!.schema.properties)).toBe(
      Object.prototype,
    );
  });
});

describe("the places the converter reports deep inside a schema", () => {
  it("are the lines of the keywords and values, however deep (places made only when reported)", () => {
    const text = JSON.stringify(
      openapi31({
        A: {
          properties: {
            p: {
              items: {
                allOf: [
                  { patternProperties: { "(?<bad": {} } },
                  { properties: { q: { pattern: "[unclosed" } } },
                  { type: "number", enum: [1, "NaN"] },
                  { not: { minLength: "long" } },
                  {
                    discriminator: {
                      propertyName: "k",
                      mapping: { m: "Missing" },
                    },
                  },
                ],
              },
            },
          },
        },
      }),
      null,
      2,
    );
    const { diagnostics } = ingestTexts([{ file: "deep.json", text }]);
    const lineOf = (needle: string) =>
      text.split("\n").findIndex((l) => l.includes(needle)) + 1;
    const at = (code: string) =>
      diagnostics.filter((d) => d.code === code).map((d) => d.line);
    expect(at("schema/invalid-pattern")).toEqual([
      lineOf('"(?<bad"'),
      lineOf('"[unclosed"'),
    ]);
    expect(at("schema/non-finite-enum")).toEqual([lineOf('"NaN"')]);
    expect(at("schema/invalid-keyword")).toEqual([lineOf('"long"')]);
    expect(at("ref/not-found")).toEqual([lineOf('"Missing"')]);
  });
});

describe("the converter's $refs", () => {
  it("resolves a $ref text once per document, and reports one that fails at each place", () => {
    const text = JSON.stringify(
      openapi31({
        A: {
          properties: {
            x: { $ref: "#/components/schemas/B" },
            y: { $ref: "#/components/schemas/B" },
            m: { $ref: "#/components/schemas/Missing" },
            n: { $ref: "#/components/schemas/Missing" },
          },
        },
        B: { type: "string" },
      }),
      null,
      2,
    );
    const { documents, diagnostics } = ingestTexts([{ file: "r.json", text }]);
    const a = documents[0]!.schemas.A!.schema.properties!;
    expect(a.x).toEqual({ $ref: "#/components/schemas/B" });
    expect(a.y).toEqual(a.x);
    expect(a.m).toEqual({});
    const lines = text.split("\n");
    const lineOf = (key: string) =>
      lines.findIndex((l) => l.includes(`"${key}": {`)) + 1;
    expect(
      diagnostics.filter((d) => d.code === "ref/not-found").map((d) => d.line),
    ).toEqual([lineOf("m") + 1, lineOf("n") + 1]);
  });
});

describe("a $ref and what is written beside it", () => {
  const B = "#/components/schemas/B";
  const converted = (openapi: string, ref: Record<string, unknown>) => {
    const { documents } = ingestTexts([
      {
        file: "s.json",
        text: JSON.stringify({
          ...openapi31({ A: ref, B: { type: "string" } }),
          openapi,
        }),
      },
    ]);
    return documents[0]!.schemas.A!.schema;
  };
  it.each([
    ["3.0.3", {}, { $ref: B }],
    ["3.1.0", {}, { $ref: B }],
    ["3.0.3", { description: "d" }, { $ref: B, description: "d" }],
    ["3.1.0", { readOnly: true }, { $ref: B, readOnly: true }],
    ["3.0.3", { nullable: true }, { anyOf: [{ $ref: B }, { type: "null" }] }],
    ["3.0.3", { minLength: 1 }, { $ref: B }],
    ["3.1.0", { "x-a": 1, example: 2 }, { $ref: B }],
    ["3.1.0", { minLength: 1 }, { allOf: [{ $ref: B }, { minLength: 1 }] }],
  ])("in OpenAPI %s, beside it %j, reads as %j", (openapi, beside, want) => {
    expect(converted(openapi, { ...beside, $ref: B })).toEqual(want);
    expect(converted(openapi, { $ref: B, ...beside })).toEqual(want);
  });
});

describe("`required` names that `properties` does not declare", () => {
  const warned = (schemas: Record<string, unknown>) => {
    const text = JSON.stringify(openapi31(schemas), null, 2);
    const { diagnostics } = ingestTexts([{ file: "r.json", text }]);
    return diagnostics
      .filter((d) => d.code === "schema/undeclared-required")
      .map((d) => text.split("\n")[d.line - 1]!.trim());
  };
  const tag = { dockerImageTag: { type: "string" } };

  it("are reported at the first such entry, once per schema, in a closed object too", () => {
    expect(
      warned({
        Def: {
          type: "object",
          properties: tag,
          required: ["dockerImageTag", "dockerImageag", "nam"],
        },
        Closed: {
          properties: tag,
          additionalProperties: false,
          required: ["dockerImageTag", "tag"],
        },
        Deep: {
          properties: { inner: { properties: tag, required: ["inner"] } },
        },
      }),
    ).toEqual(['"dockerImageag",', '"tag"', '"inner"']);
  });

  it("are left alone where a sibling, a parent, a map or the named schema may declare them", () => {
    expect(
      warned({
        Base: { properties: { id: { type: "string" } } },
        Member: {
          allOf: [
            { $ref: "#/components/schemas/Base" },
            { properties: tag, required: ["id"] },
          ],
        },
        Parent: {
          properties: { id: { type: "string" } },
          oneOf: [{ properties: tag, required: ["id"] }],
        },
        Map: {
          properties: tag,
          additionalProperties: { type: "string" },
          required: ["x"],
        },
        Patterned: {
          properties: tag,
          patternProperties: { "^x": {} },
          required: ["x1"],
        },
        BesideRef: {
          $ref: "#/components/schemas/Base",
          properties: tag,
          required: ["id"],
        },
        Declared: { properties: tag, required: ["dockerImageTag"] },
        NoProperties: { type: "object", required: ["any"] },
      }),
    ).toEqual([]);
  });
});

describe("an `enum` with no value of the schema's `type`", () => {
  it("is reported at the enum, `null` beside a nullable type aside", () => {
    const text = JSON.stringify(
      openapi31({
        Tags: { type: "array", items: { type: "string" }, enum: ["a", "b"] },
        Severity: { type: "string", enum: [10, 20, 30] },
        Level: { type: "integer", enum: ["1", "2"] },
        Mixed: { type: "integer", enum: ["1", 2] },
        Nullable: { type: "string", nullable: true, enum: ["a", null] },
        Untyped: { enum: [1, "a"] },
      }),
      null,
      2,
    );
    const { diagnostics } = ingestTexts([{ file: "e.json", text }]);
    const lines = text.split("\n");
    expect(
      diagnostics
        .filter((d) => d.code === "schema/enum-outside-type")
        .map((d) => [lines[d.line - 1]!.trim(), d.message.split(":")[0]]),
    ).toEqual([
      ['"enum": [', '`enum` lists "a", "b", none of them of `type'],
      ['"enum": [', "`enum` lists 10, 20, 30, none of them of `type"],
      ['"enum": [', '`enum` lists "1", "2", none of them of `type'],
    ]);
  });
});

describe("a `type` that lists null beside an `enum` that does not", () => {
  it("is reported at the enum; a nullable 3.0 enum is not", () => {
    const text = JSON.stringify(
      openapi31({
        // Adyen's paymentInstrument, Vercel's generated unions
        Instrument: { type: ["string", "null"], enum: ["Cash", "Card"] },
        Listed: { type: ["string", "null"], enum: ["Cash", null] },
        OnlyNull: { type: ["null"], enum: [null] },
        Plain: { type: "string", enum: ["a"] },
      }),
      null,
      2,
    );
    const { diagnostics } = ingestTexts([{ file: "n.json", text }]);
    const lines = text.split("\n");
    expect(
      diagnostics
        .filter((d) => d.code === "schema/null-outside-enum")
        .map((d) => [
          lines
            .slice(0, d.line)
            .findLast((l) => /^ {6}"\w+": \{$/.test(l))!
            .trim(),
          lines[d.line - 1]!.trim(),
        ]),
    ).toEqual([['"Instrument": {', '"enum": [']]);
    const nullable30 = JSON.stringify({
      openapi: "3.0.3",
      info: { title: "t", version: "1" },
      paths: {},
      components: {
        schemas: { Level: { type: "string", nullable: true, enum: ["a"] } },
      },
    });
    expect(
      ingestTexts([{ file: "l.json", text: nullable30 }]).diagnostics.filter(
        (d) => d.code === "schema/null-outside-enum",
      ),
    ).toEqual([]);
  });
});

describe("a `type` no alternative shares", () => {
  it("is reported at the first alternative (allOf: the member), integer meeting number", () => {
    const text = JSON.stringify(
      openapi31({
        // Vercel's nullable unions: null is neither a string nor a number
        Namespace: {
          type: "null",
          oneOf: [{ type: "string" }, { type: "number" }],
        },
        Subscriptions: {
          type: "array",
          anyOf: [{ type: "object" }, { type: ["object", "null"] }],
        },
        Profile: { type: "object", allOf: [{}, { type: "string" }] },
        Count: { type: "number", anyOf: [{ type: "integer" }] },
        Whole: { type: "integer", oneOf: [{ type: "number" }] },
        Either: { type: ["null", "string"], oneOf: [{ type: "string" }] },
        Referred: {
          type: "null",
          oneOf: [{ $ref: "#/components/schemas/Count" }],
        },
        Untyped: {
          type: "string",
          oneOf: [{ minLength: 1 }, { type: "integer" }],
        },
      }),
      null,
      2,
    );
    const { diagnostics } = ingestTexts([{ file: "t.json", text }]);
    const lines = text.split("\n");
    // the named schema holding the line, and the line above it (the alternative's `{` is below)
    const place = (line: number) => [
      lines
        .slice(0, line)
        .findLast((l) => /^ {6}"\w+": \{$/.test(l))!
        .trim(),
      lines[line - 2]!.trim(),
    ];
    expect(
      diagnostics
        .filter((d) => d.code === "schema/type-outside-alternatives")
        .map((d) => [
          ...place(d.line),
          d.message.split(":").slice(0, 2).join(":"),
        ]),
    ).toEqual([
      [
        '"Namespace": {',
        '"oneOf": [',
        "`type: null` shares no type with any `oneOf` alternative (string, number)",
      ],
      [
        '"Subscriptions": {',
        '"anyOf": [',
        "`type: array` shares no type with any `anyOf` alternative (object, null)",
      ],
      [
        '"Profile": {',
        "{},",
        "`type: object` shares no type with this `allOf` member (string)",
      ],
    ]);
  });

  it("leaves a nullable schema alone: its null is still valid", () => {
    const text = JSON.stringify({
      openapi: "3.0.3",
      info: { title: "t", version: "1" },
      paths: {},
      components: {
        schemas: {
          Id: { type: "string", nullable: true, oneOf: [{ type: "integer" }] },
        },
      },
    });
    const { diagnostics } = ingestTexts([{ file: "n.json", text }]);
    expect(
      diagnostics.filter((d) => d.code === "schema/type-outside-alternatives"),
    ).toEqual([]);
  });
});

describe("an allOf member closed by additionalProperties: false", () => {
  const schemas = {
    Base: {
      type: "object",
      properties: { id: { type: "string" } },
      additionalProperties: false,
    },
    Video: {
      allOf: [
        { $ref: "#/components/schemas/Base" },
        { properties: { duration: { type: "integer" } } },
      ],
    },
    // closed over every member the others declare: no warning
    Clip: {
      allOf: [
        {
          properties: { id: {}, duration: {} },
          additionalProperties: false,
        },
        { properties: { duration: { type: "integer" } } },
      ],
    },
  };
  const text = JSON.stringify(openapi31(schemas), null, 2);
  const { diagnostics } = ingestTexts([{ file: "c.json", text }]);
  // ajv, JSON Schema's reading, judges what the warning says of the validators
  const ajv = new Ajv2020({ strict: false });
  ajv.addSchema({ $id: "c.json", components: { schemas } });
  const valid = (name: string, value: unknown) =>
    ajv.validate({ $ref: `c.json#/components/schemas/${name}` }, value);

  it("is reported at the member, and JSON Schema rejects a value with the others' members", () => {
    expect(
      diagnostics
        .filter((d) => d.code === "schema/closed-allof-member")
        // the member's `{`, then its first line
        .map((d) => [
          text
            .split("\n")
            .slice(d.line - 1, d.line + 1)
            .map((line) => line.trim())
            .join(" "),
          d.message,
        ]),
    ).toEqual([
      [
        '{ "$ref": "#/components/schemas/Base"',
        'this `allOf` member\'s `additionalProperties: false` refuses "duration", which the others declare: the validators (JSON Schema) reject every value with it, while the type allows it',
      ],
    ]);
    expect(valid("Video", { id: "v", duration: 3 })).toBe(false);
    expect(valid("Clip", { id: "v", duration: 3 })).toBe(true);
  });
});
