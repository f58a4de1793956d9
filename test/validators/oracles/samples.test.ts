import { afterAll, describe, expect, it } from "vitest";
import { jsonSchemaOf } from "../../../src/emit/validators/index.js";
import { createTypeIndex } from "../../../src/emit/type-index/type-index.js";
import { schemaRefName } from "../../../src/model/schema/ref.js";
import type { ApiModel, Example, Schema } from "../../../src/model/types.js";
import { loadModel } from "../../../src/pipeline.js";
import { describeCorpus } from "../../shared-corpus.js";
import { loadValidators, type LoadedValidator } from "../generated.js";
import { ajvJudges, fakerSamples } from "../oracle.js";
import {
  findingKey,
  freshEntries,
  judge,
  literal,
  oracleDocuments,
  orphans,
  typeCheck,
  UPDATE,
} from "./harness.js";
import { SAMPLES_ALLOWED } from "./samples-allowed.js";

/**
 * Oracle 1 of issue 24: samples must fit their types. For every named schema, request body and
 * response body of the fault fixtures, the seeds and the shared corpus, json-schema-faker makes
 * a few seeded samples and the spec's own examples join them; ajv (JSON Schema 2020-12) keeps the
 * valid ones. Each is written as `const p0: <GeneratedType> = <literal>;` in one program per
 * document beside the generated types.ts, and must compile; the generated validator must accept
 * it. One valid object with a required member removed (ajv rejects it) must not compile either
 * (`// @ts-expect-error`). Findings, by kind:
 * - `types.ts`: the generated types.ts itself does not compile;
 * - `type`: the type rejects a value the schema allows;
 * - `undeclared`: a valid value has a member the schema does not declare, which the object
 *   literal's excess-property check refuses (JSON Schema allows it; the types, like
 *   openapi-typescript's, list declared members only: mostly examples that disagree with their
 *   schema, and Postman schemas inferred from one example of several);
 * - `loose`: the type accepts a value without a required member;
 * - `validator`: the generated validator rejects a value the schema allows;
 * - `example`: the spec's example does not match its own schema (listed, never typed).
 * Every finding is in samples-allowed.ts with its reason, or the test fails; so does an entry
 * nothing finds any more. `APILOOM_ORACLE_UPDATE=1` prints the fresh list instead.
 */

const SAMPLES_PER_SUBJECT = 3;
/** "Unused '@ts-expect-error' directive." */
const UNUSED_EXPECT_ERROR = 2578;
/** "Object literal may only specify known properties" (and its "did you mean" form). */
const EXCESS_PROPERTY = [2353, 2561];

interface Subject {
  label: string;
  /** The judge's key: a schema name or `#part<i>`. */
  key: string;
  type: string;
  schema: Schema;
  validator: LoadedValidator | undefined;
  examples: unknown[];
}

const DOCUMENTS = oracleDocuments();
const fresh = new Map<string, string>();
const totals = { documents: 0, subjects: 0, values: 0, negatives: 0 };
const started = Date.now();

