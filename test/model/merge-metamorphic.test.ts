import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import type { InputText } from "../../src/ingest/index.js";
import { parseText } from "../../src/ingest/load.js";
import { CORPUS_DIR, CORPUS_FILES, describeCorpus } from "../shared-corpus.js";

/*
 * Merging, judged by what must hold whatever the documents say (metamorphic relations, no
 * expected output written here): a description read with a copy of itself, or split into two
 * halves by its paths (each half with every definition), generates the code it generates alone.
 * Docs and openapi.json name their sources, so the code artifacts are compared.
 */
const ARTIFACTS = ["types", "client", "server", "validators"];
const DOCUMENTS = CORPUS_FILES.filter((f) => !f.startsWith("postman/"));

async function code(inputs: InputText[]): Promise<Map<string, string>> {
  const { files } = await generate(inputs, {
    artifacts: ARTIFACTS,
    cwd: "/virtual",
  });
  return new Map(files.map((f) => [f.path, f.contents]));
}

describeCorpus("a description merged with itself", () => {
  it.each(DOCUMENTS)(
    "%s: with a copy, or split by its paths, generates the same code",
    async (file) => {
      // read as apiloom reads it (the yaml package's defaults refuse Docker's)
      const [parsed] = parseText(
        readFileSync(join(CORPUS_DIR, file), "utf8"),
        file,
      );
      const document = parsed!.value as { paths: Record<string, unknown> };
      const halves = [0, 1].map((half) => ({
        ...document,
        paths: Object.fromEntries(
          Object.entries(document.paths).filter((_, i) => i % 2 === half),
        ),
      }));
      const text = (value: unknown) => JSON.stringify(value, null, 1);
      const alone = await code([{ file: "api.json", text: text(document) }]);
      expect(alone.size).toBeGreaterThan(0);
      const copied = await code([
        { file: "api.json", text: text(document) },
        { file: "copy/api.json", text: text(document) },
      ]);
      const split = await code(
        halves.map((half, i) => ({ file: `half${i}.json`, text: text(half) })),
      );
      expect(copied).toEqual(alone);
      expect(split).toEqual(alone);
    },
  );
});
