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
      const out = [quoted(name), ":"];
      const schema = model.schemas[name]?.schema;
      if (schema === undefined) out.push("null");
      else writeSchema(schema, refs, out);
      named.set(name, (entry = { member: out.join(""), refs }));
    }
    return entry;
  };
  return (endpoint) => {
    // the shape's text first: writing its schemas finds the names they reference
    const refs = new Set<string>();
    const shape: string[] = [];
    writeCanonical(contractShape(endpoint, refs), shape);
    const closure = new Map<string, string>();
    const queue = [...refs];
    while (queue.length > 0) {
      const name = queue.pop()!;
      if (closure.has(name)) continue;
      const { member, refs: next } = namedSchema(name);
      closure.set(name, member);
      for (const ref of next) if (!closure.has(ref)) queue.push(ref);
    }
    // `{"named":{…},"shape":…}` as pieces, joined once (the schemas' texts are copied only there)
    const out = ['{"named":{'];
    const names = [...closure.keys()].sort();
    for (let i = 0; i < names.length; i++) {
      if (i > 0) out.push(",");
      out.push(closure.get(names[i]!)!);
    }
    out.push('},"shape":');
    for (const piece of shape) out.push(piece);
    out.push("}");
    return createHash("sha256").update(out.join("")).digest("hex").slice(0, 10);
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

/** A schema that {@link writeCanonical} writes as {@link writeSchema} does, finding its references. */
class Stripped {
  constructor(
    readonly schema: SubSchema,
    readonly refs: Set<string>,
  ) {}
}

/**
 * The schema without documentation keywords (at every schema position, never inside data such
 * as `enum` values or under a property name), for writeCanonical to write, which collects the
 * names of referenced schemas into `refs`. No stripped copy of the schema is made.
 */
function strip(
  schema: Schema | undefined,
  refs: Set<string>,
): Stripped | undefined {
  if (schema === undefined) return undefined;
  return new Stripped(schema, refs);
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

/** The canonical text of a sub-schema with its documentation keywords left out, at every schema position. */
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
  const keys = sortedKeys(s, DOCUMENTATION_KEYWORDS);
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
      const names = sortedKeys(value);
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
function writeCanonical(value: unknown, out: string[]): void {
  if (value instanceof Stripped) {
    writeSchema(value.schema, value.refs, out);
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
  const keys = sortedKeys(record);
  out.push("{");
  for (let i = 0; i < keys.length; i++) {
    if (i > 0) out.push(",");
    out.push(quoted(keys[i]!), ":");
    writeCanonical(record[keys[i]!], out);
  }
  out.push("}");
}

/**
 * The keys of `record`'s defined members, but those in `skip`, in `Array.prototype.sort()`'s
 * order (UTF-16 code units). A schema node has a handful of keys: they are sorted in place in
 * the array Object.keys made, by insertion, without the filtered copy and the work arrays of
 * `.filter().sort()` (16 MB of garbage on GitHub's API); a long list is sorted by sort().
 */
export function sortedKeys(
  record: Readonly<Record<string, unknown>>,
  skip?: ReadonlySet<string>,
): string[] {
  const keys = Object.keys(record);
  let n = 0;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (record[key] === undefined || skip?.has(key)) continue;
    // keys[0..n) is sorted and n <= i: moving its larger keys up overwrites only read slots
    let j = n++;
    if (n <= INSERTION_SORT_MAX)
      for (; j > 0 && keys[j - 1]! > key; j--) keys[j] = keys[j - 1]!;
    keys[j] = key;
  }
  if (n < keys.length) keys.length = n;
  return n > INSERTION_SORT_MAX ? keys.sort() : keys;
}

/** Lists longer than this are sorted by sort(): insertion sort does ~n²/4 comparisons. */
const INSERTION_SORT_MAX = 16;

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
