import { schemaRefName } from "../model/schema/ref.js";
import { accessOf, allProperties } from "../model/schema/members.js";
import { isSchemaObject } from "../model/schema/walk.js";
import { listValues } from "../model/lists.js";
import {
  isNullable,
  nonNullTypes,
  resolveSchema,
  schemaValues,
} from "../model/schema/schema.js";
import type { ApiModel, Schema, SourceRef } from "../model/types.js";
import { CHANGE_RULES, type RuleId } from "./rules.js";

/** Which way a schema's values travel: sent by clients, or sent back by servers. */
export type Direction = "request" | "response";

/** A schema change before it is tied to an endpoint: what, in which type, where on each side. */
export type SchemaChange = ReturnType<typeof schemaChange>;

/** Where a schema sits: the type that holds it, the member path in it, its places on each side. */
interface Site {
  type: string;
  /** The type is a named schema's, not an endpoint's own. */
  shared?: boolean;
  member: string[];
  old?: SourceRef;
  new?: SourceRef;
}

/** What holds a schema (a parameter, a media type), or declares one (a body, a response). */
type Holder = { schema?: Schema; sources?: SourceRef[] };

/** A schema with the properties its `allOf` members add, as an object's members read it. */
interface ObjectView {
  properties: Record<string, Schema>;
  required: Set<string>;
}

/** Compares schemas of two models; a pair of named schemas once per direction, cycles once. */
export class SchemaDiff {
  private readonly memo = new Map<string, SchemaChange[]>();
  /** The pairs being compared: one met again inside itself (a union holding itself) adds nothing. */
  private readonly open = new Map<Schema, Set<Schema>>();

  constructor(
    private readonly before: ApiModel["schemas"],
    private readonly after: ApiModel["schemas"],
    /** The new side's schema names → generated type names. */
    private readonly typeNames: ReadonlyMap<string, string>,
  ) {}

  /** The changes from `x`'s schema to `y`'s, of `type` at `member` (declared at `a`, `b`). */
  between(
    direction: Direction,
    type: string,
    member: string[],
    a: Holder,
    b: Holder,
    x = a,
    y = b,
  ): SchemaChange[] {
    return this.compare(direction, x.schema, y.schema, {
      type,
      member,
      old: a.sources?.[0],
      new: b.sources?.[0],
    });
  }

  compare(
    direction: Direction,
    a: Schema | undefined,
    b: Schema | undefined,
    site: Site,
  ): SchemaChange[] {
    const refA = refName(a);
    const refB = refName(b);
    if (refA === undefined || refB === undefined)
      return this.compareResolved(direction, a, b, site);
    const key = `${direction} ${refA} ${refB}`;
    const known = this.memo.get(key);
    if (known) return known;
    this.memo.set(key, []); // a cycle back into this pair adds nothing
    const changes = this.compareResolved(direction, a, b, {
      type: this.typeNames.get(refB) ?? refB,
      shared: true,
      member: [],
      old: this.before[refA]?.sources[0] ?? site.old,
      new: this.after[refB]?.sources[0] ?? site.new,
    });
    this.memo.set(key, changes);
    return changes;
  }

