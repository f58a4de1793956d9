import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toPointer, type Path } from "../../model/pointer.js";
import type { IngestReporter } from "../codes.js";
import type { Schema } from "../../model/types.js";
import { makeContext } from "../ref-resolver.js";
import type { SourceDocument } from "../reader.js";
import { SchemaConverter } from "./convert.js";
import {
  applyDraft4Exclusive,
  makeNullable,
  nonFiniteEnumValues,
} from "./dialect-rules.js";
import {
  describeValue,
  EXPECTED_TEXT,
  KEYWORD_TYPES,
  SCHEMA_TYPES,
} from "./keywords.js";
import { patternFlags } from "../../model/patterns/flags.js";

/**
 * The converter keeps a schema the document wrote as the model's own object when nothing in it
 * changes. Its oracle is the converter before that (every schema, map and list copied key by
 * key), kept here for schemas without `$ref`: the two must give the same model and the same
 * diagnostics, and the document must never change.
 */

type Report = { code: string; pointer: string; message: string };

/** JSON Schema's seven types (Swagger's `file` is none of them). */
const JSON_TYPES = new Set<unknown>([
  "string",
  "number",
  "integer",
  "boolean",
  "object",
  "array",
  "null",
]);

/** The converter before it kept the document's objects (no `$ref`, no depth limit). */
function copyingConvert(raw: unknown, path: Path, reports: Report[]): Schema {
  const report = (code: string, message: string, at: Path) =>
    reports.push({ code, pointer: toPointer(at, "#"), message });
  const convert = (r: unknown, p: Path): Schema => {
    if (r === true || r === undefined) return {};
    if (r === false) return { not: {} };
    if (typeof r !== "object" || r === null || Array.isArray(r)) {
      report(
        "schema/not-a-schema",
        `a schema is an object (or true or false), not ${describeValue(r)}: it is read as any value`,
        p,
      );
      return {};
    }
    const source = r as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    const set = (key: string, value: unknown) =>
      Object.defineProperty(out, key, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    const checkPattern = (pattern: string, at: Path) => {
      if (patternFlags(pattern) === undefined)
        report(
          "schema/invalid-pattern",
          `the pattern ${JSON.stringify(pattern)} is not a JavaScript regular expression; validators do not check it`,
          at,
        );
    };
    for (const key of Object.keys(source)) {
      const value = source[key];
      switch (key) {
        case "properties":
        case "patternProperties":
        case "$defs":
        case "definitions":
          if (isObject(value)) {
            const props: Record<string, unknown> = {};
            if (key === "patternProperties")
              for (const name of Object.keys(value))
                checkPattern(name, [...p, key, name]);
            for (const name of Object.keys(value))
              Object.defineProperty(props, name, {
                value: convert(value[name], [...p, key, name]),
                enumerable: true,
                writable: true,
                configurable: true,
              });
            set(key, props);
          }
          break;
        case "items":
          if (Array.isArray(value))
            out.prefixItems = value.map((s, i) => convert(s, [...p, key, i]));
          else out.items = convert(value, [...p, key]);
          break;
        case "additionalProperties":
        case "not":
          set(
            key,
            typeof value === "boolean" ? value : convert(value, [...p, key]),
          );
          break;
        case "allOf":
        case "oneOf":
        case "anyOf":
          if (Array.isArray(value))
            set(
              key,
              value.map((s, i) => convert(s, [...p, key, i])),
            );
          break;
        case "discriminator":
          if (typeof value === "string")
            out.discriminator = { propertyName: value };
          else if (isObject(value) && typeof value.propertyName === "string")
            out.discriminator = { propertyName: value.propertyName };
          break;
        case "example":
          out.examples = [value, ...((out.examples as unknown[]) ?? [])];
          break;
        case "examples":
          if (Array.isArray(value))
            out.examples = [...((out.examples as unknown[]) ?? []), ...value];
          break;
        case "pattern":
          if (typeof value === "string") checkPattern(value, [...p, key]);
          set(key, value);
          break;
        case "nullable":
        case "x-nullable":
          break;
        case "exclusiveMinimum":
        case "exclusiveMaximum":
          if (typeof value === "number") out[key] = value;
          break;
        default: {
          const expected = KEYWORD_TYPES.get(key);
          let ok = true;
          if (
            expected === "string" &&
            (typeof value === "number" || typeof value === "boolean")
          ) {
            set(key, String(value)); // the fake document's textOf
            break;
          }
          if (expected === "string") ok = typeof value === "string";
          if (expected === "number")
            ok = typeof value === "number" && Number.isFinite(value);
          if (expected === "boolean") ok = typeof value === "boolean";
          if (expected === "strings")
            ok =
              Array.isArray(value) && value.every((v) => typeof v === "string");
          if (expected === "array") ok = Array.isArray(value);
          if (expected === "type")
            ok = Array.isArray(value)
              ? value.length > 0 && value.every((v) => SCHEMA_TYPES.has(v))
              : SCHEMA_TYPES.has(value);
          if (ok) set(key, value);
          else
            report(
              "schema/invalid-keyword",
              `${JSON.stringify(key)} must be ${EXPECTED_TEXT[expected!]}; ${describeValue(value)} is ignored`,
              [...p, key],
            );
        }
      }
    }
    applyDraft4Exclusive(source, out as Schema);
    const { required, properties } = source;
    const member =
      typeof p.at(-1) === "number" &&
      ["allOf", "anyOf", "oneOf"].includes(p.at(-2) as string);
    const declaring = [
      "additionalProperties",
      "patternProperties",
      "allOf",
      "anyOf",
      "oneOf",
      "if",
      "dependentSchemas",
      "$dynamicRef",
    ].some((k) => source[k] !== undefined && typeof source[k] !== "boolean");
    if (
      Array.isArray(required) &&
      isObject(properties) &&
      !member &&
      !declaring
    ) {
      const missing = required.flatMap((name, i) =>
        typeof name === "string" && !Object.hasOwn(properties, name) ? [i] : [],
      );
      const one = missing.length === 1;
      if (missing.length > 0)
        report(
          "schema/undeclared-required",
          `\`required\` lists ${missing.map((i) => JSON.stringify(required[i])).join(", ")}, which \`properties\` does not declare: the type requires ${one ? "it" : "them"} (any value but \`undefined\`) and the validators reject a value without ${one ? "it" : "them"}. A typo, or a member to declare?`,
          [...p, "required", missing[0]!],
        );
    }
    // the schema's type against its alternatives' inline types (integer meets number)
    const typeList = (t: unknown) => {
      const list = Array.isArray(t) ? t : [t];
      return list.length > 0 && list.every((x) => JSON_TYPES.has(x))
        ? (list as string[])
        : undefined;
    };
    const own = typeList(out.type);
    const numeric = (x: string) => x === "integer" || x === "number";
    if (own && source.nullable !== true && source["x-nullable"] !== true)
      for (const key of ["allOf", "anyOf", "oneOf"]) {
        const list = out[key];
        if (!Array.isArray(list) || list.length === 0) continue;
        const types = list.map((m: Record<string, unknown>) =>
          typeList(m.type),
        );
        const apart = types.map(
          (t) =>
            t !== undefined &&
            !t.some((b) =>
              own.some((a) => a === b || (numeric(a) && numeric(b))),
            ),
        );
        const i =
          key === "allOf" ? apart.indexOf(true) : apart.every(Boolean) ? 0 : -1;
        if (i < 0) continue;
        const theirs = key === "allOf" ? types[i]! : [...new Set(types.flat())];
        report(
          "schema/type-outside-alternatives",
          `\`type: ${own.join(", ")}\` shares no type with ${key === "allOf" ? "this `allOf` member" : `any \`${key}\` alternative`} (${theirs.join(", ")}): no value is both, so the validators reject every one${own.includes("null") ? ' (a nullable union is `type: [..., "null"]`, or `null` among the alternatives)' : own.includes("array") ? " (alternatives meant for `items`?)" : ""}`,
          [...p, key, i],
        );
      }
    // an allOf member closed by additionalProperties: false, beside members declaring others
    const names = (m: unknown) =>
      isObject(m) && isObject(m.properties) ? Object.keys(m.properties) : [];
    const members = Array.isArray(source.allOf) ? source.allOf : [];
    members.forEach((m: unknown, i) => {
      if (
        !isObject(m) ||
        m.additionalProperties !== false ||
        m.patternProperties
      )
        return;
      const others = [source, ...members.filter((_, j) => j !== i)]
        .flatMap(names)
        .filter((name, k, all) => all.indexOf(name) === k)
        .filter((name) => !names(m).includes(name));
      if (others.length > 0)
        report(
          "schema/closed-allof-member",
          `this \`allOf\` member's \`additionalProperties: false\` refuses ${others.map((n) => JSON.stringify(n)).join(", ")}, which the others declare: the validators (JSON Schema) reject every value with ${others.length === 1 ? "it" : "them"}, while the type allows ${others.length === 1 ? "it" : "them"}`,
          [...p, "allOf", i],
        );
    });
    const drop = nonFiniteEnumValues(out as Schema);
    for (const i of drop)
      report(
        "schema/non-finite-enum",
        `enum value ${JSON.stringify((out.enum as unknown[])[i])} is a string, not a number JSON can carry; it is left out of the type`,
        [...p, "enum", i],
      );
    if (drop.length > 0) {
      const kept = (out.enum as unknown[]).filter((_, i) => !drop.includes(i));
      if (kept.length > 0) out.enum = kept;
      else delete out.enum;
    }
    const values = out.enum;
    const t = out.type;
    const ofType = (v: unknown) =>
      t === "integer"
        ? Number.isInteger(v)
        : t === "number"
          ? typeof v === "number"
          : t === "array"
            ? Array.isArray(v)
            : t === "object"
              ? isObject(v)
              : t === "null"
                ? v === null
                : typeof v === t;
    if (typeof t === "string" && JSON_TYPES.has(t) && Array.isArray(values)) {
      const given = values.filter((v) => v !== null);
      if (given.length > 0 && !given.some(ofType))
        report(
          "schema/enum-outside-type",
          `\`enum\` lists ${given
            .slice(0, 5)
            .map((v) => JSON.stringify(v))
            .join(
              ", ",
            )}${given.length > 5 ? ` and ${given.length - 5} more` : ""}, none of them of \`type: ${t}\`: no value is both, so the validators reject every one, while the type is the enum's values${t === "array" ? " (an enum meant for `items`?)" : ""}`,
          [...p, "enum"],
        );
    }
    if (
      Array.isArray(t) &&
      t.length > 1 &&
      t.includes("null") &&
      Array.isArray(values) &&
      !values.includes(null)
    )
      report(
        "schema/null-outside-enum",
        '`type` lists "null" and `enum` does not: the validators reject null, and the type leaves it out (a nullable enum lists null among its values)',
        [...p, "enum"],
      );
    if (out.type === "file") {
      out.type = "string";
      out.format = "binary";
    }
    if (source.nullable === true || source["x-nullable"] === true)
      return makeNullable(out as Schema);
    return out as Schema;
  };
  return convert(raw, path);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The converter of today over a document holding `value`, with what it reported. */
