import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import { loadModel } from "../../src/pipeline.js";
import type { ApiModel, Schema } from "../../src/model/types.js";
import { validatorFiles } from "../../src/emit/validators/index.js";
import { createTypeIndex } from "../../src/emit/type-index/type-index.js";
import {
  outDir,
  planLiterals,
  planOf,
  writeFiles,
  type LoadedValidator,
  type LoadedValidators,
} from "./generated.js";
import { arbitraryValues, fakerSamples, mutations } from "./oracle.js";
import { CORPUS_DIR, CORPUS_PRESENT } from "../shared-corpus.js";

/**
 * The named schemas' checks written as code (src/emit/validators/code.ts), and the fast paths of
 * the validators' interpreter (templates/validators/plan.ts: a leaf property
 * or item checked in the loop over the members without a call, its pointer joined only for a
 * violation; a sub-schema that only calls a named check called with its pointer joined) against
 * the same plans with every fast path taken away (each sub-schema given one more operation that
 * checks nothing, so no node is a leaf or a bare call): on the same values both must report the
 * same violations, with the same paths, keywords, messages and order.
 */

/** Every leaf shape, and the places a leaf sits: nested objects, tuple items, odd names. */
const SPEC = `openapi: 3.1.0
info: { title: Leaves, version: "1" }
paths:
  /things/{id}:
    parameters:
      - { name: id, in: path, required: true, schema: { type: integer } }
    get:
      operationId: getThing
      parameters:
        - { name: q, in: query, schema: { type: string, format: email } }
        - { name: n, in: query, schema: { type: [number, "null"] } }
        - { name: order, in: query, schema: { type: string, enum: [asc, desc] } }
      responses:
        "200":
          description: ok
          content:
            application/json: { schema: { $ref: "#/components/schemas/Leaves" } }
components:
  schemas:
    Leaves:
      type: object
      required: [s, i]
      properties:
        s: { type: string, description: a string }
        sn: { type: [string, "null"] }
        ns: { type: ["null", string] }
        i: { type: integer }
        "in": { type: [integer, "null"] }
        ni: { type: [integer, number] }
        "n": { type: number }
        nn: { type: [number, "null"] }
        b: { type: boolean }
        bn: { type: [boolean, "null"] }
        dt: { type: string, format: date-time }
        d: { type: string, format: date }
        em: { type: string, format: email, x-note: extension }
        id: { type: string, format: uuid }
        uri: { type: [string, "null"], format: uri }
        v4: { type: string, format: ipv4 }
        v6: { type: string, format: ipv6 }
        other: { type: string, format: unknown-format }
        intFormat: { type: integer, format: int64 }
        strangeFormat: { type: integer, format: uri }
        e: { type: string, enum: [a, b, c] }
        en: { type: [string, "null"], enum: [a, b, null] }
        enNoNull: { type: [string, "null"], enum: [a, b] }
        one: { type: string, enum: [only] }
        mixed: { type: [string, integer] }
        "a/b~c": { type: string }
        constructor: { type: string }
        toString: { type: integer }
        averyveryverylongpropertynamethatneedsakeyconstant: { type: string, format: uri }
        obj:
          type: object
          properties:
            inner: { type: string, format: date }
            deeper:
              type: [object, "null"]
              properties:
                x: { type: boolean }
                "y/z": { type: [integer, "null"] }
        objOnly:
          type: object
          minProperties: 1
          properties:
            k: { type: string }
        list:
          type: array
          items:
            type: object
            properties:
              name: { type: string }
              count: { type: integer }
              kind: { type: [string, "null"], enum: [x, y] }
              sn: { type: [string, "null"], format: date-time }
              inn: { type: [integer, "null"] }
              "n": { type: number }
              nn: { type: [number, "null"] }
              b: { type: boolean }
              bn: { type: [boolean, "null"] }
              e: { type: string, enum: [a, b] }
              site: { type: string, format: uri }
              more:
                type: object
                properties:
                  leaf: { type: boolean }
              grid:
                type: array
                items:
                  type: object
                  properties:
                    cell: { type: integer }
        tuple:
          type: array
          prefixItems:
            - type: object
              properties:
                first: { type: string, format: uuid }
          items: { type: integer }
        arr:
          type: array
          minItems: 1
          items: { type: string }
        composed:
          allOf:
            - type: object
              properties:
                a: { type: string }
            - type: object
              properties:
                b: { type: integer }
        either:
          anyOf:
            - type: object
              properties:
                a: { type: string }
            - type: string
`;

