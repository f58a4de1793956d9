import { createHash, type Hash } from "node:crypto";
import type { ApiModel, Endpoint, MediaContent } from "../../model/types.js";
import {
  allParameters,
  isMap,
  isSubSchema,
  schemaRefName,
  type SubSchema,
  SCHEMA_KEYWORD_GROUPS,
} from "../toolkit.js";

/**
 * An endpoint's handler signature: a short hash of everything that shapes its handler type (its
 * parameters, request body and responses, with the named schemas they reference, transitively).
 * Descriptions, examples, sources and a schema's `x-` members (but apiloom's own, `x-apiloom-…`)
 * are left out, so rewording a spec changes no signature. Generated into `HandlerSignatures`; the
 * scaffold copies it into the user's handlers file and compares it on later runs. `extensions`:
 * the hash with the `x-` members, as apiloom made it before it left them out, by which the
 * scaffold tells such a recorded hash of the same contract (changed-contracts.ts). Each named
 * schema is canonicalised once: the model must not change while the returned function is in use.
 */
export function signatures(
  model: ApiModel,
  extensions = false,
): (endpoint: Endpoint) => string {
  // each named schema's `,"name":{…}` member of the hashed text (the first name's without its
  // comma), made once
  const named = new Map<string, { member: string; refs: Set<string> }>();
  const namedSchema = (name: string) => {
    let entry = named.get(name);
    if (!entry) {
      const refs = new Set<string>();
      const out = [",", JSON.stringify(name), ":"];
      writeSub(model.schemas[name]?.schema, out, refs);
      named.set(name, (entry = { member: out.join(""), refs }));
    }
    return entry;
  };
  /** `hash` (the state after `at` names) after `names`: returned. */
  const hashed = (hash: Hash, names: readonly string[], at: number): Hash => {
    for (let k = 0; k < names.length; k++) {
      const text = named.get(names[k]!)!.member;
      hash.update(at + k === 0 ? text.slice(1) : text);
    }
    return hash;
  };
  const namedHashes: NamedRun = {
    names: [],
    hash: createHash("sha256").update('{"named":{'),
    next: new Map(),
  };
  // the hash state of an endpoint's named part, by the names its shape references itself
  // (endpoints share few sets of them)
  const byRefs = new Map<string, Hash>();
  const namedHash = (refs: Set<string>): Hash => {
    // a Set's iteration reaches what is added to it meanwhile
    const closure = new Set(refs);
    for (const name of closure)
      for (const ref of namedSchema(name).refs) closure.add(ref);
    // `{"named":{…},"shape":…}`: the named part is hashed along a radix trie of the sorted
    // names (a speed device: docs/benchmark.md), a node a run of names with the hash state after
    // it, copied where sets of names part; a run split in two hashes its head again
    const names = [...closure].sort();
    let node = namedHashes;
    let i = 0;
    while (i < names.length) {
      const run = node.next.get(names[i]!);
      if (run === undefined) {
        const rest = names.slice(i);
        const made: NamedRun = {
          names: rest,
          hash: hashed(node.hash.copy(), rest, i),
          next: new Map(),
        };
        node.next.set(rest[0]!, made);
        return made.hash;
      }
      let j = 1;
      while (
        j < run.names.length &&
        i + j < names.length &&
        run.names[j] === names[i + j]
      )
        j++;
      if (j < run.names.length) {
        const shared = run.names.slice(0, j);
        const head: NamedRun = {
          names: shared,
          hash: hashed(node.hash.copy(), shared, i),
          next: new Map([[run.names[j]!, run]]),
        };
        run.names = run.names.slice(j);
        node.next.set(shared[0]!, head);
        node = head;
      } else node = run;
      i += j;
    }
    return node.hash;
  };
  return (endpoint) => {
    const before = keepExtensions;
    keepExtensions = extensions;
    try {
      // the shape's text first: writing its schemas finds the names they reference
      const refs = new Set<string>();
      const shape: string[] = [];
      writeShape(endpoint, refs, shape);
      const key = JSON.stringify([...refs].sort());
      let named = byRefs.get(key);
      if (named === undefined) byRefs.set(key, (named = namedHash(refs)));
      const hash = named.copy().update('},"shape":');
      shape.push("}");
      return hash.update(shape.join("")).digest("hex").slice(0, 10);
    } finally {
      keepExtensions = before;
    }
  };
}

/** Whether the schemas being written keep their `x-` members (`signatures`' `extensions`). */
let keepExtensions = false;

/** A schema's member the hash leaves out: documentation, and `x-` members but apiloom's own. */
function leftOut(keyword: string): boolean {
  return (
    DOCUMENTATION_KEYWORDS.has(keyword) ||
    (!keepExtensions &&
      keyword.startsWith("x-") &&
      !keyword.startsWith("x-apiloom-"))
  );
}

/**
 * A node of the trie of named parts: a run of names (sorted), the hash state after it and the
 * runs that go on from it, by their first name. Never updated: states are copied to go on.
 */
interface NamedRun {
  names: readonly string[];
  readonly hash: Hash;
  readonly next: Map<string, NamedRun>;
}

/**
 * Writes writeCanonical's text of this object without making it (a speed device), collecting the
 * names its schemas reference:
 *
 *     { params: [{ name, in, required, schema, style, explode, collectionFormat, contentType }],
 *       body: requestBody && { required, content: [{ mediaType, schema }] },
 *       responses: [{ status, content: [{ mediaType, schema }],
 *                     headers: [[lowercased name, schema, true when required]] }] }
 *
 * The schemas are written without their documentation keywords (writeSchema).
 */
