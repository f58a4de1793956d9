import { describe, expect, it } from "vitest";
import {
  allOfPropertyLookup,
  discriminatorCases,
  effectiveTypes,
  isAnnotation,
  isNullable,
  mainType,
  mapSubSchemas,
  requiredSplit,
  resolveSchema,
  scalarValues,
  walkSchemaNodes,
  type SubSchema,
} from "./schema.js";
import { schemaRef } from "./ref.js";
import { recursiveSchemaNames } from "./recursion.js";
import { schemaFacts } from "../../emit/type-index/write-variants.js";
import { resolveSerialization } from "../serialization.js";
import type { NamedSchema, Schema } from "../types.js";

function named(schemas: Record<string, Schema>): Record<string, NamedSchema> {
  const out: Record<string, NamedSchema> = {};
  for (const [name, schema] of Object.entries(schemas))
    Object.defineProperty(out, name, {
      value: { name, schema, sources: [] },
      enumerable: true,
    });
  return out;
}

describe("resolveSchema", () => {
  it("follows a reference whose name holds / and ~ (escaped as ~1 and ~0)", () => {
    const schemas = named({
      "ids/Id": { type: "integer" },
      "a~b": { type: "boolean" },
    });
    expect(
      resolveSchema(schemas, { $ref: "#/components/schemas/ids~1Id" }),
    ).toEqual({
      type: "integer",
    });
    expect(resolveSchema(schemas, { $ref: schemaRef("a~b") })).toEqual({
      type: "boolean",
    });
  });

  it("follows chains, and gives undefined for a cycle, a dangling or a foreign reference", () => {
    const schemas = named({
      A: { $ref: "#/components/schemas/B" },
      B: { type: "string" },
      C: { $ref: "#/components/schemas/D" },
      D: { $ref: "#/components/schemas/C" },
      E: { $ref: "#/components/schemas/E" },
      F: { $ref: "#/components/schemas/A" },
    });
    expect(
      resolveSchema(schemas, { $ref: "#/components/schemas/E" }),
    ).toBeUndefined();
    expect(resolveSchema(schemas, { $ref: "#/components/schemas/F" })).toEqual({
      type: "string",
    });
    expect(resolveSchema(schemas, { $ref: "#/components/schemas/A" })).toEqual({
      type: "string",
    });
    expect(
      resolveSchema(schemas, { $ref: "#/components/schemas/C" }),
    ).toBeUndefined();
    expect(
      resolveSchema(schemas, { $ref: "#/components/schemas/Nope" }),
    ).toBeUndefined();
    expect(resolveSchema(schemas, { $ref: "other.json#/X" })).toBeUndefined();
  });

  it("does not take inherited members for schema names", () => {
    const schemas = named({});
    for (const name of ["constructor", "__proto__", "toString"])
      expect(resolveSchema(schemas, { $ref: schemaRef(name) })).toBeUndefined();
    const proto = named(JSON.parse('{"__proto__": {"type": "number"}}'));
    expect(resolveSchema(proto, { $ref: schemaRef("__proto__") })).toEqual({
      type: "number",
    });
  });
});

describe("effective types and nullability", () => {
  it.each<[string, Schema, string[], string | undefined, boolean]>([
    ["a declared type", { type: "integer" }, ["integer"], "integer", false],
    [
      "a 3.1 type list with null",
      { type: ["string", "null"] },
      ["string", "null"],
      "string",
      true,
    ],
    [
      "two types",
      { type: ["string", "integer"] },
      ["string", "integer"],
      undefined,
      false,
    ],
    ["properties", { properties: { a: {} } }, ["object"], "object", false],
    [
      "additionalProperties",
      { additionalProperties: { type: "string" } },
      ["object"],
      "object",
      false,
    ],
    [
      "patternProperties",
      { patternProperties: { "^x": {} } },
      ["object"],
      "object",
      false,
    ],
    ["items", { items: { type: "string" } }, ["array"], "array", false],
    // a typeless tuple (draft-4 `items: [A, B]`) admits any non-array too
    ["prefixItems", { prefixItems: [{}] }, [], undefined, false],
    [
      "prefixItems and items",
      { prefixItems: [{}], items: {} },
      ["array"],
      "array",
      false,
    ],
    ["whole numbers", { enum: [1, 2] }, ["integer"], "integer", false],
    ["numbers", { enum: [1, 2.5] }, ["number"], "number", false],
    ["a const", { const: true }, ["boolean"], "boolean", false],
    [
      "an enum with null",
      { enum: ["a", null] },
      ["string", "null"],
      "string",
      true,
    ],
    ["a const null", { const: null }, ["null"], undefined, true],
    ["nothing", {}, [], undefined, false],
    [
      "a reference (not followed)",
      { $ref: "#/components/schemas/X" },
      [],
      undefined,
      false,
    ],
  ])("%s", (_, schema, types, main, nullable) => {
    expect(effectiveTypes(schema)).toEqual(types);
    expect(mainType(schema)).toBe(main);
    expect(isNullable(schema)).toBe(nullable);
  });

  it("a declared type wins over what the values would say", () => {
    expect(effectiveTypes({ type: "string", enum: [1] })).toEqual(["string"]);
    expect(isNullable({ type: "string", enum: ["a", null] })).toBe(false);
  });

  it("keeps only the values a URL can carry", () => {
    expect(scalarValues({ enum: ["a", 1, true, null, {}] })).toEqual([
      "a",
      1,
      true,
    ]);
    expect(scalarValues({ enum: [null] })).toBeUndefined();
    expect(scalarValues({ const: 0 })).toEqual([0]);
  });
});

