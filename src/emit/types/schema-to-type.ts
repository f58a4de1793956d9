import { effectiveTypes } from "../../model/schema.js";
import { schemaRefName } from "../../model/schema-ref.js";
import type { Schema, SchemaType } from "../../model/types.js";
import { jsdocLines } from "../shared/escape.js";
import { stringLiteral } from "../shared/literals.js";
import { flat } from "./print.js";
import {
  intersection,
  raw,
  union,
  UNKNOWN,
  type ObjectMember,
  type TypeNode,
} from "./type-node.js";

/**
 * JSON Schema 2020-12 (the model's dialect) → type nodes.
 *
 * `read` mode types what a server sends (writeOnly members are optional, they are never sent);
 * `write` mode types what a client sends (readOnly members are optional, the server ignores
 * them). Named schemas whose two readings differ get a second type, `<Name>Write`.
 */
export type SchemaMode = "read" | "write";

export interface SchemaNaming {
  /** TS type name for a `$ref` target, in the given mode. */
  refName(schemaName: string, mode: SchemaMode): string;
}

export function schemaToType(
  schema: Schema | undefined,
  naming: SchemaNaming,
  mode: SchemaMode,
): TypeNode {
  if (!schema || typeof schema !== "object") return UNKNOWN;
  if (typeof schema.$ref === "string") {
    const target = schemaRefName(schema.$ref);
    return target === undefined ? UNKNOWN : raw(naming.refName(target, mode));
  }
  if ("const" in schema) {
    const literal = literalType(schema.const);
    if (literal) return literal;
  }
  if (Array.isArray(schema.enum) && schema.enum.length > 0) {
    const literals = schema.enum.map(literalType);
    if (literals.every((l) => l !== undefined)) return union(literals);
  }

  const parts: TypeNode[] = [];
  const base = baseType(schema, naming, mode);
  const composed = composition(schema, naming, mode);
  if (base && !(composed && isBareObject(schema))) parts.push(base);
  if (composed) parts.push(composed);
  if (parts.length === 0) return UNKNOWN;
  return intersection(parts);
}

function literalType(value: unknown): TypeNode | undefined {
  if (typeof value === "string") return raw(stringLiteral(value));
  if (typeof value === "number" && Number.isFinite(value))
    return raw(String(value));
  if (typeof value === "boolean" || value === null) return raw(String(value));
  return undefined;
}

/** The schema's effective types (src/model/schema.ts); undefined when it says none. */
function typesOf(schema: Schema): SchemaType[] | undefined {
  const types = effectiveTypes(schema);
  return types.length > 0 ? types : undefined;
}

/** An object schema that says nothing about its members (it only adds allOf/oneOf). */
function isBareObject(schema: Schema): boolean {
  const types = typesOf(schema);
  return (
    types !== undefined &&
    types.every((t) => t === "object") &&
    !schema.properties &&
    (schema.additionalProperties === undefined ||
      schema.additionalProperties === true)
  );
}

function baseType(
  schema: Schema,
  naming: SchemaNaming,
  mode: SchemaMode,
): TypeNode | undefined {
  const types = typesOf(schema);
  if (!types) return undefined;
  return union(
    types.map((type): TypeNode => {
      switch (type) {
        case "string":
          return raw(schema.format === "binary" ? "Blob" : "string");
        case "integer":
        case "number":
          return raw("number");
        case "boolean":
          return raw("boolean");
        case "null":
          return raw("null");
        case "array":
          return arrayType(schema, naming, mode);
        case "object":
          return objectType(schema, naming, mode);
        default:
          return UNKNOWN;
      }
    }),
  );
}

function arrayType(
  schema: Schema,
  naming: SchemaNaming,
  mode: SchemaMode,
): TypeNode {
  if (Array.isArray(schema.prefixItems) && schema.prefixItems.length > 0) {
    const elements = schema.prefixItems.map((s) =>
      schemaToType(s, naming, mode),
    );
    // `items: false` closes the tuple; anything else allows more elements
    const closed =
      (schema.items as unknown) === false ||
      (schema.items as Schema | undefined)?.not !== undefined;
    return {
      kind: "tuple",
      elements,
      rest: closed ? undefined : schemaToType(schema.items, naming, mode),
    };
  }
  return { kind: "array", element: schemaToType(schema.items, naming, mode) };
}

