import { createHash } from "node:crypto";
import type { ApiModel, Endpoint, Schema } from "../../model/types.js";
import {
  DOCUMENTATION_KEYWORDS,
  isMap,
  isSubSchema,
  SCHEMA_KEYWORDS,
  SCHEMA_LIST_KEYWORDS,
  SCHEMA_MAP_KEYWORDS,
  type SubSchema,
} from "../../model/schema.js";
import { schemaRefName } from "../../model/schema-ref.js";

/**
 * A short hash of everything that shapes an endpoint's handler type: its path, query and header
 * parameters (name, location, required, schema, style), its request body (required, media types,
 * schemas) and its responses (status, media types, schemas, headers), with the named schemas they
 * reference (transitively). Descriptions, examples and sources are left out, so rewording a spec
 * does not report a changed signature. Generated into `HandlerSignatures`; the scaffold copies it
 * into the user's handlers file and compares it on later runs.
 */
export function handlerSignature(model: ApiModel, endpoint: Endpoint): string {
  return signatures(model)(endpoint);
}

/**
 * `handlerSignature` for many endpoints of one model: each named schema is canonicalised once.
 * The model must not change while the returned function is in use.
 */
export function signatures(model: ApiModel): (endpoint: Endpoint) => string {
  // each named schema's `"name":{…}` member of the hashed text, made once
  const named = new Map<string, { member: string; refs: Set<string> }>();
  const namedSchema = (name: string) => {
    let entry = named.get(name);
    if (!entry) {
      const refs = new Set<string>();
      const text = canonical(strip(model.schemas[name]?.schema, refs) ?? null);
      const member = `${JSON.stringify(name)}:${text}`;
      named.set(name, (entry = { member, refs }));
    }
    return entry;
  };
  return (endpoint) => {
    const refs = new Set<string>();
    const shape = contractShape(endpoint, refs);
    const closure = new Map<string, string>();
    const queue = [...refs];
    while (queue.length > 0) {
      const name = queue.pop()!;
      if (closure.has(name)) continue;
      const { member, refs: next } = namedSchema(name);
      closure.set(name, member);
      for (const ref of next) if (!closure.has(ref)) queue.push(ref);
    }
    const schemas = [...closure.keys()]
      .sort()
      .map((name) => closure.get(name)!);
    return createHash("sha256")
      .update(`{"named":{${schemas.join(",")}},"shape":${canonical(shape)}}`)
      .digest("hex")
      .slice(0, 10);
  };
}

function contractShape(endpoint: Endpoint, refs: Set<string>): unknown {
  return {
    params: [
      ...endpoint.parameters.path,
      ...endpoint.parameters.query,
      ...endpoint.parameters.header,
      ...endpoint.parameters.cookie,
    ].map((p) => ({
      name: p.name,
      in: p.in,
      required: p.required,
      schema: strip(p.schema, refs),
      style: p.style,
      explode: p.explode,
      collectionFormat: p.collectionFormat,
      contentType: p.contentType,
    })),
    body: endpoint.requestBody && {
      required: endpoint.requestBody.required,
      content: endpoint.requestBody.content.map((c) => ({
        mediaType: c.mediaType,
        schema: strip(c.schema, refs),
      })),
    },
    responses: endpoint.responses.map((r) => ({
      status: r.status,
      content: r.content.map((c) => ({
        mediaType: c.mediaType,
        schema: strip(c.schema, refs),
      })),
      // `required` only when true: hashes of contracts without required headers stay as they were
      headers: Object.entries(r.headers ?? {}).map(([name, h]) =>
        h.required
          ? [name.toLowerCase(), strip(h.schema, refs), true]
          : [name.toLowerCase(), strip(h.schema, refs)],
      ),
    })),
  };
}

/** Text that {@link canonical} writes as it is: a schema already made canonical by {@link strip}. */
class Canonical {
  constructor(readonly text: string) {}
}

/**
 * The schema without documentation keywords (at every schema position, never inside data such
 * as `enum` values or under a property name), already as its canonical text; collects the names
 * of referenced schemas. One pass: no stripped copy of the schema is made, then printed.
 */
function strip(
  schema: Schema | undefined,
  refs: Set<string>,
): Canonical | undefined {
  if (schema === undefined) return undefined;
  return new Canonical(canonicalSchema(schema, refs));
}