afterAll(() => {
  console.log(
    `samples oracle: ${totals.documents} documents, ${totals.subjects} subjects, ` +
      `${totals.values} valid values typed, ${totals.negatives} values without a required member, ` +
      `${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  if (UPDATE)
    console.log(
      `samples-allowed.ts entries (paste into SAMPLES_ALLOWED):\n${freshEntries(fresh, SAMPLES_ALLOWED)}`,
    );
});

async function check(name: string, files: string[], cwd: string) {
  const findings = await sampleFindings(name, files, cwd);
  for (const [k, v] of findings) fresh.set(k, v);
  const { unexplained, stale } = judge(name, findings, SAMPLES_ALLOWED);
  if (UPDATE) return;
  expect({ unexplained, stale }).toEqual({ unexplained: [], stale: [] });
}

const SLOW = 180_000; // Slack's 1.2 MB document on a busy machine

describe("samples fit the generated types and validators", () => {
  it.each(DOCUMENTS.filter((d) => d.format === "fixture"))(
    "$name",
    ({ name, files, cwd }) => check(name, files, cwd),
  );

  it("every allow-list entry names a document the oracle reads", () => {
    expect(orphans(SAMPLES_ALLOWED, DOCUMENTS)).toEqual([]);
  });
});

describeCorpus(
  "samples fit the generated types and validators (seeds, corpus)",
  () => {
    it("reads the seeds and the corpus", () => {
      expect(
        DOCUMENTS.filter((d) => d.format !== "fixture").length,
      ).toBeGreaterThan(0);
    });

    it.each(DOCUMENTS.filter((d) => d.format !== "fixture"))(
      "$name",
      ({ name, files, cwd }) => check(name, files, cwd),
      SLOW,
    );
  },
);

async function sampleFindings(
  name: string,
  files: string[],
  cwd: string,
): Promise<Map<string, string>> {
  const model = loadModel(files, { cwd });
  const slug = name.replace(/[^a-z0-9]+/gi, "-");
  const loaded = await loadValidators(model, `oracles/${slug}`);
  const typesFile = loaded.files.find((f) => f.path === "types.ts")!;
  const subjects = subjectsOf(model, loaded);
  const judges = ajvJudges(
    model,
    subjects.filter((s) => s.key.startsWith("#part")).map((s) => s.schema),
  );
  const partSchemas = subjects
    .filter((s) => s.key.startsWith("#part"))
    .map((s) => s.schema);
  const findings = new Map<string, string>();
  const note = (subject: string, kind: string, detail: string) => {
    const key = findingKey(name, subject, kind);
    if (!findings.has(key)) findings.set(key, detail);
  };
  totals.documents++;
  /** Line of samples.ts → what it declares. */
  const lines: string[] = [`import type * as T from "./types.js";`];
  const at = new Map<number, { subject: string; kind: string; text: string }>();
  for (const subject of subjects) {
    const judgeOf = judges.get(subject.key);
    if (!judgeOf || judgeOf instanceof Error) continue; // ajv refuses the schema: nothing to judge by
    totals.subjects++;
    const valid: unknown[] = [];
    for (const example of subject.examples) {
      if (judgeOf(example)) valid.push(example);
      else note(subject.label, "example", short(literal(example)));
    }
    for (const sample of fakerSamples(
      model,
      subject.key,
      SAMPLES_PER_SUBJECT,
      partSchemas,
    ))
      if (judgeOf(sample)) valid.push(sample);
    for (const value of valid) {
      totals.values++;
      const text = literal(value);
      at.set(lines.length + 1, { subject: subject.label, kind: "type", text });
      lines.push(`export const p${lines.length}: ${subject.type} = ${text};`);
      if (subject.validator && !subject.validator.is(value))
        note(
          subject.label,
          "validator",
          `${short(text)}: ${JSON.stringify(subject.validator.check(value)[0])}`,
        );
    }
    const negative = withoutARequiredMember(valid, judgeOf, model, subject);
    if (negative !== undefined) {
      totals.negatives++;
      const text = literal(negative);
      at.set(lines.length + 1, { subject: subject.label, kind: "loose", text });
      lines.push("// @ts-expect-error a required member is missing");
      lines.push(`export const n${lines.length}: ${subject.type} = ${text};`);
    }
  }
  const problems = typeCheck(
    new Map([
      ["/oracle/types.ts", typesFile.contents],
      ["/oracle/samples.ts", lines.join("\n") + "\n"],
    ]),
  );
  for (const p of problems) {
    if (p.file === "/oracle/types.ts") {
      note("types.ts", "types.ts", `line ${p.line}: TS${p.code} ${p.message}`);
      continue;
    }
    const line = at.get(p.line);
    if (!line) {
      note(
        "samples.ts",
        "samples.ts",
        `line ${p.line}: TS${p.code} ${p.message}`,
      );
      continue;
    }
    if ((line.kind === "loose") !== (p.code === UNUSED_EXPECT_ERROR)) continue;
    const kind =
      line.kind === "type" &&
      EXCESS_PROPERTY.includes(p.code) &&
      !p.message.includes("does not exist in type '[") // an object where a tuple is
        ? "undeclared"
        : line.kind;
    note(
      line.subject,
      kind,
      line.kind === "loose"
        ? `type accepts ${short(line.text)}`
        : `TS${p.code} ${short(p.message)} in ${short(line.text)}`,
    );
  }
  return findings;
}

/** Named schemas (their read type) and each endpoint's JSON request and response bodies. */
function subjectsOf(
  model: ApiModel,
  loaded: Awaited<ReturnType<typeof loadValidators>>,
): Subject[] {
  const types = createTypeIndex(model);
  const out: Subject[] = Object.keys(model.schemas)
    .sort()
    .map((schema) => {
      const typeName = types.schemaTypeName(schema);
      const s = model.schemas[schema]!.schema;
      return {
        label: schema,
        key: schema,
        type: `T.${typeName}`,
        schema: s,
        validator: loaded.schemas[typeName],
        examples: [
          ...(s.examples ?? []),
          ...("example" in s ? [s["example"]] : []),
        ],
      };
    });
  let part = 0;
  for (const endpoint of model.endpoints) {
    const names = types.endpoint(endpoint);
    const validators = loaded.endpoints[endpoint.name];
    const body = endpoint.requestBody;
    const bodySchema = body && jsonSchemaOf(body.content);
    if (body && bodySchema && names.body)
      out.push({
        label: `${endpoint.name} body`,
        key: `#part${part++}`,
        type: `T.${names.body}`,
        schema: bodySchema,
        validator: validators?.["body"],
        examples: examplesOf(body.content, bodySchema),
      });
    for (const response of endpoint.responses) {
      const schema = jsonSchemaOf(response.content);
      if (!schema) continue;
      out.push({
        label: `${endpoint.name} ${response.status}`,
        key: `#part${part++}`,
        type: `T.${names.responses}[${JSON.stringify(response.status)}]`,
        schema,
        validator: validators?.responses[response.status],
        examples: examplesOf(response.content, schema),
      });
    }
  }
  return out;
}