function convertNow(value: unknown, path: Path) {
  const doc: SourceDocument = {
    file: "d.json",
    absPath: "/d/d.json",
    docIndex: 0,
    format: "openapi3.1",
    value,
    ref: (at) => ({
      file: "d.json",
      line: 0,
      column: 0,
      pointer: toPointer(at, "#"),
    }),
    settle() {},
    textOf: (_, v) => String(v),
  };
  // every report as made, in order (a Reporter would keep a repeated one once)
  const reports: Report[] = [];
  const reporter = {
    report: (code: string, message: string, at: { pointer: string }) =>
      reports.push({ code, pointer: at.pointer, message }),
  } as unknown as IngestReporter;
  const ctx = makeContext(
    doc,
    "/d",
    reporter,
    () => [],
    false,
    () => {},
  );
  const converter = new SchemaConverter(ctx, "openapi3.0", [
    "components",
    "schemas",
  ]);
  let at: unknown = value;
  for (const segment of path) at = (at as Record<string, unknown>)[segment];
  const schema = converter.convert(at, doc, path);
  return { schema, reports };
}

/** Deep-frozen: a converter that writes into the document throws (ESM is strict). */
function frozen<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const key of Object.keys(value))
      frozen((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}

const leafValue = fc.oneof(
  fc.constantFrom<unknown>(1, "s", true, null, [1, "x"], { a: 1 }),
  fc.string({ maxLength: 3 }),
);

/** Schemas with every keyword the converter treats specially, and invalid values for them. */
const schemaTree = fc.letrec<{ s: unknown }>((tie) => ({
  s: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom<unknown>(true, false, { type: "string" }, {}, 3),
    fc.record(
      {
        type: fc.constantFrom<unknown>(
          "string",
          "number",
          "file",
          ["integer", "null"],
          [],
          "bogus",
          7,
        ),
        format: fc.constantFrom<unknown>("date", 5, true),
        description: fc.constantFrom<unknown>("d", 2),
        nullable: fc.boolean(),
        "x-nullable": fc.boolean(),
        example: leafValue,
        examples: fc.oneof(fc.array(leafValue, { maxLength: 2 }), leafValue),
        enum: fc.constantFrom<unknown>(
          ["NaN", 1],
          ["Infinity"],
          ["a", null],
          "notalist",
        ),
        minimum: fc.constantFrom<unknown>(1, "one"),
        exclusiveMinimum: fc.constantFrom<unknown>(true, false, 2),
        maximum: fc.constantFrom<unknown>(9, "nine"),
        exclusiveMaximum: fc.constantFrom<unknown>(true, false, 8),
        pattern: fc.constantFrom<unknown>("^a$", "(", 4),
        required: fc.constantFrom<unknown>(["a"], [1], "a"),
        default: leafValue,
        "x-ext": leafValue,
        discriminator: fc.constantFrom<unknown>(
          "kind",
          { propertyName: "k" },
          { x: 1 },
        ),
        properties: fc.oneof(
          fc.dictionary(
            fc.constantFrom("a", "b", "__proto__", "constructor", "1"),
            tie("s"),
            { maxKeys: 3 },
          ),
          fc.constant(5),
        ),
        patternProperties: fc.dictionary(
          fc.constantFrom("^x", "(", "["),
          tie("s"),
          {
            maxKeys: 2,
          },
        ),
        items: fc.oneof(tie("s"), fc.array(tie("s"), { maxLength: 2 })),
        additionalProperties: fc.oneof(fc.boolean(), tie("s")),
        not: tie("s"),
        allOf: fc.oneof(fc.array(tie("s"), { maxLength: 3 }), fc.constant("x")),
        oneOf: fc.array(tie("s"), { maxLength: 3 }),
        anyOf: fc.array(tie("s"), { maxLength: 2 }),
      },
      { requiredKeys: [] },
    ),
  ),
})).s;

