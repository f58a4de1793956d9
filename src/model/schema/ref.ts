import { pointerSegment, unescapeSegment } from "../pointer.js";
import type { NamedSchema, Schema } from "../types.js";
import { ownMember } from "../own-property.js";

/** A reference to a named schema: the name escaped as a JSON pointer segment (RFC 6901). */
const PREFIX = "#/components/schemas/";

export function schemaRef(name: string): string {
  // joined, not `+`: one flat string, not two pieces (the model keeps one per reference)
  return [PREFIX, pointerSegment(name)].join("");
}

/** True when `$ref` is the one key of `schema` (its own, or any enumerable one it inherits). */
export function refAlone(schema: object): boolean {
  for (const key in schema) if (key !== "$ref") return false;
  return true;
}

/** The schema name a `$ref` points at, or undefined for anything but `#/components/schemas/<name>`. */
export function schemaRefName(ref: string): string | undefined {
  if (!ref.startsWith(PREFIX)) return undefined;
  return unescapeSegment(ref.slice(PREFIX.length));
}

/** The named schema a `$ref` points at, or undefined. */
export function refTarget(
  schemas: Readonly<Record<string, NamedSchema>> | undefined,
  ref: string,
): NamedSchema | undefined {
  const name = schemaRefName(ref);
  return name === undefined ? undefined : ownMember(schemas, name);
}

/** Follows `$ref`s to a schema that is not one (siblings not merged); undefined: dangling or a cycle. */
export function resolveSchema(
  schemas: Readonly<Record<string, NamedSchema>>,
  schema: Schema | undefined,
): Schema | undefined {
  if (schema === undefined || typeof schema.$ref !== "string") return schema;
  const seen = new Set<string>();
  let current: Schema | undefined = schema;
  while (current !== undefined && typeof current.$ref === "string") {
    if (seen.has(current.$ref)) return undefined;
    seen.add(current.$ref);
    current = refTarget(schemas, current.$ref)?.schema;
  }
  return current;
}