/** Values that break every leaf in every way, and ones that do not. */
const WRONG: unknown[] = [
  undefined,
  null,
  "",
  "text",
  "a",
  "2024-02-30",
  "2024-02-29T12:00:00Z",
  "me@example.com",
  "https://example.com/x",
  "not an email",
  "123e4567-e89b-12d3-a456-426614174000",
  "10.0.0.1",
  "::1",
  0,
  1,
  -1.5,
  2 ** 53,
  Number.NaN,
  true,
  false,
  [],
  ["x"],
  [1, "x", null],
  {},
  { a: 1 },
];

/**
 * Objects keyed by `names` (and one more key), nested in objects and arrays a few levels deep,
 * their leaves one of WRONG or an arbitrary JSON value.
 */
function objects(names: readonly string[]) {
  const leaf = fc.oneof(
    fc.constantFrom(...WRONG),
    fc.jsonValue({ maxDepth: 1 }),
  );
  const { node } = fc.letrec((tie) => ({
    node: fc.oneof(
      { maxDepth: 4, depthIdentifier: "node" },
      leaf,
      fc.dictionary(fc.constantFrom(...names, "extra"), tie("node"), {
        maxKeys: 8,
      }),
      fc.array(tie("node"), { maxLength: 3 }),
    ),
  }));
  return fc.dictionary(fc.constantFrom(...names), node, { maxKeys: 12 });
}

/**
 * `count` of {@link objects}, the same for the same names: drawn once (fast-check takes ~1 ms a
 * value, and most validators share the names) and then read by every validator that has them.
 */
function objectSamples(names: readonly string[], count: number): unknown[] {
  const key = `${count}\0${names.join("\0")}`;
  let values = SAMPLES.get(key);
  if (values === undefined)
    SAMPLES.set(
      key,
      (values = fc.sample(objects(names), { seed: 29, numRuns: count })),
    );
  return values;
}

const SAMPLES = new Map<string, unknown[]>();

/** The names a schema's properties (and its nested ones) have. */
function propertyNames(s: unknown, out = new Set<string>(), depth = 0) {
  if (depth > 4 || typeof s !== "object" || s === null) return out;
  for (const [key, sub] of Object.entries(s)) {
    if (key === "properties" && typeof sub === "object" && sub !== null)
      for (const name of Object.keys(sub)) out.add(name);
    propertyNames(sub, out, depth + 1);
  }
  return out;
}

type Loaded = LoadedValidators & { dir: string };

type Op = unknown[];
type Sub = number | Op[];

/** A sub-schema with one more operation that checks nothing: no fast path takes it. */
function slowSub(sub: Sub): Op[] {
  return typeof sub === "number"
    ? [
        ["&", sub],
        ["&", []],
      ]
    : [...sub.map(slowOp), ["&", []]];
}

const slowOrNull = (sub: Sub | null | false) =>
  sub === null || sub === false ? sub : slowSub(sub);

