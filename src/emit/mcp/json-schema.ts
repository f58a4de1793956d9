import {
  CHECKED_FORMATS,
  compareCodeUnits,
  impliedTypes,
  isMap,
  isSubSchema,
  revivedScalar,
  SCHEMA_KEYWORD_GROUPS,
  schemaRefName,
  setOwn,
  unicodePattern,
  type ScalarChoices,
} from "../toolkit.js";
import type { NamedSchema, Schema } from "../../model/types.js";

/** A JSON value as tools.ts holds it. */
export type Json =
  null | boolean | number | string | Json[] | { [key: string]: Json };

/** A JSON Schema object as tools.ts holds it. */
export type JsonObject = { [key: string]: Json };

/** Keywords a tool's schema drops: draft 4's and OpenAPI's spellings, `$defs`, readers' notes. */
const NOT_KEPT: ReadonlySet<string> = new Set(
  "additionalItems definitions dependencies $defs example externalDocs $comment".split(
    " ",
  ),
);
const kept = (keywords: readonly string[]) =>
  keywords.filter((k) => !NOT_KEPT.has(k));

/** The 2020-12 keywords a tool's schema keeps, by what they hold (tools.ts has all but `values`). */
export const KEYWORDS = {
  /** Keywords whose value is one schema (or `true`/`false`). */
  schema: kept(SCHEMA_KEYWORD_GROUPS.one),
  /** Keywords whose value is a list of schemas (`items` is one schema in 2020-12). */
  schemaList: kept(SCHEMA_KEYWORD_GROUPS.list).filter((k) => k !== "items"),
  /** Keywords whose value maps names (properties, patterns) to schemas. */
  schemaMap: kept(SCHEMA_KEYWORD_GROUPS.map),
  /** Annotations: beside a `$ref`, they describe it (the schema inlined for it takes them). */
  notes: [
    ...kept(SCHEMA_KEYWORD_GROUPS.documentation),
    "readOnly",
    "writeOnly",
  ],
  /** The formats the tools check: a response's schema keeps no other (the SDK's client checks it). */
  formats: CHECKED_FORMATS,
  /** Assertions whose value is data (or names): kept as written. */
  values:
    `type enum const format required dependentRequired minimum maximum exclusiveMinimum
    exclusiveMaximum multipleOf minLength maxLength pattern minItems maxItems uniqueItems
    minContains maxContains minProperties maxProperties contentMediaType contentEncoding`.split(
      /\s+/,
    ),
};

const VALUES = new Set<string>([...KEYWORDS.values, ...KEYWORDS.notes]);
const SCHEMA_MAPS: ReadonlySet<string> = new Set(KEYWORDS.schemaMap);
const SCHEMA_LISTS: ReadonlySet<string> = new Set(KEYWORDS.schemaList);
const SCHEMAS: ReadonlySet<string> = new Set(KEYWORDS.schema);

/** An int64 as text: its digits, a minus before them. */
const INT64_TEXT = "^-?(0|[1-9][0-9]*)$";

/** How the model refers to a named schema, and how a tool's schema does (tools.ts's DEFS). */
const MODEL_REF = "#/components/schemas/";
const DEFS_REF = "#/$defs/";

/**
 * The model's schemas as MCP tools' JSON Schemas: JSON Schema's keywords only, references as
 * `#/$defs/<name>`, each named schema they reach remembered for tools.ts's DEFS.
 */
export class ToolSchemas {
  private readonly named = new Map<string, JsonObject>();
  private readonly waiting: string[] = [];

  constructor(
    private readonly schemas: Readonly<Record<string, NamedSchema>>,
    /** The model's scalar choices: with `int64: "bigint"`, an int64 may be given as text. */
    private readonly scalars?: ScalarChoices,
  ) {}

  /** `schema` as a tool's schema (`{}`, any value, when there is none). */
  write(schema: Schema | undefined): JsonObject {
    return schema === undefined ? {} : this.object(schema);
  }

  /** The named schemas referred to so far, by name, in name order (their own references too). */
  defs(): Record<string, JsonObject> {
    while (this.waiting.length > 0) {
      const name = this.waiting.pop()!;
      this.named.set(name, this.object(this.schemas[name]!.schema));
    }
    const sorted = [...this.named].sort(([a], [b]) => compareCodeUnits(a, b));
    return Object.fromEntries(sorted);
  }

  private object(schema: Schema): JsonObject {
    const out: JsonObject = {};
    const set = (key: string, value: Json) => setOwn(out, key, value);
    const sub = (inner: unknown) => (isObject(inner) ? this.object(inner) : {});
    for (const [key, value] of Object.entries(schema)) {
      if (value === undefined) continue;
      if (key === "$ref") {
        // a reference to no named schema (the model reported it) says nothing
        const target = typeof value === "string" ? this.ref(value) : undefined;
        if (target !== undefined) set(key, target);
      } else if (SCHEMA_MAPS.has(key) && isObject(value)) {
        const map: JsonObject = {};
        for (const [name, inner] of Object.entries(value))
          setOwn(map, name, sub(inner));
        set(key, map);
      } else if (SCHEMA_LISTS.has(key) && Array.isArray(value))
        set(key, value.map(sub));
      else if (SCHEMAS.has(key) && isSubSchema(value))
        set(key, isObject(value) ? this.object(value) : value);
      // ajv (the MCP SDK's client) compiles each tool's schema with `u` as it lists them: a pattern
      // only the older syntax takes would fail tools/list, so it is written for `u` (`[\ ]` as
      // `[\x20]`) or left out (`[\w-.]`); the validators still run it as it is
      else if (key === "pattern") {
        const pattern = unicodePattern(value as string);
        if (pattern !== undefined) set(key, pattern);
      } else if (VALUES.has(key)) set(key, value as Json);
    }
    // the validators check an untyped `properties` as an object (`items`: an array): so it says
    const implied = out["type"] === undefined ? impliedTypes(schema) : [];
    if (implied[0]) set("type", implied[1] ? implied : implied[0]);
    if (revivedScalar(schema, this.scalars) === "int64") {
      // JSON's numbers past 2^53 lose digits in an agent's and the SDK's JSON.parse: the
      // digits as text keep them (the tools read either, and answer text)
      set("type", [out["type"] ?? "integer", "string"].flat());
      set("pattern", INT64_TEXT);
    }
    return out;
  }

  /** `#/$defs/<name>` for a named schema of the model (remembered), else undefined. */
  private ref(ref: string): string | undefined {
    const name = schemaRefName(ref);
    if (name === undefined || !Object.hasOwn(this.schemas, name))
      return undefined;
    if (!this.named.has(name)) {
      this.named.set(name, {});
      this.waiting.push(name);
    }
    // a URI fragment: characters a URI does not hold bare are %-escaped (`#/$defs/a%20b`)
    return DEFS_REF + encodeURIComponent(ref.slice(MODEL_REF.length));
  }
}

const isObject = isMap as (v: unknown) => v is Record<string, unknown> & Schema;
