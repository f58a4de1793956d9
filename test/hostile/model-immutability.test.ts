import { describe, expect, it } from "vitest";
import { ingestFiles, ingestTexts } from "../../src/ingest/index.js";
import { buildModel } from "../../src/model/merge/build.js";
import type { DocumentModel } from "../../src/model/types.js";
import { REPO } from "./cli.js";

/**
 * Class 8 of issue 10: building the model leaves what the readers made as it was, so a model can
 * be built twice (with another `prefer`, in watch mode) from one ingest. The readers' documents
 * are deep-frozen here: any write to them throws (ES modules are strict).
 */
const SEEDS = [
  "specs/stride-full.postman.json",
  "specs/stride-subset.postman.json",
  "specs/stride-messaging.swagger.yaml",
  "specs/stride-conversations.swagger.yaml",
  "specs/stride-messages.swagger.yaml",
];

function deepFreeze(value: unknown, seen = new Set<object>()): void {
  if (typeof value !== "object" || value === null || seen.has(value)) return;
  seen.add(value);
  Object.freeze(value);
  for (const key of Object.keys(value))
    deepFreeze((value as Record<string, unknown>)[key], seen);
}

function buildTwice(documents: DocumentModel[], prefer: string[]) {
  const before = structuredClone(documents);
  deepFreeze(documents);
  const first = buildModel(documents, [], {});
  const other = buildModel(documents, [], { prefer });
  const again = buildModel(documents, [], {});
  expect(documents).toEqual(before);
  expect(again).toEqual(first);
  return { first, other };
}

describe("the model does not change what it was given", () => {
  it("Stride seeds: the readers' documents stay as they were, and building twice gives the same model", () => {
    const { documents } = ingestFiles(SEEDS, { cwd: REPO });
    const { first, other } = buildTwice(documents, [
      "specs/stride-full.postman.json",
    ]);
    expect(other).not.toEqual(first); // prefer matters, so the equalities above could fail
  });

  it("renamed schemas, prose auth and path-parameter repairs are made on copies", () => {
    const a = {
      file: "a.yaml",
      text: [
        "openapi: 3.1.0",
        "info: {title: a, version: '1'}",
        "paths:",
        "  /pets/{petId}/{owner}:",
        "    get:",
        "      description: Authentication required, with scope pets:read",
        "      parameters:",
        "        - {name: petId, in: path, required: true, schema: {type: string}}",
        "        - {name: gone, in: path, required: true, schema: {type: string}}",
        "      responses:",
        "        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}",
        "components:",
        "  schemas:",
        "    Pet: {type: object, properties: {name: {type: string}}}",
        "",
      ].join("\n"),
    };
    const b = {
      file: "b.yaml",
      text: [
        'swagger: "2.0"',
        "info: {title: b, version: '1'}",
        "paths:",
        "  /pets:",
        "    get:",
        "      responses:",
        "        '200': {description: ok, schema: {$ref: '#/definitions/Pet'}}",
        "definitions:",
        "  Pet: {type: object, properties: {id: {type: integer}}}",
        "",
      ].join("\n"),
    };
    const { documents, diagnostics } = ingestTexts([a, b], { cwd: REPO });
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const { first, other } = buildTwice(documents, ["b.yaml"]);
    const codes = (m: typeof first) => m.diagnostics.map((d) => d.code);
    for (const model of [first, other])
      expect(codes(model)).toEqual(
        expect.arrayContaining([
          "merge/schema-conflict",
          "security/scopes-from-prose",
          "model/unused-path-parameter",
          "model/undeclared-path-parameter",
        ]),
      );
    // which Pet keeps its name depends on prefer: the other one's references are rewritten
    expect(Object.keys(first.schemas).sort()).toEqual(["Pet", "Pet2"]);
    expect(first.schemas.Pet).not.toEqual(other.schemas.Pet);
  });
});
