import { readdirSync } from "node:fs";
import { join } from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { emitOpenApi } from "../../src/emit/openapi/index.js";
import { loadModel } from "../../src/pipeline.js";
import { HTTP_METHODS, type ApiModel } from "../../src/model/types.js";
import { CORPUS_DIR, CORPUS_FILES } from "../shared-corpus.js";

const CORPUS = CORPUS_DIR;

const corpusFiles = CORPUS_FILES;

const seedFiles = readdirSync("specs")
  .sort()
  .map((f) => `specs/${f}`);

/** `GET /path operationId` for each operation of the document. */
function operationsOf(doc: {
  paths?: Record<string, Record<string, unknown>>;
}): string[] {
  const out: string[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {}))
    for (const method of HTTP_METHODS) {
      const op = item[method] as { operationId?: string } | undefined;
      if (op) out.push(`${method.toUpperCase()} ${path} ${op.operationId}`);
    }
  return out.sort();
}

function endpointsOf(model: ApiModel): string[] {
  return model.endpoints
    .map((e) => `${e.method.toUpperCase()} ${e.path} ${e.name}`)
    .sort();
}

async function check(files: string[]): Promise<void> {
  const model = loadModel(files);
  const [file] = await emitOpenApi(model);
  const doc = JSON.parse(file!.contents);
  const result = await new Validator().validate(doc);
  expect(result.errors, JSON.stringify(result.errors, null, 2)).toBeUndefined();
  expect(result.valid).toBe(true);
  expect(model.endpoints.length).toBeGreaterThan(0);
  expect(operationsOf(doc)).toEqual(endpointsOf(model));
  // written already as prettier writes JSON, without running prettier in the generator
  expect(file!.contents).toBe(
    await prettier.format(file!.contents, { parser: "json" }),
  );
}

describe("openapi.json validates against the OpenAPI 3.1 schema, one operation per endpoint", () => {
  it("for the five Stride seeds merged (with the overlays beside them)", async () => {
    expect(seedFiles.filter((f) => !f.endsWith(".overlay.yaml"))).toHaveLength(
      5,
    );
    await check(seedFiles);
  });

  it.each(corpusFiles)("for corpus/%s", async (file) => {
    await check([join(CORPUS, file)]);
  });
});
