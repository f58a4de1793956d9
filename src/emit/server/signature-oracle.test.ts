import { createHash } from "node:crypto";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chatModel } from "../../../test/fixtures/server/chat-model.js";
import {
  CORPUS_DIR,
  CORPUS_FILES,
  describeCorpus,
} from "../../../test/shared-corpus.js";
import type { ApiModel, Endpoint, Schema } from "../../model/types.js";
import {
  DOCUMENTATION_KEYWORDS,
  mapSubSchemas,
  type SubSchema,
} from "../../model/schema/schema.js";
import { schemaRefName } from "../../model/schema/ref.js";
import { loadModel } from "../../pipeline.js";
import { signatures, writeSchema } from "./signature.js";

/**
 * The signature's text and hash against what they were before they were written in one pass:
 * the old implementations are kept here as oracles.
 */

// what the signature hashed before strip and canonical became one pass: a stripped copy of the
// schema (mapSubSchemas, documentation keywords deleted, and `x-` keywords but apiloom's own
// unless `extensions`), then printed with sorted keys
function oldStripped(
  schema: SubSchema,
  extensions = false,
): { text: string; refs: Set<string> } {
  const refs = new Set<string>();
  const walk = (s: SubSchema): SubSchema => {
    if (typeof s !== "object" || s === null) return s;
    if (typeof s.$ref === "string") {
      const name = schemaRefName(s.$ref);
      if (name !== undefined) refs.add(name);
    }
    const out = mapSubSchemas(s, walk);
    for (const keyword of DOCUMENTATION_KEYWORDS) delete out[keyword];
    if (!extensions)
      for (const keyword of Object.keys(out))
        if (keyword.startsWith("x-") && !keyword.startsWith("x-apiloom-"))
          delete out[keyword];
    return out;
  };
  return { text: oldCanonical(walk(schema)), refs };
}

function oldCanonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(oldCanonical).join(",")}]`;
  if (typeof value !== "object" || value === null)
    return JSON.stringify(value) ?? "null";
  const keys = Object.keys(value)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${oldCanonical((value as Record<string, unknown>)[k])}`).join(",")}}`;
}

describe("the stripped schema text a signature hashes", () => {
  const keyword = fc.constantFrom(
    "type",
    "description",
    "title",
    "default",
    "examples",
    "enum",
    "const",
    "properties",
    "patternProperties",
    "dependencies",
    "items",
    "allOf",
    "oneOf",
    "not",
    "additionalProperties",
    "$ref",
    "x-extra",
    "x-apiloom-inferred",
    "__proto__",
    "required",
  );
  const data = fc.jsonValue({ maxDepth: 2 });
  const schema: fc.Arbitrary<SubSchema> = fc.letrec<{ s: SubSchema }>(
    (tie) => ({
      s: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        fc.boolean(),
        fc
          .array(
            fc.tuple(
              keyword,
              fc.oneof(
                tie("s"),
                fc.array(fc.oneof(tie("s"), data, fc.constant(undefined)), {
                  maxLength: 3,
                }),
                fc.dictionary(
                  fc.constantFrom("a", "description", "__proto__", "b"),
                  fc.oneof(tie("s"), data, fc.constant(undefined)),
                  { maxKeys: 3 },
                ),
                fc.constantFrom(
                  "#/components/schemas/A",
                  "#/components/schemas/B~1C",
                  "other.json#/x",
                ),
                data,
                fc.constant(undefined),
              ),
            ),
            { maxLength: 5 },
          )
          .map((members) => {
            const out: Record<string, unknown> = {};
            for (const [k, v] of members)
              Object.defineProperty(out, k, {
                value: v,
                enumerable: true,
                writable: true,
                configurable: true,
              });
            return out as SubSchema;
          }),
      ),
    }),
  ).s;

  it("is the text of the schema stripped, then printed with sorted keys, and finds the same references", () => {
    fc.assert(
      fc.property(schema, (s) => {
        const refs = new Set<string>();
        const out: string[] = [];
        writeSchema(s, refs, out);
        const now = { text: out.join(""), refs };
        const before = oldStripped(s);
        expect(now.text).toBe(before.text);
        expect([...now.refs].sort()).toEqual([...before.refs].sort());
      }),
      { numRuns: 2000, seed: 29 },
    );
  });
});

// what a signature hashed before the shape and the named schemas were written as one text: the
// contract shape with each schema's stripped text in it, printed with sorted keys, after the
// sorted named schemas' members
class Text {
  constructor(readonly text: string) {}
}

/** The hash as it was made before; `extensions`: with schemas' `x-` members (signatures'). */
function oldSignature(
  model: ApiModel,
  endpoint: Endpoint,
  extensions = false,
): string {
  const refs = new Set<string>();
  const strip = (schema: Schema | undefined, into: Set<string>) => {
    if (schema === undefined) return undefined;
    const { text, refs: found } = oldStripped(schema, extensions);
    for (const ref of found) into.add(ref);
    return new Text(text);
  };
  const canonical = (value: unknown): string =>
    value instanceof Text
      ? value.text
      : Array.isArray(value)
        ? `[${value.map(canonical).join(",")}]`
        : typeof value !== "object" || value === null
          ? (JSON.stringify(value) ?? "null")
          : `{${Object.keys(value)
              .filter(
                (k) => (value as Record<string, unknown>)[k] !== undefined,
              )
              .sort()
              .map(
                (k) =>
                  `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`,
              )
              .join(",")}}`;
  const shape = {
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
      headers: Object.entries(r.headers ?? {}).map(([name, h]) =>
        h.required
          ? [name.toLowerCase(), strip(h.schema, refs), true]
          : [name.toLowerCase(), strip(h.schema, refs)],
      ),
    })),
  };
  const closure = new Map<string, string>();
  const queue = [...refs];
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (closure.has(name)) continue;
    const next = new Set<string>();
    const text = canonical(strip(model.schemas[name]?.schema, next) ?? null);
    closure.set(name, `${JSON.stringify(name)}:${text}`);
    queue.push(...next);
  }
  const named = [...closure.keys()].sort().map((n) => closure.get(n)!);
  return createHash("sha256")
    .update(`{"named":{${named.join(",")}},"shape":${canonical(shape)}}`)
    .digest("hex")
    .slice(0, 10);
}

describe("signatures", () => {
  const root = join(import.meta.dirname, "../../..");
  it.each([
    "specs/stride-full.postman.json",
    "specs/stride-messaging.swagger.yaml",
    "test/fixtures/openapi3/api30.yaml",
    "test/fixtures/openapi3/api31.yaml",
    "test/fixtures/pet-store-cli/pets.swagger.json",
    "test/fixtures/hostile/recursion.swagger.yaml",
    "test/fixtures/hostile/alias-cycle.openapi.yaml",
    "test/fixtures/hostile/proto.openapi.yaml",
  ])("hash what they hashed before, for every endpoint of %s", (file) => {
    const model = loadModel([join(root, file)], { cwd: root });
    expect(model.endpoints.length).toBeGreaterThan(0);
    const signatureOf = signatures(model);
    const former = signatures(model, true);
    for (const endpoint of model.endpoints) {
      expect(signatureOf(endpoint)).toBe(oldSignature(model, endpoint));
      expect(former(endpoint)).toBe(oldSignature(model, endpoint, true));
    }
  });

  // the hash of a set of named schemas is kept and copied for every endpoint with that set
  it("hash the same, asked again and in the other order", () => {
    const model = loadModel(
      [join(root, "specs/stride-messaging.swagger.yaml")],
      { cwd: root },
    );
    const inOrder = signatures(model);
    const first = model.endpoints.map((e) => inOrder(e));
    expect(model.endpoints.map((e) => inOrder(e))).toEqual(first);
    const reversed = signatures(model);
    expect(
      [...model.endpoints]
        .reverse()
        .map((e) => reversed(e))
        .reverse(),
    ).toEqual(first);
    expect(first).toEqual(model.endpoints.map((e) => oldSignature(model, e)));
  });

  // every member of the shape present or missing: the shape is written without its object
  it("hash what they hashed before for any contract shape", () => {
    const base = chatModel();
    const schema = fc.oneof(
      fc.constant(undefined),
      fc.constant<Schema>({ type: "string", description: "words" }),
      fc.constant<Schema>({ $ref: "#/components/schemas/Message" }),
      fc.constant<Schema>({ type: "array", items: { $ref: "#/x/Missing" } }),
    );
    const maybe = <T>(arb: fc.Arbitrary<T>) =>
      fc.option(arb, { nil: undefined });
    const parameter = fc.record({
      name: fc.string({ maxLength: 6 }),
      in: fc.constantFrom("path", "query", "header", "cookie"),
      required: fc.boolean(),
      schema,
      style: maybe(fc.constantFrom("form", "simple")),
      explode: maybe(fc.boolean()),
      collectionFormat: maybe(fc.constantFrom("csv", "multi")),
      contentType: maybe(fc.constant("application/json")),
      description: maybe(fc.constant("ignored")),
    });
    const content = fc.array(
      fc.record({
        mediaType: fc.constantFrom("application/json", "a/b"),
        schema,
      }),
      { maxLength: 2 },
    );
    const header = fc.record({
      schema,
      required: maybe(fc.boolean()),
      description: maybe(fc.constant("ignored")),
    });
    const endpointPart = fc.record({
      parameters: fc.record({
        path: fc.array(parameter, { maxLength: 2 }),
        query: fc.array(parameter, { maxLength: 2 }),
        header: fc.array(parameter, { maxLength: 1 }),
        cookie: fc.array(parameter, { maxLength: 1 }),
      }),
      requestBody: maybe(fc.record({ required: fc.boolean(), content })),
      responses: fc.array(
        fc.record({
          status: fc.constantFrom("200", "4XX", "default"),
          content,
          headers: maybe(
            fc.dictionary(fc.constantFrom("X-Rate", "ETag", "x-b"), header, {
              maxKeys: 2,
            }),
          ),
        }),
        { maxLength: 3 },
      ),
    });
    fc.assert(
      fc.property(
        fc.array(endpointPart, { minLength: 1, maxLength: 4 }),
        (parts) => {
          const endpoints = parts.map(
            (part) =>
              ({ ...base.endpoints[0]!, ...part }) as unknown as Endpoint,
          );
          const model = { ...base, endpoints };
          const signatureOf = signatures(model);
          for (const endpoint of endpoints)
            expect(signatureOf(endpoint)).toBe(oldSignature(model, endpoint));
        },
      ),
      { numRuns: 400, seed: 29 },
    );
  });

  // sets of named schemas that share first names, leave a run of the trie midway, stop inside one
  // or go on past its end, asked in any order of one signatures(): each hashes what it did alone
  it("hash what they hashed before for any sets of named schemas, in any order", () => {
    const base = chatModel();
    const names = ["A", "B", "C", "D", "E", "F"];
    const ref = (name: string): Schema => ({
      $ref: `#/components/schemas/${name}`,
    });
    const schemas: ApiModel["schemas"] = Object.fromEntries(
      names.map((name, i) => {
        // E names F: a set with E holds F as well
        const schema: Schema =
          name === "E" ? ref("F") : { type: "string", maxLength: i };
        return [name, { name, schema, sources: [] }];
      }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.subarray(names), { minLength: 1, maxLength: 8 }),
        (sets) => {
          const endpoints = sets.map(
            (set) =>
              ({
                ...base.endpoints[0]!,
                responses: [
                  {
                    status: 200,
                    content: [
                      {
                        mediaType: "application/json",
                        schema: { anyOf: set.map(ref) },
                      },
                    ],
                    sources: [],
                  },
                ],
              }) as unknown as Endpoint,
          );
          const model = { ...base, schemas, endpoints };
          const signatureOf = signatures(model);
          for (const endpoint of endpoints)
            expect(signatureOf(endpoint)).toBe(oldSignature(model, endpoint));
        },
      ),
      { numRuns: 300, seed: 63 },
    );
  });

  it("hash what they hashed before for the chat model", () => {
    const model = chatModel();
    const signatureOf = signatures(model);
    const former = signatures(model, true);
    for (const endpoint of model.endpoints) {
      expect(signatureOf(endpoint)).toBe(oldSignature(model, endpoint));
      expect(former(endpoint)).toBe(oldSignature(model, endpoint, true));
    }
  });
});

describeCorpus("signatures on the shared corpus", () => {
  it.each(CORPUS_FILES)("hash what they hashed before: %s", (file) => {
    const model = loadModel([file], { cwd: CORPUS_DIR });
    const signatureOf = signatures(model);
    const former = signatures(model, true);
    for (const endpoint of model.endpoints) {
      expect(signatureOf(endpoint)).toBe(oldSignature(model, endpoint));
      expect(former(endpoint)).toBe(oldSignature(model, endpoint, true));
    }
  });
});
