import { join } from "node:path";
import { expect, it } from "vitest";
import { ingestFiles } from "../src/ingest/index.js";
import { loadModel } from "../src/pipeline.js";
import { CORPUS, CORPUS_DIR, describeCorpus } from "./shared-corpus.js";

describeCorpus("the corpus", () => {
  it("has the 19 documents the manifest lists", () => {
    expect(CORPUS).toHaveLength(19);
  });

  it.each(CORPUS)(
    "$file is read without a crash and yields its $operations operations",
    ({ file, operations }) => {
      const path = join(CORPUS_DIR, file);
      const { documents, diagnostics } = ingestFiles([path]);
      expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      expect(documents).toHaveLength(1);
      expect(documents[0]!.endpoints).toHaveLength(operations);
      const model = loadModel([path]);
      // operations with the same method and path (Postman often repeats a request) merge into one endpoint
      expect(model.endpoints.length).toBeGreaterThan(0);
      expect(model.endpoints.length).toBeLessThanOrEqual(operations);
      expect(new Set(model.endpoints.map((e) => e.name)).size).toBe(
        model.endpoints.length,
      );
      for (const d of model.diagnostics) {
        expect(d.file).not.toBe("");
        expect(d.line).toBeGreaterThan(0);
        expect(d.column).toBeGreaterThan(0);
      }
    },
  );
});
