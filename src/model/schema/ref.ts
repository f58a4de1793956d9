import { pointerSegment } from "../pointer.js";
import type { NamedSchema, Schema } from "../types.js";

/**
 * How the model writes a reference to a named schema: `#/components/schemas/<name>`, the name
 * escaped as a JSON pointer segment (RFC 6901: `~` → `~0`, `/` → `~1`). Readers write these,
 * emitters read them; both go through here.
 */
const PREFIX = "#/components/schemas/";

export function schemaRef(name: string): string {
  // joined, not `+`: one flat string rather than two pieces (the model keeps one per reference)
  return [PREFIX, pointerSegment(name)].join("");
}

/** The schema name a `$ref` points at, or undefined for anything but `#/components/schemas/<name>`. */
export function schemaRefName(ref: string): string | undefined {
  if (!ref.startsWith(PREFIX)) return undefined;
  const name = ref.slice(PREFIX.length);
  return name.includes("~")
    ? name.replace(/~1/g, "/").replace(/~0/g, "~")
    : name;
}

/** The named schema a `$ref` points at, or undefined (not `#/components/schemas/<name>`, or no such name). */
export function refTarget(
  schemas: Readonly<Record<string, NamedSchema>>,
  ref: string,
): NamedSchema | undefined {
  const name = schemaRefName(ref);
  return name !== undefined && Object.hasOwn(schemas, name)
    ? schemas[name]
    : undefined;
}

/**
 * Follows `$ref`s into the named schemas until a schema that is not a reference: undefined for a
 * dangling reference or a cycle of references. A `$ref`'s sibling keywords are not merged in.
 */
export function resolveSchema(
  schemas: Readonly<Record<string, NamedSchema>>,
  schema: Schema | undefined,
): Schema | undefined {
  if (schema === undefined || typeof schema.$ref !== "string") return schema;
  let current = refTarget(schemas, schema.$ref)?.schema;
  const seen = new Set<string>([schema.$ref]);
  while (current !== undefined && typeof current.$ref === "string") {
    if (seen.has(current.$ref)) return undefined;
    seen.add(current.$ref);
    current = refTarget(schemas, current.$ref)?.schema;
  }
  return current;
}