function objectType(
  schema: Schema,
  naming: SchemaNaming,
  mode: SchemaMode,
): TypeNode {
  const required = new Set(
    Array.isArray(schema.required) ? schema.required : [],
  );
  const members: ObjectMember[] = [];
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const skipRequired =
      (mode === "write" && property?.readOnly === true) ||
      (mode === "read" && property?.writeOnly === true);
    const member: ObjectMember = {
      name,
      optional: !required.has(name) || skipRequired,
      type: schemaToType(property, naming, mode),
    };
    const doc = docLines(property);
    if (doc) member.doc = doc;
    members.push(member);
  }
  const extra = schema.additionalProperties;
  const hasExtra =
    extra !== undefined && extra !== false && !isFalseSchema(extra);
  if (members.length === 0) {
    const value =
      hasExtra && typeof extra === "object"
        ? schemaToType(extra, naming, mode)
        : UNKNOWN;
    // `Record<string, V>` reads best, but an object V is clearer as an index signature
    return flat(value) !== null
      ? { kind: "record", value }
      : { kind: "object", members: [], index: value };
  }
  const node: TypeNode = { kind: "object", members };
  // a typed index signature must admit every declared member, so it stays `unknown`
  if (hasExtra) node.index = UNKNOWN;
  return node;
}

function isFalseSchema(schema: Schema | boolean): boolean {
  return (
    typeof schema === "object" &&
    schema.not !== undefined &&
    Object.keys(schema.not).length === 0
  );
}

function composition(
  schema: Schema,
  naming: SchemaNaming,
  mode: SchemaMode,
): TypeNode | undefined {
  const parts: TypeNode[] = [];
  if (Array.isArray(schema.allOf) && schema.allOf.length > 0)
    parts.push(
      intersection(schema.allOf.map((s) => schemaToType(s, naming, mode))),
    );
  for (const key of ["oneOf", "anyOf"] as const) {
    const options = schema[key];
    if (Array.isArray(options) && options.length > 0)
      parts.push(
        union(options.map((s) => discriminated(schema, s, naming, mode))),
      );
  }
  if (parts.length === 0) return undefined;
  return intersection(parts);
}

/**
 * A oneOf/anyOf member under a discriminator: `Cat & { petType: "cat" }`, so narrowing on the
 * property works. The value is the mapping key naming that schema, else the schema's name
 * (OpenAPI 3.1 §4.8.25: implicit mapping by schema name).
 */
function discriminated(
  parent: Schema,
  member: Schema,
  naming: SchemaNaming,
  mode: SchemaMode,
): TypeNode {
  const type = schemaToType(member, naming, mode);
  const discriminator = parent.discriminator;
  if (!discriminator || typeof member.$ref !== "string") return type;
  const target = schemaRefName(member.$ref);
  if (target === undefined) return type;
  const mapping = discriminator.mapping ?? {};
  const values = Object.keys(mapping)
    .filter(
      (key) =>
        mapping[key] === member.$ref ||
        mapping[key] === target ||
        schemaRefName(mapping[key]!) === target,
    )
    .sort();
  if (values.length === 0) values.push(target);
  return intersection([
    type,
    {
      kind: "object",
      inline: true,
      members: [
        {
          name: discriminator.propertyName,
          optional: false,
          type: union(values.map((v) => raw(stringLiteral(v)))),
        },
      ],
    },
  ]);
}

/** JSDoc lines for a schema: description, then `@deprecated`; undefined when there is nothing. */
export function docLines(schema: Schema | undefined): string[] | undefined {
  if (!schema || typeof schema !== "object") return undefined;
  const lines: string[] = [];
  if (typeof schema.description === "string" && schema.description.trim())
    lines.push(...trimBlankEnds(jsdocLines(schema.description)));
  else if (typeof schema.title === "string" && schema.title.trim())
    lines.push(...trimBlankEnds(jsdocLines(schema.title)));
  if (schema.deprecated === true) lines.push("@deprecated");
  return lines.length > 0 ? lines : undefined;
}

export function trimBlankEnds(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]!.trim() === "") start++;
  while (end > start && lines[end - 1]!.trim() === "") end--;
  return lines.slice(start, end);
}