describe("sub-schemas", () => {
  const leaf = (n: number): Schema => ({ title: `s${n}` });
  const schema: Schema = {
    properties: { a: leaf(1) },
    patternProperties: { "^x-": leaf(2) },
    additionalProperties: leaf(3),
    propertyNames: leaf(4),
    items: leaf(5),
    prefixItems: [leaf(6)],
    contains: leaf(7),
    allOf: [leaf(8)],
    anyOf: [leaf(9)],
    oneOf: [leaf(10)],
    not: leaf(11),
    if: leaf(12),
    then: leaf(13),
    else: leaf(14),
    dependentSchemas: { a: leaf(15) },
    unevaluatedItems: leaf(16),
    unevaluatedProperties: leaf(17),
    $defs: { D: leaf(18) },
    contentSchema: leaf(19),
    enum: [{ title: "data" }],
    const: { title: "data" },
    default: { properties: { no: leaf(0) } },
    examples: [{ items: leaf(0) }],
    "x-vendor": { items: leaf(0) },
    dependencies: { a: ["b"], c: leaf(20) },
  };

  it("walks every keyword that holds a schema, and no data", () => {
    const titles: unknown[] = [];
    walkSchemaNodes(schema, (s) => void titles.push((s as Schema).title));
    expect(titles).toEqual([
      undefined,
      ...Array.from({ length: 20 }, (_, i) => `s${i + 1}`),
    ]);
  });

  it("walks depth first, once per object, and can skip a branch", () => {
    const shared: Schema = { title: "a" };
    const tree: Schema = {
      title: "root",
      properties: {
        a: shared,
        b: { title: "b", items: shared },
        c: { title: "c", not: { title: "not" } },
      },
    };
    const seen: unknown[] = [];
    walkSchemaNodes(tree, (s) => {
      seen.push((s as Schema).title);
      return (s as Schema).title !== "c";
    });
    expect(seen).toEqual(["root", "a", "b", "c"]);
    let count = 0;
    walkSchemaNodes(true as SubSchema, () => void count++);
    expect(count).toBe(1);
  });

  it("maps sub-schemas and keeps every other keyword as it was", () => {
    const schema = JSON.parse(
      '{"type":"object","properties":{"__proto__":{"type":"string"},"b":{}},"enum":[{"type":"x"}]}',
    ) as Schema;
    const mapped = mapSubSchemas(schema, (sub) =>
      (sub as Schema).type === undefined
        ? undefined
        : { ...(sub as Schema), title: "t" },
    );
    expect(Object.keys(mapped.properties!)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(mapped.properties)).toBe(Object.prototype);
    expect(mapped.properties!["__proto__"]).toEqual({
      type: "string",
      title: "t",
    });
    expect(mapped.enum).toEqual([{ type: "x" }]);
  });

  it("knows the annotation-only keywords", () => {
    for (const k of [
      "title",
      "description",
      "examples",
      "readOnly",
      "xml",
      "x-foo",
    ])
      expect(isAnnotation(k)).toBe(true);
    for (const k of ["type", "$ref", "enum", "items", "format"])
      expect(isAnnotation(k)).toBe(false);
  });
});

describe("resolveSerialization", () => {
  it.each([
    ["query", {}, { style: "form", explode: true }],
    ["cookie", {}, { style: "form", explode: true }],
    ["path", {}, { style: "simple", explode: false }],
    ["header", {}, { style: "simple", explode: false }],
    ["query", { style: "deepObject" }, { style: "deepObject", explode: true }],
    [
      "query",
      { style: "pipeDelimited" },
      { style: "pipeDelimited", explode: false },
    ],
    ["path", { explode: true }, { style: "simple", explode: true }],
    ["query", { explode: false }, { style: "form", explode: false }],
  ] as const)("%s %j", (location, declared, resolved) => {
    expect(resolveSerialization(location, declared)).toEqual(resolved);
  });
});

