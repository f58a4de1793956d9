import type { NamedSchema, Schema } from "../../model/types.js";
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

/** Collects `$ref` targets into `refs`; true when a required member is readOnly/writeOnly. */
function scan(schema: unknown, refs: Set<string>): boolean {
  if (!schema || typeof schema !== "object") return false;
  const s = schema as Schema;
  let flagged = false;
  if (typeof s.$ref === "string") {
    const target = schemaRefName(s.$ref);
    if (target !== undefined) refs.add(target);
  }
  const required = new Set(Array.isArray(s.required) ? s.required : []);
  if (s.properties && typeof s.properties === "object")
    for (const [name, property] of Object.entries(s.properties)) {
      if (
        required.has(name) &&
        (property?.readOnly === true || property?.writeOnly === true)
      )
        flagged = true;
      if (scan(property, refs)) flagged = true;
    }
  for (const key of ["items", "additionalProperties", "not"] as const)
    if (scan(s[key], refs)) flagged = true;
  for (const key of ["allOf", "oneOf", "anyOf", "prefixItems"] as const) {
    const list = s[key];
    if (Array.isArray(list))
      for (const sub of list) if (scan(sub, refs)) flagged = true;
  }
  return flagged;
}
