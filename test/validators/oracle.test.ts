import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { schemaRefName } from "../../src/model/schema-ref.js";
import { loadModel } from "../../src/pipeline.js";
import type { ApiModel, Schema } from "../../src/model/types.js";
import { CORPUS_DIR, CORPUS_FILES, CORPUS_PRESENT } from "../shared-corpus.js";
import { loadValidators, outDir, typeCheck, writeFiles } from "./generated.js";
import {
  ajvJudges,
  arbitraryValues,
  fakerSamples,
  mutations,
} from "./oracle.js";
import { SPEC } from "./keywords-spec.js";
import { emitValidators } from "../../src/emit/validators/index.js";
import { createTypeIndex } from "../../src/emit/types/index.js";

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

interface Allowed {
  reason: string;
  applies(model: ApiModel, schema: string, d: Disagreement): boolean;
}

/** Every deliberate difference from ajv, with its reason. */
const ALLOWED: Allowed[] = [
  {
    reason:
      "OpenAPI's discriminator picks the one member to check (OpenAPI 3.1 §4.8.25); plain oneOf rejects a value several members accept",
    applies: (model, schema, d) =>
      d.ajv === false && reaches(model, schema, (s) => "discriminator" in s),
  },
];

/** Hand-picked values where a deliberate difference shows (document → schema → values). */
const EXTRA: Record<string, Record<string, unknown[]>> = {
  // Circle and Square both accept it; the discriminator says Circle
  keywords: { Shape: [{ kind: "round", r: 1, side: 1 }] },
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

const totals = {
  documents: 0,
  schemas: 0,
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
    `validators vs ajv: ${totals.documents} documents, ${totals.schemas} named schemas ` +
      `(${totals.judged} judged, ${totals.refused} ajv refuses), ${totals.values} values, ` +
      `${totals.valid} of them valid to ajv; ${totals.agreed} agreed (${rate.toFixed(3)}%)` +
      [...totals.allowed].map(([r, n]) => `\n  allowed ×${n}: ${r}`).join(""),
  );
});

describe("generated validators agree with ajv", () => {
  it.each(DOCUMENTS)("$name", async ({ name, files, cwd }) => {
    const model = loadModel(files, { cwd });
    const slug = name.replace(/[^a-z0-9]+/gi, "-");
    const loaded = await loadValidators(model, `oracle/${slug}`);
    const judges = ajvJudges(model);
    const types = createTypeIndex(model);
    const unexplained: Disagreement[] = [];
    totals.documents++;
    let seed = 1;
    for (const schema of Object.keys(model.schemas).sort()) {
      totals.schemas++;
      const judge = judges.get(schema)!;
      if (judge instanceof Error) {
        totals.refused++;
        continue;
      }
      totals.judged++;
      const validator = loaded.schemas[types.schemaTypeName(schema)]!;
      const samples = fakerSamples(model, schema, 4);
      const values = [
        ...samples,
        ...samples.flatMap((s, i) => mutations(s, seed * 10 + i)),
        ...arbitraryValues(seed, 12),
        ...(EXTRA[name]?.[schema] ?? []),
      ];
      seed++;
      for (const value of values) {
        totals.values++;
        const ajv = judge(value);
        if (ajv) totals.valid++;
        const ours = validator.is(value);
        if (ajv === ours) {
          totals.agreed++;
          continue;
        }
        const d = { document: name, schema, value, ajv, ours };
        const allowed = ALLOWED.find((a) => a.applies(model, schema, d));
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
      const model = loadModel(files, { cwd });
      const slug = name.replace(/[^a-z0-9]+/gi, "-");
      writeFiles(
        join(dir, slug),
        (await emitValidators(model, {})).map((f) => ({ ...f })),
      );
    }
    expect(typeCheck(dir)).toBe("");
  });
});

/** Whether `schema` or anything it references satisfies `test`. */
function reaches(
  model: ApiModel,
  name: string,
  test: (s: Schema) => boolean,
): boolean {
  const seen = new Set<string>();
  const stack: unknown[] = [model.schemas[name]?.schema];
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