/** An operation with its sub-schemas made slow (the operands plan.ts reads as sub-schemas). */
function slowOp(op: Op): Op {
  const [code] = op;
  const at = (...indexes: number[]) =>
    op.map((operand, i) =>
      indexes.includes(i) ? slowOrNull(operand as Sub | null) : operand,
    );
  switch (code) {
    case "s":
    case "n":
    case "o":
    case "a":
      return [code, (op[1] as Op[]).map(slowOp)];
    case "&":
    case "ct":
    case "not":
      return at(1);
    case "ds":
    case "pr":
    case "pi":
    case "it":
      return at(2);
    case "if":
      return at(1, 2, 3);
    case "k":
      return [
        code,
        (op[1] as [string, Sub | null][]).map(([k, sub]) => [
          k,
          slowOrNull(sub),
        ]),
        slowOrNull(op[2] as Sub | null | false),
        (op[3] as [number, Sub | null][]).map(([i, sub]) => [
          i,
          slowOrNull(sub),
        ]),
        slowOrNull(op[4] as Sub | null),
      ];
    case "any":
    case "one": {
      const picked = op[2] as [string, string[], Sub[]] | null;
      return [
        code,
        (op[1] as Sub[]).map(slowSub),
        picked && [picked[0], picked[1], picked[2].map(slowSub)],
      ];
    }
  }
  return op;
}

