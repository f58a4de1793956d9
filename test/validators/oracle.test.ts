import { emitted } from "../emitted.js";
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { schemaRefName } from "../../src/model/schema/ref.js";
import { loadModel } from "../../src/pipeline.js";
import type { ApiModel, Schema } from "../../src/model/types.js";
import type { GeneratedFile } from "../../src/emit/artifact.js";
import { CORPUS_DIR, CORPUS_FILES, CORPUS_PRESENT } from "../shared-corpus.js";
import {
  loadValidators,
  outDir,
  typeCheck,
  writeFiles,
  type LoadedValidator,
  type LoadedValidators,
} from "./generated.js";
import {
  ajvJudges,
  arbitraryValues,
  fakerSamples,
  mutations,
} from "./oracle.js";
import { SPEC } from "./keywords-spec.js";
import { jsonSchemaOf, paramsSchema } from "../../src/emit/validators/index.js";
import { headerParameters } from "../../src/emit/type-index/endpoint-types.js";
import { createTypeIndex } from "../../src/emit/type-index/type-index.js";

/**
 * ajv (2020 mode, ajv-formats) judges the generated validators: for every named schema of the
 * seeds and the shared corpus, json-schema-faker samples, mutations of them and arbitrary
 * fast-check values must get the same valid/invalid answer from both. Where the two are meant to
 * differ, the allow-list below says why; any other disagreement fails the test.
 */

interface Disagreement {
  document: string;
  schema: string;
  value: unknown;
  ajv: boolean;
  ours: boolean;
}

/** A named schema, or one part of an endpoint (its parameters of one kind, body, a response). */
interface Subject {
  key: string;
  label: string;
  schema: Schema;
  validator: LoadedValidator;
  /** Endpoint parts are read by direction (named schemas as plain JSON Schema). */
  direction?: "request" | "response";
}

interface Allowed {
  reason: string;
  applies(model: ApiModel, subject: Subject, d: Disagreement): boolean;
}

/** Every deliberate difference from ajv, with its reason. */
const ALLOWED: Allowed[] = [
  {
    reason:
      "OpenAPI's discriminator picks the one member to check (OpenAPI 3.1 §4.8.25); plain oneOf rejects a value several members accept",
    applies: (model, subject, d) =>
      d.ajv === false &&
      reaches(model, subject.schema, (s) => "discriminator" in s),
  },
  {
    reason:
      "an endpoint's request need not send a required readOnly property, its response need not return a required writeOnly one (OpenAPI 3.1 §4.8.24)",
    applies: (model, subject, d) =>
      d.ajv === false &&
      ((subject.direction === "request" &&
        reaches(model, subject.schema, (s) => s.readOnly === true)) ||
        (subject.direction === "response" &&
          reaches(model, subject.schema, (s) => s.writeOnly === true))),
  },
  {
    reason:
      "apiloom's reading: a schema without `type` whose `properties` (or `items`) make its type an object (an array) admits only those, as the type says; JSON Schema lets any other value pass",
    applies: (model, subject, d) =>
      d.ajv === true &&
      subject.validator.check(d.value).every((v) => v.keyword === "type") &&
      reaches(
        model,
        subject.schema,
        (s) =>
          s.type === undefined &&
          !["$ref", "allOf", "anyOf", "oneOf", "not", "enum", "const"].some(
            (k) => k in s,
          ) &&
          [
            "properties",
            "additionalProperties",
            "patternProperties",
            "items",
          ].some((k) => k in s),
      ),
  },
];

/** Hand-picked values where a deliberate difference shows (document → schema → values). */
const EXTRA: Record<string, Record<string, unknown[]>> = {
  // Circle and Square both accept it; the discriminator says Circle
  keywords: {
    Shape: [{ kind: "round", r: 1, side: 1 }],
    // a request without the readOnly id, an answer without the writeOnly secret
    "putPet body": [{ name: "rex", secret: "s" }],
    "putPet 200": [{ id: 1, name: "rex" }],
  },
};

const KEYWORDS_DIR = outDir("oracle-keywords");
writeFileSync(join(KEYWORDS_DIR, "keywords.yaml"), SPEC);

const DOCUMENTS: { name: string; files: string[]; cwd?: string }[] = [
  { name: "keywords", files: ["keywords.yaml"], cwd: KEYWORDS_DIR },
  {
    name: "seeds",
    files: readdirSync("specs").map((f) => join("specs", f)),
  },
  ...(CORPUS_PRESENT
    ? CORPUS_FILES.map((f) => ({ name: f, files: [f], cwd: CORPUS_DIR }))
    : []),
];

/**
 * Each document's validators as its test above emitted them (`emitted("validators", model)`),
 * which the tsc test compiles instead of making them again; a document whose test did not run
 * (a filter, a failure before the emit) is made there.
 */
const generated = new Map<string, readonly GeneratedFile[]>();

const totals = {
  documents: 0,
  schemas: 0,
  parts: 0,
  judged: 0,
  refused: 0,
  values: 0,
  agreed: 0,
  valid: 0,
  allowed: new Map<string, number>(),
};