describe("requiredSplit", () => {
  const schemas = named({
    Base: {
      properties: {
        id: { type: "string", readOnly: true },
        secret: { $ref: schemaRef("Secret") },
        name: { type: "string" },
      },
    },
    Secret: { type: "string", writeOnly: true },
  });

  it("splits by the members' readOnly/writeOnly, through $refs and allOf parts", () => {
    const schema: Schema = {
      allOf: [{ $ref: schemaRef("Base") }],
      required: ["id", "secret", "name", "name", "other"],
    };
    expect(requiredSplit(schemas, schema)).toEqual({
      always: ["name", "other"],
      notInRequest: ["id"],
      notInResponse: ["secret"],
    });
  });

  it("takes each name once, at its first place, in short and long lists alike", () => {
    const long = Array.from({ length: 40 }, (_, i) => `m${i % 17}`);
    for (const required of [
      ["b", "a", "b", 3, "a", "c"],
      [...long, "name", "id"],
    ]) {
      const split = requiredSplit(schemas, {
        allOf: [{ $ref: schemaRef("Base") }],
        required: required as string[],
      });
      const once = [...new Set(required)].filter(
        (n): n is string => typeof n === "string" && n !== "id",
      );
      expect(split.always).toEqual(once);
    }
  });

  it("finds readOnly/writeOnly through an allOf wrapper (OpenAPI 3.0's `$ref` with a description)", () => {
    const both = named({
      Id: { type: "string", readOnly: true },
      Password: { type: "string", writeOnly: true },
      Deep: { allOf: [{ $ref: schemaRef("Id") }] },
    });
    const schema: Schema = {
      properties: {
        id: { allOf: [{ $ref: schemaRef("Id") }], description: "assigned" },
        password: { allOf: [{ $ref: schemaRef("Password") }] },
        deep: { $ref: schemaRef("Deep") },
        // its own `readOnly: false` decides, whatever its parts say
        name: { allOf: [{ $ref: schemaRef("Id") }], readOnly: false },
      },
      required: ["id", "password", "deep", "name"],
    };
    expect(requiredSplit(both, schema)).toEqual({
      always: ["name"],
      notInRequest: ["id", "deep"],
      notInResponse: ["password"],
    });
  });

  it("an allOf member that only lists required finds the members in its siblings", () => {
    const allOf: Schema[] = [
      { $ref: schemaRef("Base") },
      { type: "object", required: ["id", "name"] },
    ];
    const member = allOf[1]!;
    expect(requiredSplit(schemas, member).notInRequest).toEqual([]);
    expect(
      requiredSplit(schemas, member, allOfPropertyLookup(schemas, allOf, 1)),
    ).toEqual({ always: ["name"], notInRequest: ["id"], notInResponse: [] });
  });
});

describe("discriminatorCases", () => {
  const schemas = named({
    Track: { properties: { type: { enum: ["track", "song"] } } },
    Episode: { allOf: [{ properties: { type: { const: "episode" } } }] },
    Show: { properties: { name: { type: "string" } } },
  });

  it("takes the mapping (references and bare names), then each member's own literal, then its name", () => {
    const schema: Schema = {
      oneOf: [
        { $ref: schemaRef("Track") },
        { $ref: schemaRef("Episode") },
        { $ref: schemaRef("Show") },
      ],
      discriminator: {
        propertyName: "type",
        mapping: { tv: "Show", gone: "Nope", pod: schemaRef("Nope") },
      },
    };
    expect(
      discriminatorCases(schemas, schema)!.map((c) => [c.value, c.ref]),
    ).toEqual([
      ["tv", schemaRef("Show")],
      ["track", schemaRef("Track")],
      ["song", schemaRef("Track")],
      ["episode", schemaRef("Episode")],
    ]);
  });

  it("is undefined without a discriminator", () => {
    expect(discriminatorCases(schemas, { oneOf: [] })).toBeUndefined();
  });

  it("leaves out a member no object satisfies, mapped or not (GitHub's content-directory, an array)", () => {
    const withArrays = named({
      Files: { type: "array", items: { $ref: schemaRef("Show") } },
      Name: { type: ["string", "null"] },
      Show: { type: ["object", "array"] },
    });
    const schema: Schema = {
      oneOf: ["Files", "Name", "Show"].map((n) => ({ $ref: schemaRef(n) })),
      discriminator: { propertyName: "type", mapping: { array: "Files" } },
    };
    expect(
      discriminatorCases(withArrays, schema)!.map((c) => [c.value, c.ref]),
    ).toEqual([["Show", schemaRef("Show")]]);
  });
});

describe("recursiveSchemaNames", () => {
  it("names the schemas on a $ref cycle, self-references included, and no others", () => {
    const schemas = named({
      Self: { additionalProperties: { $ref: schemaRef("Self") } },
      A: { properties: { b: { $ref: schemaRef("B") } } },
      B: { items: { $ref: schemaRef("A") } },
      Leaf: { type: "string" },
      User: { properties: { a: { $ref: schemaRef("A") } } },
    });
    const { refs } = schemaFacts(schemas);
    expect([...recursiveSchemaNames(schemas, refs)].sort()).toEqual([
      "A",
      "B",
      "Self",
    ]);
  });
});
