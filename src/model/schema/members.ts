// Where a member of a schema is declared, and which `required` names apply in which direction.

import { resolveSchema } from "./ref.js";
import { ownMember, setOwn } from "../own-property.js";
import { isSchemaObject, type SubSchema } from "./walk.js";
import type { NamedSchema, Schema } from "../types.js";

/** The member `name` as `schema` declares it: in its `properties`, else its allOf members'. */
export function findProperty(
  schemas: Readonly<Record<string, NamedSchema>>,
  schema: SubSchema | undefined,
  name: string,
): SubSchema | undefined {
  if (isSchemaObject(schema) && typeof schema.$ref !== "string") {
    const own = schema.properties;
    if (isSchemaObject(own) && Object.hasOwn(own, name)) return own[name];
  }
  return ownMember(allProperties(schemas, schema), name);
}

/** The members a schema declares by name: its own, then its allOf members' (the first declares). */
export function allProperties(
  schemas: Readonly<Record<string, NamedSchema>>,
  schema: SubSchema | undefined,
): Record<string, Schema> {
  const out: Record<string, Schema> = {};
  const seen = new Set<Schema>();
  const walk = (s: SubSchema | undefined): void => {
    const resolved = isSchemaObject(s) ? resolveSchema(schemas, s) : undefined;
    if (!resolved || seen.has(resolved)) return;
    seen.add(resolved);
    const own = isSchemaObject(resolved.properties) ? resolved.properties : {};
    for (const [key, value] of Object.entries(own))
      if (!Object.hasOwn(out, key)) setOwn(out, key, value);
    for (const member of Array.isArray(resolved.allOf) ? resolved.allOf : [])
      walk(member);
  };
  walk(schema);
  return out;
}

/** A schema's `required` names by the messages they apply to. */
export interface RequiredSplit {
  /** Required of requests and responses. */
  readonly always: readonly string[];
  /** readOnly members: a request need not send them. */
  readonly notInRequest: readonly string[];
  /** writeOnly members: a response never holds them. */
  readonly notInResponse: readonly string[];
}

/**
 * A schema's `required` names (each once, strings only) by direction (OpenAPI 3.1 §4.8.24: readOnly
 * is sent by the server only, writeOnly by the client only); `property` finds a member's schema.
 */
export function requiredSplit(
  schemas: Readonly<Record<string, NamedSchema>>,
  schema: Schema,
  property?: (name: string) => SubSchema | undefined,
): RequiredSplit {
  const split = {
    always: [] as string[],
    notInRequest: [] as string[],
    notInResponse: [] as string[],
  };
  forEachRequired(schemas, schema, property, (name, direction) => {
    split[direction].push(name);
  });
  return split;
}

/** True when {@link requiredSplit} would list a name as readOnly/writeOnly. */
export function requiresDirectional(
  schemas: Readonly<Record<string, NamedSchema>>,
  schema: Schema,
  property?: (name: string) => SubSchema | undefined,
): boolean {
  return forEachRequired(schemas, schema, property, (_, d) => d !== "always");
}

/** Calls `each` with each `required` name and its list, until `each` returns true (true then). */
function forEachRequired(
  schemas: Readonly<Record<string, NamedSchema>>,
  schema: Schema,
  property = (name: string) => findProperty(schemas, schema, name),
  each: (name: string, direction: keyof RequiredSplit) => boolean | void,
): boolean {
  const required: unknown[] | undefined = schema.required;
  if (!Array.isArray(required)) return false;
  for (const name of new Set(required)) {
    if (typeof name !== "string") continue;
    const flags = accessOf(schemas, property(name)) ?? {};
    const direction =
      flags.readOnly === true
        ? "notInRequest"
        : flags.writeOnly === true
          ? "notInResponse"
          : "always";
    if (each(name, direction) === true) return true;
  }
  return false;
}

/**
 * The schema that says whether a member is readOnly or writeOnly: its own, else its `$ref`
 * target's, else an allOf part's (OpenAPI 3.0's `allOf: [{$ref: Id}]` beside a description).
 */
export function accessOf(
  schemas: Readonly<Record<string, NamedSchema>>,
  s: SubSchema | undefined,
  seen = new Set<Schema>(),
): Schema | undefined {
  if (!isSchemaObject(s) || seen.has(s)) return undefined;
  seen.add(s);
  if (s.readOnly !== undefined || s.writeOnly !== undefined) return s;
  const target = resolveSchema(schemas, s);
  if (target !== s) return accessOf(schemas, target, seen);
  for (const part of Array.isArray(s.allOf) ? s.allOf : []) {
    const found = accessOf(schemas, part, seen);
    if (found) return found;
  }
  return undefined;
}

/** The property lookup of allOf member `index`: itself, then its siblings (`allOf [A, {required}]`). */
export function allOfPropertyLookup(
  schemas: Readonly<Record<string, NamedSchema>>,
  allOf: readonly SubSchema[],
  index: number,
): (name: string) => SubSchema | undefined {
  const order = [allOf[index], ...allOf.filter((_, i) => i !== index)];
  return (name) => {
    for (const member of order) {
      const found = findProperty(schemas, member, name);
      if (found !== undefined) return found;
    }
    return undefined;
  };
}