/** A generated file with its plan made slow (slowOp), written back into its template literal. */
function slowFile(source: string): string {
  const [start, end, nodes, nodesEnd] = planLiterals(source);
  const { n, ...plan } = planOf(source);
  const slow = {
    ...plan,
    ...(plan.e && {
      e: (plan.e as [string, [string, Sub][], [string, Sub][]][]).map(
        ([name, parts, statuses]) => [
          name,
          parts.map(([part, sub]) => [part, slowSub(sub)]),
          statuses.map(([status, sub]) => [status, slowSub(sub)]),
        ],
      ),
    }),
  };
  const text = (value: unknown) =>
    JSON.stringify(value).replace(/[\\`]|\$\{/g, (c) => "\\" + c);
  return (
    source.slice(0, start) +
    text(slow) +
    source.slice(end, nodes) +
    n.map((node) => "\n" + text((node as Op[]).map(slowOp))).join("") +
    source.slice(nodesEnd)
  );
}

/** Both forms of the model's validators, written and imported. */
async function bothForms(
  model: ApiModel,
  name: string,
): Promise<{ compact: Loaded; plain: Loaded }> {
  const index = createTypeIndex(model);
  const load = async (fast: boolean): Promise<Loaded> => {
    const dir = outDir(`${name}-${fast ? "fast" : "slow"}`);
    // the fast form: the checks as code; the slow one: checks.js's plan, made slow
    const files = validatorFiles(model, index, undefined, fast);
    writeFiles(
      dir,
      files.map((f) =>
        fast || !/\/checks\.[jt]s$/.test(f.path)
          ? f
          : { path: f.path, contents: slowFile(f.contents) },
      ),
    );
    const at = (file: string) =>
      import(pathToFileURL(join(dir, "validators", file)).href);
    return {
      schemas: (await at("schemas.ts")).schemas,
      endpoints: (await at("endpoints.ts")).endpoints,
      dir,
    };
  };
  return { compact: await load(true), plain: await load(false) };
}

/** Every validator of both forms, paired, with the schema values are drawn from. */
function pairs(
  model: ApiModel,
  both: { compact: LoadedValidators; plain: LoadedValidators },
) {
  const out: {
    label: string;
    compact: LoadedValidator;
    plain: LoadedValidator;
    schema?: string;
    names: string[];
  }[] = [];
  const index = createTypeIndex(model);
  for (const name of Object.keys(model.schemas)) {
    const key = index.schemaTypeName(name);
    out.push({
      label: name,
      compact: both.compact.schemas[key]!,
      plain: both.plain.schemas[key]!,
      schema: name,
      names: [...propertyNames(model.schemas[name]!.schema as Schema)],
    });
  }
  for (const [endpoint, parts] of Object.entries(both.plain.endpoints)) {
    const compact = both.compact.endpoints[endpoint]!;
    for (const [part, plain] of Object.entries(parts)) {
      // validators by status and by media type: below
      if (part === "responses" || part === "bodies") continue;
      out.push({
        label: `${endpoint} ${part}`,
        compact: compact[part] as LoadedValidator,
        plain: plain as LoadedValidator,
        names: [],
      });
    }
    for (const [status, plain] of Object.entries(parts.responses))
      out.push({
        label: `${endpoint} ${status}`,
        compact: compact.responses[status]!,
        plain,
        names: [],
      });
    for (const [mediaType, plain] of Object.entries(parts.bodies ?? {}))
      out.push({
        label: `${endpoint} ${mediaType}`,
        compact: compact.bodies![mediaType]!,
        plain,
        names: [],
      });
  }
  return out;
}

/**
 * For each validator: json-schema-faker samples and their mutations, arbitrary JSON, and
 * (fast-check) objects keyed by the schema's property names with wrong and arbitrary values,
 * `runs` of them for a named schema (100 for an endpoint's part).
 */
function sameViolations(
  model: ApiModel,
  both: { compact: LoadedValidators; plain: LoadedValidators },
  runs: number,
): number {
  let compared = 0;
  for (const pair of pairs(model, both)) {
    const samples = pair.schema ? fakerSamples(model, pair.schema, 4) : [];
    const values = [
      ...WRONG,
      ...samples,
      ...samples.flatMap((s, i) => mutations(s, i + 1)),
      ...arbitraryValues(7, 30),
    ];
    for (const value of values) {
      const plain = pair.plain.check(value);
      expect(pair.compact.check(value), pair.label).toEqual(plain);
      // is(), stopping at the first violation, answers as check() does
      expect(pair.compact.is(value), pair.label).toBe(plain.length === 0);
      compared++;
    }
    const names = pair.names.length > 0 ? pair.names : ["id", "name"];
    for (const value of objectSamples(names, pair.schema ? runs : 100)) {
      const plain = pair.plain.check(value);
      const label = `${pair.label}: ${JSON.stringify(value)}`;
      expect(pair.compact.check(value), label).toEqual(plain);
      expect(pair.compact.is(value), label).toBe(plain.length === 0);
      compared++;
    }
  }
  return compared;
}

describe("the checks written as code and the interpreter's fast paths", () => {
  it("report what the plans without them report (every leaf shape)", async () => {
    const result = await generate([{ file: "leaves.yaml", text: SPEC }], {
      artifacts: ["validators"],
    });
    const both = await bothForms(result.model, "compact-leaves");
    // the named schemas are code (each a function), and so are the endpoint's path and query
    // parameters, so the comparison compares something
    const code = readFileSync(
      join(both.compact.dir, "validators/checks.ts"),
      "utf8",
    );
    const named = Object.keys(result.model.schemas).length;
    expect(code.match(/^function c\d+\(/gm)).toHaveLength(named + 2);
    // the fast paths are there (leaves, bare calls), so the comparison compares something
    const plan = planOf(
      validatorFiles(
        result.model,
        createTypeIndex(result.model),
        undefined,
        false,
      ).find((f) => f.path === "validators/checks.ts")!.contents,
    );
    const text = JSON.stringify(plan.n);
    for (const leaf of [
      '["t",["string"]]]',
      '["t",["string","null"]]]',
      '["t",["integer"]]]',
      '["t",["number","null"]]]',
      '["t",["boolean"]]]',
      '["t",["string"]],["e",["a","b","c"]]]',
      '["t",["string"]],["s",[["f","uri"]]]]',
      '["it",0,[["t",["string"]]]]',
    ])
      expect(text).toContain(leaf);
    expect(sameViolations(result.model, both, 3000)).toBeGreaterThan(3_000);
  });

  it.skipIf(!CORPUS_PRESENT)(
    "report what the plans without them report (corpus documents)",
    async () => {
      for (const file of [
        "swagger2/petstore.json",
        "swagger2/docker-engine-v1.41.yaml",
        "oas31/redocly-museum.yaml",
      ]) {
        const model = loadModel([join(CORPUS_DIR, file)]);
        const both = await bothForms(model, `compact-${file.split("/")[1]}`);
        expect(sameViolations(model, both, 40)).toBeGreaterThan(100);
      }
    },
    600_000,
  );
});