function writeShape(endpoint: Endpoint, refs: Set<string>, out: string[]) {
  const body = endpoint.requestBody;
  out.push("{");
  if (body !== undefined) {
    out.push('"body":{"content":');
    writeContent(body.content, refs, out);
    member(out, ',"required":', body.required);
    out.push("},");
  }
  out.push('"params":[');
  for (const [k, p] of allParameters(endpoint.parameters).entries()) {
    if (k > 0) out.push(",");
    // the members in sorted order; the first one written opens the object
    const at = out.length;
    member(out, ',"collectionFormat":', p.collectionFormat);
    member(out, ',"contentType":', p.contentType);
    member(out, ',"explode":', p.explode);
    member(out, ',"in":', p.in);
    member(out, ',"name":', p.name);
    member(out, ',"required":', p.required);
    member(out, ',"schema":', p.schema, refs);
    member(out, ',"style":', p.style);
    closeObject(out, at);
  }
  out.push('],"responses":[');
  for (const [i, r] of endpoint.responses.entries()) {
    if (i > 0) out.push(",");
    out.push('{"content":');
    writeContent(r.content, refs, out);
    out.push(',"headers":[');
    for (const [j, [name, h]] of Object.entries(r.headers ?? {}).entries()) {
      if (j > 0) out.push(",");
      out.push("[", JSON.stringify(name.toLowerCase()), ",");
      writeSub(h.schema, out, refs);
      // `true` only when required: hashes of contracts without required headers stay as they were
      out.push(h.required ? ",true]" : "]");
    }
    out.push("]");
    member(out, ',"status":', r.status);
    out.push("}");
  }
  out.push("]}");
}

/** `[{"mediaType":…,"schema":…}, …]`: a body's or a response's media types. */
function writeContent(
  content: readonly MediaContent[],
  refs: Set<string>,
  out: string[],
): void {
  out.push("[");
  for (const [i, c] of content.entries()) {
    if (i > 0) out.push(",");
    const at = out.length;
    // OpenAPI 3.2's item schema, when there is one (keys sorted: it comes first)
    member(out, ',"itemSchema":', c.itemSchema, refs);
    member(out, ',"mediaType":', c.mediaType);
    member(out, ',"schema":', c.schema, refs);
    closeObject(out, at);
  }
  out.push("]");
}

/** `,"key":` and the value's canonical text (a schema's as writeSchema's, given `refs`), if any. */
function member(out: string[], key: string, v: unknown, refs?: Set<string>) {
  if (v === undefined) return;
  out.push(key);
  writeSub(v, out, refs);
}

/** Braces around the members written from `at` on (each began with a comma): `{}` when none. */
function closeObject(out: string[], at: number): void {
  if (out.length === at) out.push("{}");
  else {
    out[at] = "{" + out[at]!.slice(1);
    out.push("}");
  }
}

const DOCUMENTATION_KEYWORDS: ReadonlySet<string> = new Set(
  SCHEMA_KEYWORD_GROUPS.documentation,
);
const ONE_KEYWORDS: ReadonlySet<string> = new Set(SCHEMA_KEYWORD_GROUPS.one);
const LIST_KEYWORDS: ReadonlySet<string> = new Set(SCHEMA_KEYWORD_GROUPS.list);
const MAP_KEYWORDS: ReadonlySet<string> = new Set(SCHEMA_KEYWORD_GROUPS.map);

// a text is pieces pushed onto one list, joined once: no copy of a schema's text per level

export function writeSchema(s: SubSchema, refs: Set<string>, out: string[]) {
  if (typeof s !== "object" || s === null) return writeCanonical(s, out);
  const name = typeof s.$ref === "string" ? schemaRefName(s.$ref) : undefined;
  if (name !== undefined) refs.add(name);
  out.push("{");
  for (const [i, keyword] of sortedKeys(s, leftOut).entries()) {
    const value: unknown = s[keyword];
    if (i > 0) out.push(",");
    out.push(JSON.stringify(keyword), ":");
    // the same positions as mapSubSchemas (model/schema/walk.ts): a list's or a map's sub-schemas
    if (ONE_KEYWORDS.has(keyword) && isSubSchema(value))
      writeSchema(value, refs, out);
    else {
      const subs = Array.isArray(value)
        ? LIST_KEYWORDS.has(keyword)
        : MAP_KEYWORDS.has(keyword) && isMap(value);
      writeCanonical(value, out, subs ? refs : undefined);
    }
  }
  out.push("}");
}

/** An item or member of writeCanonical's: with `refs`, a sub-schema is writeSchema's. */
function writeSub(item: unknown, out: string[], refs?: Set<string>): void {
  if (refs && isSubSchema(item)) writeSchema(item, refs, out);
  else writeCanonical(item, out);
}

/**
 * JSON with sorted keys and `undefined` members dropped: equal shapes give equal text. With
 * `refs`, its own items or members are sub-schemas (a list or a map keyword's).
 */
function writeCanonical(value: unknown, out: string[], refs?: Set<string>) {
  if (Array.isArray(value)) {
    out.push("[");
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.push(",");
      writeSub(value[i], out, refs);
    }
    out.push("]");
    return;
  }
  if (!isMap(value)) {
    out.push(JSON.stringify(value) ?? "null");
    return;
  }
  out.push("{");
  for (const [i, key] of sortedKeys(value).entries()) {
    if (i > 0) out.push(",");
    out.push(JSON.stringify(key), ":");
    writeSub(value[key], out, refs);
  }
  out.push("}");
}

/** The keys of `record`'s defined members, but those `skip` names, sorted by UTF-16 code units. */
function sortedKeys(
  record: Readonly<Record<string, unknown>>,
  skip?: (key: string) => boolean,
): string[] {
  return Object.keys(record)
    .filter((key) => record[key] !== undefined && !skip?.(key))
    .sort();
}