  private compareResolved(
    direction: Direction,
    a: Schema | undefined,
    b: Schema | undefined,
    site: Site,
  ): SchemaChange[] {
    // no schema (a media type's) is any value, as `{}`
    const ra = resolveSchema(this.before, a ?? {});
    const rb = resolveSchema(this.after, b ?? {});
    if (!ra || !rb || typeof ra !== "object" || typeof rb !== "object")
      return [];
    const open = this.open.get(ra) ?? new Set<Schema>();
    if (open.has(rb)) return [];
    this.open.set(ra, open.add(rb));
    const out: SchemaChange[] = [];
    const add = (rule: RuleId, what: string) =>
      out.push(schemaChange(rule, what, site));

    const request = direction === "request";
    const viewA = this.objectView(ra, this.before, direction);
    const viewB = this.objectView(rb, this.after, direction);
    // `allOf: [{$ref}]` (NSwag's, Kiota's) has its one member's types, values and alternatives
    const [coreA, coreB] = [lone(ra, this.before), lone(rb, this.after)];
    const [typesA, typesB] = [
      types(coreA, viewA, this.before),
      types(coreB, viewB, this.after),
    ];
    const [valuesA, valuesB] = [schemaValues(coreA), schemaValues(coreB)];
    const altsA = coreA.oneOf ?? coreA.anyOf;
    const altsB = coreB.oneOf ?? coreB.anyOf;
    if (typesA.length > 0 && typesB.length > 0) {
      // a request may send less than before; a response may return more: both break clients
      const [sent, accepted] = request ? [typesA, typesB] : [typesB, typesA];
      const lost = sent.filter((t) => !covers(accepted, t));
      if (lost.length > 0)
        add(
          `${direction}-type-changed`,
          `changed type from ${typesA.join(" | ")} to ${typesB.join(" | ")}`,
        );
      // an enum dropped, its types kept
      else if (!request && valuesA && !valuesB)
        add("response-enum-value-added", `is not only ${listValues(valuesA)}`);
    } else if (typesA.length > 0 && !request) {
      if (!(valuesB || altsB || viewB || coreB.allOf))
        add("response-type-changed", "may now be any value");
    } else if (request && !(valuesA || altsA || viewA || coreA.allOf))
      if (typesB.length > 0)
        add("request-type-changed", `is now limited to ${typesB.join(" | ")}`);
    if (request && nullable(ra) && !nullable(rb))
      add("request-type-changed", "no longer accepts null");
    if (!request && !nullable(ra) && nullable(rb))
      add("response-property-became-nullable", "may now be null");
    if (
      request &&
      rb.additionalProperties === false &&
      ra.additionalProperties !== false
    )
      add("request-type-changed", "no longer accepts other members");
    // an alternative a request may no longer send, or a response may now be: none matches it
    // (a union's alternatives against one schema: that schema's the one they must fit)
    const [fewer, more] = request
      ? [altsA, altsB ?? [coreB]]
      : [altsB, altsA ?? [coreA]];
    const fits = (x: Schema) => (y: Schema) =>
      this.compare(direction, request ? x : y, request ? y : x, site).every(
        (c) => CHANGE_RULES[c.rule].severity !== "breaking",
      );
    const retyped = out.some((c) => c.rule === `${direction}-type-changed`);
    if (!retyped && fewer?.some((x) => !more.some(fits(x))))
      add(
        `${direction}-type-changed`,
        request ? "lost an alternative" : "may be a new alternative",
      );
    if (valuesB !== undefined) {
      const removed = valuesA?.filter((v) => !includes(valuesB, v)) ?? [];
      const added = valuesA ? valuesB.filter((v) => !includes(valuesA, v)) : [];
      if (removed.length > 0)
        add(
          `${direction}-enum-value-removed`,
          `no longer allows ${listValues(removed)}`,
        );
      if (added.length > 0)
        add(
          `${direction}-enum-value-added`,
          `now also allows ${listValues(added)}`,
        );
      if (valuesA === undefined && request)
        add("request-type-changed", `is now limited to ${listValues(valuesB)}`);
    }

    if (viewA && viewB) this.compareObjects(direction, viewA, viewB, site, out);
    const inner = [
      ["[]", ra.items, rb.items],
      ["{}", ra.additionalProperties, rb.additionalProperties],
    ] as const;
    for (const [name, x, y] of inner)
      if (x && y && typeof x === "object" && typeof y === "object")
        out.push(...this.compare(direction, x, y, at(site, name)));
    open.delete(rb);
    return out;
  }

  private compareObjects(
    direction: Direction,
    a: ObjectView,
    b: ObjectView,
    site: Site,
    out: SchemaChange[],
  ): void {
    const push = (rule: RuleId, name: string, what: string) =>
      out.push(schemaChange(rule, what, at(site, name)));
    for (const name of Object.keys(a.properties).sort()) {
      if (!Object.hasOwn(b.properties, name)) {
        push(`${direction}-property-removed`, name, "was removed");
        continue;
      }
      const wasRequired = a.required.has(name);
      const isRequired = b.required.has(name);
      if (!wasRequired && isRequired && direction === "request")
        push("request-property-became-required", name, "is now required");
      if (wasRequired && !isRequired)
        push(`${direction}-property-became-optional`, name, "is now optional");
      out.push(
        ...this.compare(
          direction,
          a.properties[name],
          b.properties[name],
          at(site, name),
        ),
      );
    }
    for (const name of Object.keys(b.properties).sort()) {
      if (Object.hasOwn(a.properties, name)) continue;
      const required = b.required.has(name);
      push(
        `${required ? "required" : "optional"}-${direction}-property-added`,
        name,
        required ? "was added, required" : "was added",
      );
    }
  }

