import {
  admitsType,
  allOfPropertyLookup,
  declaredTypes,
  discriminatorCases,
  effectiveTypes,
  findProperty,
  isFalseSchema,
  ownDiscriminatorValues,
  requiredSplit,
  typeOutsideAlternatives,
  walkSchemaNodes,
  type SubSchema,
} from "../../model/schema/schema.js";
import { resolveSchema, schemaRefName } from "../../model/schema/ref.js";
import type { NamedSchema, Schema, SchemaType } from "../../model/types.js";
import type { ScalarChoices } from "../../model/scalar-choices.js";
import { revivedScalar } from "../../model/schema/scalars.js";
import { stringLiteral } from "../shared/literals.js";
import { docLines } from "./doc-lines.js";
import { flat } from "./print.js";
import {
  intersection,
  member,
  NEVER,
  raw,
  union,
  UNKNOWN,
  type ObjectMember,
  type TypeNode,
} from "./type-node.js";

/**
 * How a schema is typed (docs/types.md): `read` as a server sends it, `write` as a client does
 * (`<Name>Write` where they differ), `form` as `write` in a form, multipart or octet-stream body
 * (its binary strings the Blobs the client hands over).
 */
export type SchemaMode = "read" | "write" | "form";

export interface SchemaNaming {
  /** TS type name for a `$ref` target, in the given mode. */
  refName(schemaName: string, mode: SchemaMode): string;
  /** The model's named schemas, which `$ref`s point at. */
  readonly schemas: Readonly<Record<string, NamedSchema>>;
  /** Named schemas that reach themselves through `$ref`s (src/model/schema/recursion.ts). */
  readonly recursive?: ReadonlySet<string>;
  readonly scalars?: ScalarChoices; // the model's: Dates and bigints (config `dates`, `int64`)
  /** openapi-typescript's rules for members (paths.ts): required ones in either mode, and these. */
  readonly members?: {
    /** A member's type as written (`readWriteMarkers`: `$Read<T>`, `$Write<T>`). */
    type?(property: SubSchema, type: TypeNode): TypeNode;
    /** A member with a `default` is required (`defaultNonNullable`). */
    defaultsRequired?: boolean;
  };
}

/** Finds a member's schema for `required` (model's findProperty, or an allOf sibling's). */
type PropertyLookup = (name: string) => SubSchema | undefined;

export function schemaToType(
  schema: Schema | undefined,
  naming: SchemaNaming,
  mode: SchemaMode,
  lookup?: PropertyLookup,
): TypeNode {
  return new Typing(naming, mode).type(schema, lookup);
}

function literalType(value: unknown): TypeNode | undefined {
  if (typeof value === "string") return raw(stringLiteral(value));
  return Number.isFinite(value) || typeof value === "boolean" || value === null
    ? raw(String(value))
    : undefined;
}