/** {@link strip}'s text of a schema and the names it references (exported for its tests). */
export function strippedSchema(schema: SubSchema): {
  text: string;
  refs: Set<string>;
} {
  const refs = new Set<string>();
  return { text: canonicalSchema(schema, refs), refs };
}

const ONE_KEYWORDS: ReadonlySet<string> = new Set(SCHEMA_KEYWORDS);
const LIST_KEYWORDS: ReadonlySet<string> = new Set(SCHEMA_LIST_KEYWORDS);
const MAP_KEYWORDS: ReadonlySet<string> = new Set(SCHEMA_MAP_KEYWORDS);

/** canonical() of a sub-schema with its documentation keywords left out, at every schema position. */
function canonicalSchema(s: SubSchema, refs: Set<string>): string {
  const out: string[] = [];
  writeSchema(s, refs, out);
  return out.join("");
}

// the canonical texts are written as pieces into one list per text and joined once: a string
// per level, each holding its children's, copied a schema's text once per nesting level

function writeSchema(s: SubSchema, refs: Set<string>, out: string[]): void {
  if (typeof s !== "object" || s === null) return writeCanonical(s, out);
  if (typeof s.$ref === "string") {
    const name = schemaRefName(s.$ref);
    if (name !== undefined) refs.add(name);
  }
  const keys = Object.keys(s)
    .filter((k) => s[k] !== undefined && !DOCUMENTATION_KEYWORDS.has(k))
    .sort();
  out.push("{");
  for (let i = 0; i < keys.length; i++) {
    const keyword = keys[i]!;
    const value: unknown = s[keyword];
    if (i > 0) out.push(",");
    out.push(quoted(keyword), ":");
    // the same positions as mapSubSchemas (model/schema-walk.ts)
    if (Array.isArray(value)) {
      if (!LIST_KEYWORDS.has(keyword)) writeCanonical(value, out);
      else {
        out.push("[");
        for (let j = 0; j < value.length; j++) {
          if (j > 0) out.push(",");
          const item: unknown = value[j];
          if (isSubSchema(item)) writeSchema(item, refs, out);
          else writeCanonical(item, out);
        }
        out.push("]");
      }
    } else if (ONE_KEYWORDS.has(keyword) && isSubSchema(value))
      writeSchema(value, refs, out);
    else if (MAP_KEYWORDS.has(keyword) && isMap(value)) {
      const names = Object.keys(value)
        .filter((k) => value[k] !== undefined)
        .sort();
      out.push("{");
      for (let j = 0; j < names.length; j++) {
        if (j > 0) out.push(",");
        const item = value[names[j]!];
        out.push(quoted(names[j]!), ":");
        if (isSubSchema(item)) writeSchema(item, refs, out);
        else writeCanonical(item, out);
      }
      out.push("}");
    } else writeCanonical(value, out);
  }
  out.push("}");
}

/** JSON with sorted keys and `undefined` members dropped: equal shapes give equal text. */
function canonical(value: unknown): string {
  if (value instanceof Canonical) return value.text;
  const out: string[] = [];
  writeCanonical(value, out);
  return out.join("");
}

function writeCanonical(value: unknown, out: string[]): void {
  if (value instanceof Canonical) {
    out.push(value.text);
    return;
  }
  if (Array.isArray(value)) {
    out.push("[");
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.push(",");
      writeCanonical(value[i], out);
    }
    out.push("]");
    return;
  }
  if (typeof value !== "object" || value === null) {
    out.push(JSON.stringify(value) ?? "null");
    return;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  out.push("{");
  for (let i = 0; i < keys.length; i++) {
    if (i > 0) out.push(",");
    out.push(quoted(keys[i]!), ":");
    writeCanonical(record[keys[i]!], out);
  }
  out.push("}");
}

/** JSON.stringify of a key; keywords and property names come back all the time (a cache). */
function quoted(key: string): string {
  let text = QUOTED.get(key);
  if (text === undefined) {
    text = JSON.stringify(key);
    if (QUOTED.size < 10_000) QUOTED.set(key, text);
  }
  return text;
}
const QUOTED = new Map<string, string>();