describe("the schema converter keeping the document's objects", () => {
  it("gives the model and the diagnostics of the converter that copied every schema", () => {
    fc.assert(
      fc.property(schemaTree, (schema) => {
        // through JSON: `__proto__` as an own member, as JSON.parse reads it
        const text = JSON.stringify({ components: { schemas: { S: schema } } });
        const path = ["components", "schemas", "S"];
        const oracleReports: Report[] = [];
        const want = copyingConvert(
          (JSON.parse(text) as { components: { schemas: { S: unknown } } })
            .components.schemas.S,
          path,
          oracleReports,
        );
        const doc = frozen(JSON.parse(text));
        const now = convertNow(doc, path);
        expect(JSON.stringify(now.schema)).toBe(JSON.stringify(want));
        expect(now.reports).toEqual(oracleReports);
        expect(JSON.stringify(doc)).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });

  it("hands out the document's own object for a schema that needs no change, a copy otherwise", () => {
    const leaf = { type: "string", format: "date" };
    const member = { type: "integer" };
    const value = {
      S: {
        type: "object",
        properties: { a: leaf, b: { type: "string", nullable: true } },
        allOf: [member],
      },
    };
    const { schema } = convertNow(value, ["S"]);
    expect(schema).not.toBe(value.S);
    expect(schema.properties!.a).toBe(leaf);
    expect(schema.properties).not.toBe(value.S.properties);
    // an allOf member is always an object of its own (validators key by it)
    expect(schema.allOf![0]).toEqual(member);
    expect(schema.allOf![0]).not.toBe(member);
    const kept = { type: "object", properties: { a: leaf } };
    expect(convertNow({ kept }, ["kept"]).schema).toBe(kept);
  });
});