  /** The schema's members with its `allOf` members' folded in; undefined when it has none. */
  private objectView(
    schema: Schema,
    schemas: ApiModel["schemas"],
    direction: Direction,
  ): ObjectView | undefined {
    const required = new Set<string>();
    const seen = new Set<Schema>();
    let found = false;
    const walk = (s: Schema): void => {
      if (seen.has(s)) return;
      seen.add(s);
      // an object without properties is one, its members unnamed
      found ||=
        nonNullTypes(s).includes("object") || isSchemaObject(s.properties);
      for (const r of Array.isArray(s.required) ? s.required : [])
        if (typeof r === "string") required.add(r);
      for (const part of Array.isArray(s.allOf) ? s.allOf : []) {
        const resolved = resolveSchema(schemas, part);
        if (resolved && typeof resolved === "object") walk(resolved);
      }
    };
    walk(schema);
    if (!found) return undefined;
    const properties = allProperties(schemas, schema);
    // a readOnly member is never sent, a writeOnly one never returned: required only where it goes
    const away = direction === "request" ? "readOnly" : "writeOnly";
    for (const name of required)
      if (accessOf(schemas, properties[name])?.[away] === true)
        required.delete(name);
    return { properties, required };
  }
}

/**
 * The types a schema's values have, null aside (but for null alone); an `allOf` of objects is an
 * object; a union without a type of its own has its alternatives' (none: one takes any value).
 */
function types(
  schema: Schema,
  view: ObjectView | undefined,
  schemas: ApiModel["schemas"],
) {
  const own = nonNullTypes(schema);
  if (own.length === 0 && schema.type === "null") return ["null"];
  if (own.length === 0 && schema.allOf && view) return ["object"];
  const alts = schema.oneOf ?? schema.anyOf;
  if (own.length > 0 || !alts) return own;
  const each = alts.map((a) => nonNullTypes(resolveSchema(schemas, a)));
  return each.some((t) => t.length === 0) ? [] : [...new Set(each.flat())];
}

/** The lone member of an `allOf` with no type or values of its own, resolved; else the schema. */
function lone(schema: Schema, schemas: ApiModel["schemas"]): Schema {
  const [only, ...rest] = Array.isArray(schema.allOf) ? schema.allOf : [];
  const own = nonNullTypes(schema).length > 0 || schemaValues(schema);
  const member = !own && rest.length === 0 && resolveSchema(schemas, only);
  return member && typeof member === "object" ? member : schema;
}

/** Null among its values: its types, or an alternative (OpenAPI 3.0's `nullable` by a composition). */
function nullable(schema: Schema): boolean {
  return (
    isNullable(schema) ||
    (schema.anyOf ?? schema.oneOf ?? []).some((s) => isNullable(s))
  );
}

/** The site of a member of what is at `site`. */
const at = (site: Site, name: string): Site => ({
  ...site,
  member: [...site.member, name],
});

function refName(schema: Schema | undefined): string | undefined {
  return typeof schema?.$ref === "string"
    ? schemaRefName(schema.$ref)
    : undefined;
}

/** `integer` is a `number`: a request that sent an integer still sends a number. */
function covers(types: readonly string[], t: string): boolean {
  return types.includes(t) || (t === "integer" && types.includes("number"));
}

function includes(values: readonly unknown[], v: unknown): boolean {
  const key = JSON.stringify(v);
  return values.some((w) => JSON.stringify(w) === key);
}

/**
 * A change of the schema at `at`: `subject` names the member (`` `SpecialEvent.location` ``),
 * `what` says what happened to it (`was removed`); `shared` when other endpoints may share it.
 */
function schemaChange(rule: RuleId, what: string, at: Site) {
  return {
    rule,
    subject: `\`${memberPath([at.type, ...at.member])}\``,
    what,
    names: {
      type: at.type,
      ...(at.member.length > 0 ? { member: memberPath(at.member) } : {}),
    },
    shared: at.shared === true,
    ...(at.old ? { old: at.old } : {}),
    ...(at.new ? { new: at.new } : {}),
  };
}

function memberPath(member: readonly string[]): string {
  return member.join(".").replace(/\.\[\]/g, "[]");
}