function examplesOf(
  content: readonly { schema?: Schema; examples?: Example[] }[],
  schema: Schema,
): unknown[] {
  const media = content.find((c) => c.schema === schema);
  return (media?.examples ?? [])
    .filter((e) => "value" in e && e.value !== undefined)
    .map((e) => e.value);
}

/**
 * A valid object with one top-level member removed that ajv then rejects: a required member the
 * type must require too. Not for schemas that reach readOnly/writeOnly members (the generated
 * types make those optional on purpose, OpenAPI 3.1 §4.8.24).
 */
function withoutARequiredMember(
  valid: readonly unknown[],
  judgeOf: (value: unknown) => boolean,
  model: ApiModel,
  subject: Subject,
): unknown {
  if (
    reaches(
      model,
      subject.schema,
      (s) => s.readOnly === true || s.writeOnly === true,
    )
  )
    return undefined;
  for (const value of valid) {
    if (typeof value !== "object" || value === null || Array.isArray(value))
      continue;
    for (const key of Object.keys(value)) {
      const copy: Record<string, unknown> = { ...value };
      delete copy[key];
      if (!judgeOf(copy)) return copy;
    }
  }
  return undefined;
}

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
      const target =
        typeof s.$ref === "string" ? schemaRefName(s.$ref) : undefined;
      if (target !== undefined && !seen.has(target)) {
        seen.add(target);
        stack.push(model.schemas[target]?.schema);
      }
      for (const v of Object.values(s)) stack.push(v);
    }
  }
  return false;
}

function short(text: string): string {
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}
