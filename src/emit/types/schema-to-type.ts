import {
  allOfPropertyLookup,
  discriminatorCases,
  effectiveTypes,
  ownDiscriminatorValues,
  requiredSplit,
  walkSchema,
  type SubSchema,
} from "../../model/schema.js";
import { schemaRefName } from "../../model/schema-ref.js";
import type { NamedSchema, Schema, SchemaType } from "../../model/types.js";
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
export type SchemaMode = "read" | "write" | "form";

/**
 * `form` types a request body the client sends as something other than JSON (a form, multipart,
 * octet-stream): as `write`, and a `format: binary` string is the Blob the client hands over.
 * Inside JSON (`read`, `write`) it is a string: JSON.stringify sends a Blob as `{}`.
 */
export function isRequestMode(mode: SchemaMode): boolean {
  return mode !== "read";
}

export interface SchemaNaming {
  /** TS type name for a `$ref` target, in the given mode. */
  refName(schemaName: string, mode: SchemaMode): string;
  /** The model's named schemas, which `$ref`s point at. */
  readonly schemas: Readonly<Record<string, NamedSchema>>;
  /** Named schemas that reach themselves through `$ref`s (src/model/schema-recursion.ts). */
  readonly recursive?: ReadonlySet<string>;
}

/** Finds a member's schema for `required` (model's findProperty, or an allOf sibling's). */
type PropertyLookup = (name: string) => SubSchema | undefined;

export function schemaToType(
  schema: Schema | undefined,
  naming: SchemaNaming,
  mode: SchemaMode,
  lookup?: PropertyLookup,
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
  const base = baseType(schema, naming, mode, lookup);
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
    !(Array.isArray(schema.required) && schema.required.length > 0) &&
    (schema.additionalProperties === undefined ||
      schema.additionalProperties === true)
  );
}

