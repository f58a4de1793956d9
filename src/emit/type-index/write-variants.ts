import type { ApiModel, NamedSchema, Schema } from "../../model/types.js";
import { sentContent } from "../shared/media-types.js";
import { formMode, requestBodyMode } from "./endpoint-types.js";
import {
  allOfPropertyLookup,
  requiresDirectional,
  walkSchemaNodes,
} from "../../model/schema/schema.js";
import { schemaRefName } from "../../model/schema/ref.js";

/** `seed`, and every name whose `$ref`s reach one of them. */
export function reaching(
  refs: ReadonlyMap<string, ReadonlySet<string>>,
  seed: ReadonlySet<string>,
): Set<string> {
  const out = new Set(seed);
  for (let changed = true; changed;) {
    changed = false;
    for (const [name, targets] of refs)
      if (!out.has(name) && [...targets].some((target) => out.has(target))) {
        out.add(name);
        changed = true;
      }
  }
  return out;
}

/** Walks each named schema once: its references, and whether it is directional or binary. */
export function schemaFacts(schemas: Record<string, NamedSchema>) {
  const facts = {
    refs: new Map<string, Set<string>>(),
    directional: new Set<string>(),
    binary: new Set<string>(),
  };
  for (const [name, named] of Object.entries(schemas)) {
    const seen = scan(schemas, named.schema);
    if (seen.directional) facts.directional.add(name);
    if (seen.binary) facts.binary.add(name);
    facts.refs.set(name, seen.refs);
  }
  return facts;
}

/**
 * The schema's `$ref` targets; directional when a required member anywhere in it is
 * readOnly/writeOnly (allOf members look into their siblings, as the types do).
 */
function scan(schemas: Record<string, NamedSchema>, schema: Schema) {
  const refs = new Set<string>();
  let directional = false;
  let binary = false;
  walkSchemaNodes(schema, (s) => {
    if (typeof s !== "object") return;
    const target =
      typeof s.$ref === "string" ? schemaRefName(s.$ref) : undefined;
    if (target !== undefined) refs.add(target);
    if (s.format === "binary") binary = true;
    // one directional node is enough: the rest of the walk only collects references
    const allOf = s.allOf;
    directional ||=
      requiresDirectional(schemas, s) ||
      (Array.isArray(allOf) &&
        allOf.some(
          (member: Schema, i) =>
            typeof member === "object" &&
            requiresDirectional(
              schemas,
              member,
              allOfPropertyLookup(schemas, allOf, i),
            ),
        ));
  });
  return { refs, directional, binary };
}

/** The schemas a multipart (or other `form`) body reaches that hold a binary string (a Blob there): each gets `<Name>Form`. */
export function schemasWithFormVariant(
  model: ApiModel,
  facts: ReturnType<typeof schemaFacts>,
): Set<string> {
  // a schema reaching a binary one holds a binary string too
  const binary = reaching(facts.refs, facts.binary);
  const reached = new Set<string>();
  for (const endpoint of model.endpoints) {
    const sent = sentContent(endpoint.requestBody?.content ?? []);
    if (requestBodyMode(sent) !== "form") continue;
    for (const c of sent)
      if (c.schema && formMode(c) === "form")
        for (const name of scan(model.schemas, c.schema).refs)
          reached.add(name);
  }
  // and what those reach (a Set's iteration meets what is added to it meanwhile)
  for (const name of reached)
    for (const ref of facts.refs.get(name) ?? []) reached.add(ref);
  return new Set([...reached].filter((name) => binary.has(name)));
}