afterAll(() => {
  const rate = totals.values ? (100 * totals.agreed) / totals.values : 100;
  console.log(
    `validators vs ajv: ${totals.documents} documents, ${totals.schemas} named schemas and ` +
      `${totals.parts} endpoint parts (${totals.judged} judged, ${totals.refused} ajv refuses), ${totals.values} values, ` +
      `${totals.valid} of them valid to ajv; ${totals.agreed} agreed (${rate.toFixed(3)}%)` +
      [...totals.allowed].map(([r, n]) => `\n  allowed ×${n}: ${r}`).join(""),
  );
});

describe("generated validators agree with ajv", () => {
  it.each(DOCUMENTS)("$name", async ({ name, files, cwd }) => {
    const model = loadModel(files, { cwd });
    const slug = name.replace(/[^a-z0-9]+/gi, "-");
    const loaded = await loadValidators(model, `oracle/${slug}`);
    generated.set(name, loaded.files);
    const types = createTypeIndex(model);
    const parts = endpointParts(model, loaded);
    const judges = ajvJudges(
      model,
      parts.map((p) => p.schema),
    );
    const subjects: Subject[] = [
      ...Object.keys(model.schemas)
        .sort()
        .map((schema) => ({
          key: schema,
          label: schema,
          schema: model.schemas[schema]!.schema,
          validator: loaded.schemas[types.schemaTypeName(schema)]!,
        })),
      ...parts.map((part, i) => ({ ...part, key: `#part${i}` })),
    ];
    const unexplained: Disagreement[] = [];
    totals.documents++;
    let seed = 1;
    for (const subject of subjects) {
      const named = !subject.key.startsWith("#part");
      if (named) totals.schemas++;
      else totals.parts++;
      const judge = judges.get(subject.key)!;
      if (judge instanceof Error) {
        totals.refused++;
        continue;
      }
      totals.judged++;
      const samples = fakerSamples(
        model,
        subject.key,
        4,
        parts.map((p) => p.schema),
      );
      const values = [
        ...samples,
        ...samples.flatMap((s, i) => mutations(s, seed * 10 + i)),
        ...arbitraryValues(seed, named ? 12 : 6),
        ...(EXTRA[name]?.[subject.label] ?? []),
      ];
      seed++;
      for (const value of values) {
        totals.values++;
        const ajv = judge(value);
        if (ajv) totals.valid++;
        const ours = subject.validator.is(value);
        if (ajv === ours) {
          totals.agreed++;
          continue;
        }
        const d = { document: name, schema: subject.label, value, ajv, ours };
        const allowed = ALLOWED.find((a) => a.applies(model, subject, d));
        if (allowed)
          totals.allowed.set(
            allowed.reason,
            (totals.allowed.get(allowed.reason) ?? 0) + 1,
          );
        else unexplained.push(d);
      }
    }
    expect(unexplained.slice(0, 5)).toEqual([]);
  });

  it("compiles every document's validators under strict TypeScript", async () => {
    const dir = outDir("oracle-tsc");
    for (const { name, files, cwd } of DOCUMENTS) {
      const slug = name.replace(/[^a-z0-9]+/gi, "-");
      writeFiles(
        join(dir, slug),
        generated.get(name) ??
          (await emitted("validators", loadModel(files, { cwd }), {})),
      );
    }
    expect(typeCheck(dir)).toBe("");
  });
});

/** Whether `schema` or anything it references satisfies `test`. */
function reaches(
  model: ApiModel,
  schema: Schema,
  test: (s: Schema) => boolean,
): boolean {
  const seen = new Set<string>();
  const stack: unknown[] = [schema];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) stack.push(...node);
    else if (typeof node === "object" && node !== null) {
      const s = node as Schema;
      if (test(s)) return true;
      if (typeof s.$ref === "string") {
        const target = schemaRefName(s.$ref);
        if (target !== undefined && !seen.has(target)) {
          seen.add(target);
          stack.push(model.schemas[target]?.schema);
        }
      }
      for (const v of Object.values(s)) stack.push(v);
    }
  }
  return false;
}

/** Every endpoint part the validators check, with the schema it was made from. */
function endpointParts(
  model: ApiModel,
  loaded: LoadedValidators,
): Omit<Subject, "key">[] {
  const out: Omit<Subject, "key">[] = [];
  for (const endpoint of model.endpoints) {
    const validators = loaded.endpoints[endpoint.name]!;
    const params = endpoint.parameters;
    const schemas: Record<string, Schema | undefined> = {
      path: paramsSchema(params.path),
      query: paramsSchema(params.query),
      headers: paramsSchema(headerParameters(endpoint)),
      cookies: paramsSchema(params.cookie),
      body:
        endpoint.requestBody &&
        jsonSchemaOf(endpoint.requestBody.content, true),
    };
    for (const [part, schema] of Object.entries(schemas)) {
      const validator = validators[part];
      if (validator && schema)
        out.push({
          label: `${endpoint.name} ${part}`,
          schema,
          validator,
          direction: "request",
        });
    }
    for (const response of endpoint.responses) {
      const validator = validators.responses[response.status];
      const schema = jsonSchemaOf(response.content);
      if (validator && schema)
        out.push({
          label: `${endpoint.name} ${response.status}`,
          schema,
          validator,
          direction: "response",
        });
    }
  }
  return out;
}