function baseType(
  schema: Schema,
  naming: SchemaNaming,
  mode: SchemaMode,
  lookup: PropertyLookup | undefined,
): TypeNode | undefined {
  const types = typesOf(schema);
  if (!types) return undefined;
  return union(
    types.map((type): TypeNode => {
      switch (type) {
        case "string":
          return raw(
            schema.format === "binary" && mode === "form" ? "Blob" : "string",
          );
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
          return objectType(schema, naming, mode, lookup);
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
    // the rest: `items` (2020-12), or `additionalItems` after draft-4's array-form items, as
    // the validators read it (validators/arrays.ts); `false` closes the tuple
    const more: unknown =
      schema.items !== undefined ? schema.items : schema.additionalItems;
    const closed =
      more === false || (more as Schema | undefined)?.not !== undefined;
    // prefixItems require no element: only minItems makes the first ones present
    const min = typeof schema.minItems === "number" ? schema.minItems : 0;
    return {
      kind: "tuple",
      elements,
      required: Math.min(Math.max(0, Math.floor(min)), elements.length),
      rest: closed
        ? undefined
        : schemaToType(more as Schema | undefined, naming, mode),
    };
  }
  return { kind: "array", element: schemaToType(schema.items, naming, mode) };
}

function objectType(
  schema: Schema,
  naming: SchemaNaming,
  mode: SchemaMode,
  lookup: PropertyLookup | undefined,
): TypeNode {
  // readOnly members are not required of a request, writeOnly ones not of a response
  const split = requiredSplit(naming.schemas, schema, lookup);
  const required = new Set([
    ...split.always,
    ...(isRequestMode(mode) ? split.notInResponse : split.notInRequest),
  ]);
  const members: ObjectMember[] = [];
  const properties = schema.properties ?? {};
  for (const [name, property] of Object.entries(properties)) {
    const member: ObjectMember = {
      name,
      optional: !required.has(name),
      type: schemaToType(property, naming, mode),
    };
    const doc = docLines(property);
    if (doc) member.doc = doc;
    members.push(member);
  }
  const extra = schema.additionalProperties;
  const hasExtra =
    extra !== undefined && extra !== false && !isFalseSchema(extra);
  const value =
    hasExtra && typeof extra === "object"
      ? schemaToType(extra, naming, mode)
      : UNKNOWN;
  // a required member the schema does not declare itself (an allOf member that only lists
  // `required`) is present; its type comes from where it is declared, or from
  // additionalProperties when nothing declares it
  const declared = members.length;
  for (const name of required)
    if (!Object.hasOwn(properties, name))
      members.push({
        name,
        optional: false,
        type: declared === 0 && hasExtra ? value : UNKNOWN,
      });
  if (declared === 0 && hasExtra && members.length > 0)
    return { kind: "object", members, index: value };
  if (members.length === 0) {
    // `Record<string, V>` reads best, but an object V is clearer as an index signature, and a V
    // that leads back to a recursive schema must be one: TypeScript resolves a `Record<>` alias
    // eagerly (`type D = Record<string, D> | string` is TS2456), an object type lazily
    return flat(value) !== null &&
      !(hasExtra && reachesRecursion(extra, naming))
      ? { kind: "record", value }
      : { kind: "object", members: [], index: value };
  }
  const node: TypeNode = { kind: "object", members };
  // a typed index signature must admit every declared member, so it stays `unknown`
  if (hasExtra) node.index = UNKNOWN;
  return node;
}

/** True when a `$ref` in the schema points at a schema that reaches itself. */
function reachesRecursion(schema: SubSchema, naming: SchemaNaming): boolean {
  const recursive = naming.recursive;
  if (!recursive || recursive.size === 0) return false;
  let found = false;
  walkSchema(schema, (s) => {
    if (found || typeof s !== "object") return false;
    const target =
      typeof s.$ref === "string" ? schemaRefName(s.$ref) : undefined;
    if (target !== undefined && recursive.has(target)) found = true;
  });
  return found;
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
  const allOf = schema.allOf;
  if (Array.isArray(allOf) && allOf.length > 0)
    parts.push(
      intersection(
        allOf.map((s, i) =>
          schemaToType(
            s,
            naming,
            mode,
            allOfPropertyLookup(naming.schemas, allOf, i),
          ),
        ),
      ),
    );
  const cases = discriminatorCases(naming.schemas, schema);
  for (const key of ["oneOf", "anyOf"] as const) {
    const options = schema[key];
    if (Array.isArray(options) && options.length > 0)
      parts.push(
        union(
          options.map((s) => discriminated(schema, cases, s, naming, mode)),
        ),
      );
  }
  if (parts.length === 0) return undefined;
  return intersection(parts);
}

/**
 * A oneOf/anyOf member under a discriminator: `Cat & { petType: "cat" }`, so narrowing on the
 * property works, with the values the model gives it (src/model/schema.ts: the mapping, else the
 * member's own const/enum, else its schema name). A member whose own property already holds
 * literals is narrowed by them: it gets no literal of its own, and never one that contradicts
 * them (the intersection would be `never`).
 */
function discriminated(
  parent: Schema,
  cases: ReturnType<typeof discriminatorCases>,
  member: Schema,
  naming: SchemaNaming,
  mode: SchemaMode,
): TypeNode {
  const type = schemaToType(member, naming, mode);
  const property = parent.discriminator?.propertyName;
  if (!cases || property === undefined || typeof member.$ref !== "string")
    return type;
  const ref = member.$ref;
  let values = [
    ...new Set(cases.filter((c) => c.ref === ref).map((c) => c.value)),
  ].sort();
  const own = ownDiscriminatorValues(naming.schemas, member, property);
  if (own) {
    values = values.filter((v) => own.includes(v));
    if (values.length === own.length) values = [];
  }
  if (values.length === 0) return type;
  return intersection([
    type,
    {
      kind: "object",
      inline: true,
      members: [
        {
          name: property,
          optional: false,
          type: union(values.map((v) => raw(stringLiteral(v)))),
        },
      ],
    },
  ]);
}

/**
 * JSDoc lines for a schema: description (else title); what a value must look like — `Format`,
 * bounds, `Pattern` — as openapi-typescript keeps them; then `@default`, each `@example` and
 * `@deprecated`. Undefined when there is nothing.
 */
/** The keywords docLines shows as `Label: value`, in this order. */
const FACTS = [
  ["Format", "format"],
  ["Minimum", "minimum"],
  ["Exclusive minimum", "exclusiveMinimum"],
  ["Maximum", "maximum"],
  ["Exclusive maximum", "exclusiveMaximum"],
  ["Pattern", "pattern"],
] as const;

export function docLines(schema: Schema | undefined): string[] | undefined {
  if (!schema || typeof schema !== "object") return undefined;
  const lines: string[] = [];
  if (typeof schema.description === "string" && schema.description.trim())
    pushText(lines, schema.description);
  else if (typeof schema.title === "string" && schema.title.trim())
    pushText(lines, schema.title);
  for (let i = 0; i < FACTS.length; i++) {
    const fact = FACTS[i]!;
    const value = schema[fact[1]];
    if (typeof value === "string" || typeof value === "number")
      lines.push(...jsdocLines(`${fact[0]}: ${value}`));
  }
  if (schema.default !== undefined)
    lines.push(...tagLines("@default", schema.default));
  const examples = schema.examples;
  if (Array.isArray(examples))
    for (const example of examples)
      lines.push(...tagLines("@example", example));
  if (schema.deprecated === true) lines.push("@deprecated");
  return lines.length > 0 ? lines : undefined;
}

/** A description's lines without blank ones at either end (the text is not blank). */
function pushText(lines: string[], text: string): void {
  const own = jsdocLines(text);
  // one line (most descriptions) is not blank: the caller checked
  if (own.length === 1) lines.push(own[0]!);
  else lines.push(...trimBlankEnds(own));
}

/** Longest JSON a `@default`/`@example` shows: a long example helps no one in a tooltip. */
const MAX_TAG_JSON = 400;

/** `@default 10`, `@example {…}` (JSON, indented when it spans lines); none when too long. */
function tagLines(tag: string, value: unknown): string[] {
  const json = JSON.stringify(value, null, 2);
  if (json === undefined || json.length > MAX_TAG_JSON) return [];
  const [first = "", ...rest] = jsdocLines(json);
  return [`${tag} ${first}`, ...rest];
}

export function trimBlankEnds(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]!.trim() === "") start++;
  while (end > start && lines[end - 1]!.trim() === "") end--;
  return lines.slice(start, end);
}
