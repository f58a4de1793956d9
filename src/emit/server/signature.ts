import { createHash } from "node:crypto";
import type { ApiModel, Endpoint, Schema } from "../../model/types.js";
import {
  DOCUMENTATION_KEYWORDS,
  mapSubSchemas,
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
  const named = new Map<string, { text: string; refs: Set<string> }>();
  const namedSchema = (name: string) => {
    let entry = named.get(name);
    if (!entry) {
      const refs = new Set<string>();
      const text = canonical(strip(model.schemas[name]?.schema, refs) ?? null);
      named.set(name, (entry = { text, refs }));
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
      const { text, refs: next } = namedSchema(name);
      closure.set(name, text);
      for (const ref of next) if (!closure.has(ref)) queue.push(ref);
    }
    const schemas = [...closure.keys()]
      .sort()
      .map((name) => `${JSON.stringify(name)}:${closure.get(name)}`);
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

/**
 * The schema without documentation keywords (at every schema position, never inside data such
 * as `enum` values or under a property name); collects the names of referenced schemas.
 */
function strip(schema: Schema | undefined, refs: Set<string>): unknown {
  if (schema === undefined) return undefined;
  const walk = (s: SubSchema): SubSchema => {
    if (typeof s !== "object" || s === null) return s;
    if (typeof s.$ref === "string") {
      const name = schemaRefName(s.$ref);
      if (name !== undefined) refs.add(name);
    }
    const out = mapSubSchemas(s, walk);
    for (const keyword of DOCUMENTATION_KEYWORDS) delete out[keyword];
    return out;
  };
  return walk(schema);
}

/** JSON with sorted keys and `undefined` members dropped: equal shapes give equal text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (typeof value !== "object" || value === null)
    return JSON.stringify(value) ?? "null";
  const keys = Object.keys(value)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(",")}}`;
}
