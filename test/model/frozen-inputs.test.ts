import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import { parseText } from "../../src/ingest/load.js";
import type { ParsedDocument } from "../../src/ingest/parse/parsed-document.js";
import { CORPUS, CORPUS_DIR, describeCorpus } from "../shared-corpus.js";

/**
 * The model keeps the parsed documents' own objects where a schema needs no change (the schema
 * converter copies only what it rewrites), so nothing after ingest may write into a schema: a
 * write would change the input for the next reader of the same object (another endpoint, another
 * emitter). Every parsed value is deep-frozen here; a write throws (ES modules are strict), and
 * the files must be those of a run on unfrozen inputs.
 */

const REPO = resolve(import.meta.dirname, "../..");
const ALL = [
  "types",
  "client",
  "server",
  "validators",
  "docs",
  "openapi",
  "query",
  "mocks",
];

function deepFreeze(value: unknown, seen = new Set<object>()): void {
  if (typeof value !== "object" || value === null || seen.has(value)) return;
  seen.add(value);
  for (const child of Object.values(value)) deepFreeze(child, seen);
  Object.freeze(value);
}

function frozenParse(text: string, file: string): ParsedDocument[] {
  const docs = parseText(text, file);
  for (const doc of docs) deepFreeze(doc.value);
  return docs;
}

async function filesOf(
  inputs: string[],
  cwd: string,
  freeze: boolean,
): Promise<Map<string, string>> {
  const { files } = await generate(inputs, {
    cwd,
    artifacts: ALL,
    ...(freeze ? { parse: frozenParse } : {}),
  });
  return new Map(files.map((f) => [f.path, f.contents]));
}

it("the Stride seeds: no emitter writes into a frozen input, and the files are the same", async () => {
  const specs = readdirSync(join(REPO, "specs"))
    .sort()
    .map((f) => `specs/${f}`);
  const frozen = await filesOf(specs, REPO, true);
  expect(frozen.size).toBeGreaterThan(20);
  expect([...frozen.values()].join("").length).toBeGreaterThan(100_000);
  expect(frozen).toEqual(await filesOf(specs, REPO, false));
});

it("a frozen input does throw on a write (the check can fail)", () => {
  const [doc] = frozenParse('{"a": {"b": [1]}}', "x.json");
  const value = doc!.value as { a: { b: number[] } };
  expect(() => value.a.b.push(2)).toThrow(TypeError);
  expect(() => {
    (value.a as Record<string, unknown>).c = 1;
  }).toThrow(TypeError);
});

describeCorpus("the shared corpus, frozen", () => {
  for (const entry of CORPUS)
    it(entry.file, async () => {
      const frozen = await filesOf([entry.file], CORPUS_DIR, true);
      expect(frozen).toEqual(await filesOf([entry.file], CORPUS_DIR, false));
    });
});