/** The schema's effective types; undefined when it says none. */
function typesOf(schema: Schema): readonly SchemaType[] | undefined {
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

/** Whether every value `schema` admits is an object, as its types and compositions say. */
function objectsOnly(schemas: SchemaNaming["schemas"], schema: Schema) {
  const others = ["string", "number", "boolean", "array", "null"] as const;
  return others.every((type) => !admitsType(schemas, schema, type));
}

const NO_NAMES: ReadonlySet<string> = new Set();
const PRESENT = union([raw("{}"), raw("null")]);

/** The type nodes of schemas in one naming and mode: schemaToType's, for every sub-schema. */
class Typing {
  constructor(
    readonly naming: SchemaNaming,
    readonly mode: SchemaMode,
  ) {}

  type(schema: Schema | undefined, lookup?: PropertyLookup): TypeNode {
    if (!schema || typeof schema !== "object") return UNKNOWN;
    if (isFalseSchema(schema)) return NEVER; // `false`, read as `{not: {}}`: admits nothing
    if (typeof schema.$ref === "string") {
      const target = schemaRefName(schema.$ref);
      return target === undefined
        ? UNKNOWN
        : raw(this.naming.refName(target, this.mode));
    }
    const literal = "const" in schema ? literalType(schema.const) : undefined;
    if (literal) return literal;
    if (Array.isArray(schema.enum) && schema.enum.length > 0) {
      const literals = schema.enum.map(literalType);
      if (literals.every((l) => l !== undefined)) return union(literals);
    }

    // undefined, or a node that is `unknown` only as UNKNOWN itself
    const types = typesOf(schema);
    const base = types && union(types.map((t) => this.of(t, schema, lookup)));
    const composed = this.composition(schema);
    if (!composed) return base ?? UNKNOWN;
    if (typeOutsideAlternatives(schema).length > 0) return NEVER;
    if (base && !isBareObject(schema))
      return intersection([this.passing(schema, types, base), composed]);
    // no type, `required` beside objects: present, as openapi-typescript's `WithRequired` says
    const present = this.present(schema, schema, lookup);
    return intersection(present ? [composed, present] : [composed]);
  }

  /**
   * `base`, of the types keywords imply without `type` (`items`: an array), and the others its
   * composition names: keywords apply only to values of their type (Docker's `Cmd`, docs/types.md).
   */
  private passing(schema: Schema, own: readonly SchemaType[], base: TypeNode) {
    if (declaredTypes(schema).length > 0) return base;
    const { schemas } = this.naming;
    const typed = (s?: Schema) => effectiveTypes(resolveSchema(schemas, s));
    // a oneOf's or anyOf's types each, an allOf's those all its typed members share
    const others = new Set([schema.oneOf, schema.anyOf].flat().flatMap(typed));
    const all = (schema.allOf ?? []).map(typed).filter((ts) => ts.length > 0);
    for (const t of all[0] ?? [])
      if (all.every((ts) => ts.includes(t))) others.add(t);
    for (const t of own) others.delete(t);
    return union([base, ...[...others].map((t) => this.of(t, {}, undefined))]);
  }

  private of(
    type: SchemaType,
    schema: Schema,
    lookup: PropertyLookup | undefined,
  ): TypeNode {
    switch (type) {
      case "string":
        // a form body's binary field is the Blob the client hands over; a Date where revived
        if (this.mode === "form" && schema.format === "binary")
          return raw("Blob");
        return raw(revivedScalar(schema, this.naming.scalars) ? "Date" : type);
      case "integer":
        return revivedScalar(schema, this.naming.scalars) === "int64"
          ? raw("bigint")
          : raw("number");
      case "number":
      case "boolean":
      case "null":
        return raw(type);
      case "array":
        return this.array(schema);
      case "object":
        return this.object(schema, lookup);
      default:
        return UNKNOWN;
    }
  }

  private array(schema: Schema): TypeNode {
    if (!Array.isArray(schema.prefixItems) || schema.prefixItems.length === 0)
      return { kind: "array", element: this.type(schema.items) };
    const elements = schema.prefixItems.map((s) => this.type(s));
    // the rest: `items` (2020-12), or `additionalItems` after draft-4's array-form items, as
    // the validators read it (validators/arrays.ts); `false` (`{not: {}}`) closes the tuple
    const more: unknown =
      schema.items !== undefined ? schema.items : schema.additionalItems;
    const closed = isFalseSchema(more as SubSchema | undefined);
    // prefixItems require no element: only minItems makes the first ones present
    const min = typeof schema.minItems === "number" ? schema.minItems : 0;
    return {
      kind: "tuple",
      elements,
      required: Math.min(Math.max(0, Math.floor(min)), elements.length),
      rest: closed ? undefined : this.type(more as Schema | undefined),
    };
  }

  private object(schema: Schema, lookup: PropertyLookup | undefined): TypeNode {
    // readOnly members are not required of a request, writeOnly ones not of a response
    const required = this.requiredNames(schema, lookup);
    const members: ObjectMember[] = [];
    const properties = schema.properties ?? {};
    for (const name in properties) {
      const property = properties[name]!;
      let type = this.type(property);
      let optional = !required.has(name);
      // a nullable `$ref` or `allOf`, "it, or null", is annotated by it: its default and docs
      const [it, or] = property.anyOf ?? [];
      const own =
        or?.type === "null" && Object.keys(property).length === 1
          ? it!
          : property;
      const rules = this.naming.members;
      if (rules?.type) type = rules.type(own, type);
      if (rules?.defaultsRequired && typeof own === "object")
        optional &&= own.default === undefined;
      members.push(member(name, optional, type, docLines(own)));
    }
    const extra = schema.additionalProperties;
    // a member a `patternProperties` pattern matches is its type, not additionalProperties' (nor `false`)
    const patterned = Object.keys(schema.patternProperties ?? {}).length > 0;
    const hasExtra =
      patterned || (extra !== undefined && !isFalseSchema(extra));
    const value =
      hasExtra && typeof extra === "object" && !patterned
        ? this.type(extra)
        : UNKNOWN;
    // a required member the schema does not declare (an allOf member listing only `required`) is
    // present: typed by additionalProperties, else `{} | null`, any value, so that where another
    // schema declares it `T | undefined` (a sibling, or one that extends this) the two make T
    const declared = members.length;
    const type = declared === 0 && value !== UNKNOWN ? value : PRESENT;
    for (const name of required)
      if (!Object.hasOwn(properties, name))
        members.push({ name, optional: false, type });
    if (declared === 0 && hasExtra && members.length > 0)
      return { kind: "object", members, index: value };
    // `Record<string, V>` reads best, but an object V is clearer as an index signature, and a V
    // that leads back to a recursive schema must be one: TypeScript resolves a `Record<>` alias
    // eagerly (`type D = Record<string, D> | string` is TS2456), an object type lazily
    if (members.length === 0)
      return flat(value) !== null &&
        !(hasExtra && reachesRecursion(extra ?? true, this.naming))
        ? { kind: "record", value }
        : { kind: "object", members: [], index: value };
    const node: TypeNode = { kind: "object", members };
    // a typed index signature must admit every declared member: the value's type or theirs
    if (hasExtra)
      node.index = union([
        value,
        ...members.map((m) => m.type),
        ...(members.some((m) => m.optional) ? [raw("undefined")] : []),
      ]);
    return node;
  }

  /**
   * `required` on a schema of no type, `parent` or a member of its composition that lists only
   * that (`allOf: [Pet, {required: [a]}]`), where `parent` admits only objects: an object of the
   * members it makes present in this mode, if any.
   */
  private present(s: SubSchema, parent: Schema, lookup?: PropertyLookup) {
    if (typeof s !== "object" || typesOf(s) !== undefined) return undefined;
    const others = s === parent ? [] : ["$ref", "allOf", "oneOf", "anyOf"];
    if (others.some((k) => k in s) || !this.requiredNames(s, lookup).size)
      return undefined;
    if (objectsOnly(this.naming.schemas, parent)) return this.object(s, lookup);
  }

  /** The members an object of this schema has in this mode (none when it lists no `required`). */
  private requiredNames(schema: Schema, lookup: PropertyLookup | undefined) {
    // requiredSplit's answer without a list is three empty lists
    if (!Array.isArray(schema.required)) return NO_NAMES;
    const { naming, mode } = this;
    const split = requiredSplit(naming.schemas, schema, lookup);
    const required = new Set(split.always);
    if (naming.members || mode !== "read")
      for (const name of split.notInResponse) required.add(name);
    if (naming.members || mode === "read")
      for (const name of split.notInRequest) required.add(name);
    return required;
  }

  private composition(schema: Schema): TypeNode | undefined {
    const lists = [schema.allOf, schema.oneOf, schema.anyOf];
    const [allOf, oneOf, anyOf] = lists.map((list) =>
      Array.isArray(list) && list.length > 0 ? list : undefined,
    );
    if (!allOf && !oneOf && !anyOf) return undefined;
    const { schemas } = this.naming;
    const parts: TypeNode[] = [];
    if (allOf)
      parts.push(
        intersection(
          allOf.map((s, i) => {
            const lookup = allOfPropertyLookup(schemas, allOf, i);
            return this.present(s, schema, lookup) ?? this.type(s, lookup);
          }),
        ),
      );
    const cases =
      oneOf || anyOf ? discriminatorCases(schemas, schema) : undefined;
    // a member listing only `required` (urlbox's `oneOf: [{required: [url]}, …]`): those are present
    const inParent = (name: string) => findProperty(schemas, schema, name);
    const member = (s: Schema) =>
      this.present(s, schema, inParent) ?? this.discriminated(schema, cases, s);
    for (const options of [oneOf, anyOf])
      if (options) parts.push(union(options.map(member)));
    return intersection(parts);
  }

  /**
   * A oneOf/anyOf member under a discriminator: `Cat & { petType: "cat" }` (docs/types.md); a
   * member whose own property already holds these literals gets none.
   */
  private discriminated(
    parent: Schema,
    cases: ReturnType<typeof discriminatorCases>,
    member: Schema,
  ): TypeNode {
    const type = this.type(member);
    const property = parent.discriminator?.propertyName;
    if (!cases || property === undefined || typeof member.$ref !== "string")
      return type;
    const ref = member.$ref;
    let values = [
      ...new Set(cases.filter((c) => c.ref === ref).map((c) => c.value)),
    ].sort();
    const own = ownDiscriminatorValues(this.naming.schemas, member, property);
    if (own) {
      values = values.filter((v) => own.includes(v));
      if (values.length === own.length) values = [];
    }
    if (values.length === 0) return type;
    const tag = union(values.map((v) => raw(stringLiteral(v))));
    const tagged = { name: property, optional: false, type: tag };
    return intersection([
      type,
      { kind: "object", inline: true, members: [tagged] },
    ]);
  }
}

/** True when a `$ref` in the schema points at a schema that reaches itself. */
function reachesRecursion(schema: SubSchema, naming: SchemaNaming): boolean {
  const recursive = naming.recursive;
  if (!recursive || recursive.size === 0) return false;
  let found = false;
  walkSchemaNodes(schema, (s) => {
    if (found || typeof s !== "object") return false;
    const target =
      typeof s.$ref === "string" ? schemaRefName(s.$ref) : undefined;
    if (target !== undefined && recursive.has(target)) found = true;
  });
  return found;
}
