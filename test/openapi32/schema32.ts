import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import { load } from "js-yaml";
import type { GeneratedFile } from "../../src/emit/artifact.js";
import { ORACLES_DIR } from "../shared-corpus.js";

/**
 * The official OpenAPI 3.2 JSON Schema (../shared/oracles/oas32/schema.yaml), compiled by ajv.
 * ajv resolves the schema's `$dynamicRef: '#meta'` (the Schema Object's dialect hook) to the
 * wrong anchor; without a dialect given it means the schema's own `$defs/schema`.
 */
export function schema32(): ValidateFunction {
  const ajv = new Ajv2020({ strict: false, validateFormats: false });
  const text = readFileSync(join(ORACLES_DIR, "oas32/schema.yaml"), "utf8");
  return ajv.compile(
    load(
      text.replaceAll("$dynamicRef: '#meta'", "$ref: '#/$defs/schema'"),
    ) as object,
  );
}

/** The `openapi.json` an `openapi` run wrote, parsed. */
export function openApiJson(files: readonly GeneratedFile[]): {
  openapi: string;
  paths: Record<string, Record<string, unknown>>;
} {
  return JSON.parse(
    files.find((f) => f.path === "openapi.json")!.contents as string,
  ) as { openapi: string; paths: Record<string, Record<string, unknown>> };
}
