import type { NamedSchema, Schema } from "../../model/types.js";
import { walkSchema } from "../../model/schema.js";
import { schemaRefName } from "../../model/schema-ref.js";

/**
 * Names of the schemas whose request (write) reading differs from their response (read)
 * reading: they require a readOnly or writeOnly member themselves, or reference a schema
 * that does. Only these get a `<Name>Write` type; the rest are shared as is.
 */
export function schemasWithWriteVariant(
  schemas: Record<string, NamedSchema>,
): Set<string> {
  const direct = new Set<string>();
  const refs = new Map<string, Set<string>>();
  for (const [name, named] of Object.entries(schemas)) {
    const found = new Set<string>();
    if (scan(named.schema, found)) direct.add(name);
    refs.set(name, found);
  }
  const differ = new Set(direct);
  for (let changed = true; changed;) {
    changed = false;
    for (const [name, targets] of refs) {
      if (differ.has(name)) continue;
      for (const target of targets)
        if (differ.has(target)) {
          differ.add(name);
          changed = true;
          break;
        }
    }
  }
  return differ;
}

/**
 * Collects the `$ref` targets anywhere in the schema into `refs`; true when a required member
 * anywhere in it is readOnly/writeOnly.
 */
function scan(schema: Schema, refs: Set<string>): boolean {
  let flagged = false;
  walkSchema(schema, (s) => {
    if (typeof s !== "object") return;
    if (typeof s.$ref === "string") {
      const target = schemaRefName(s.$ref);
      if (target !== undefined) refs.add(target);
    }
    if (!s.properties || typeof s.properties !== "object") return;
    const required = new Set(Array.isArray(s.required) ? s.required : []);
    for (const [name, property] of Object.entries(s.properties))
      if (
        required.has(name) &&
        (property?.readOnly === true || property?.writeOnly === true)
      )
        flagged = true;
  });
  return flagged;
}
